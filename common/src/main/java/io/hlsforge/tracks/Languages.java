package io.hlsforge.tracks;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Language tags as HLS wants them: RFC 8216 asks for BCP 47 (RFC 5646) in LANGUAGE, whose rule is
 * the shortest ISO 639 code, so the ISO 639-2 codes containers carry ({@code spa}, bibliographic
 * {@code fre}/{@code ger} or terminological {@code fra}/{@code deu}) become {@code es}, {@code fr},
 * {@code de}. A tag that is already BCP 47 ({@code en}, {@code pt-BR}) is kept (case normalised);
 * anything unknown or missing is {@code und}. Pure.
 */
public final class Languages {
  public static final String UNDETERMINED = "und";

  /** ISO 639-2 (bibliographic and terminological) → ISO 639-1, and the English name. */
  private static final String[][] TABLE = {
    {"ara", "ar", "Arabic"},
    {"bul", "bg", "Bulgarian"},
    {"cat", "ca", "Catalan"},
    {"ces", "cs", "Czech"},
    {"cze", "cs", "Czech"},
    {"chi", "zh", "Chinese"},
    {"zho", "zh", "Chinese"},
    {"dan", "da", "Danish"},
    {"deu", "de", "German"},
    {"ger", "de", "German"},
    {"ell", "el", "Greek"},
    {"gre", "el", "Greek"},
    {"eng", "en", "English"},
    {"est", "et", "Estonian"},
    {"eus", "eu", "Basque"},
    {"baq", "eu", "Basque"},
    {"fas", "fa", "Persian"},
    {"per", "fa", "Persian"},
    {"fin", "fi", "Finnish"},
    {"fra", "fr", "French"},
    {"fre", "fr", "French"},
    {"glg", "gl", "Galician"},
    {"heb", "he", "Hebrew"},
    {"hin", "hi", "Hindi"},
    {"hrv", "hr", "Croatian"},
    {"hun", "hu", "Hungarian"},
    {"ind", "id", "Indonesian"},
    {"isl", "is", "Icelandic"},
    {"ice", "is", "Icelandic"},
    {"ita", "it", "Italian"},
    {"jpn", "ja", "Japanese"},
    {"kor", "ko", "Korean"},
    {"lav", "lv", "Latvian"},
    {"lit", "lt", "Lithuanian"},
    {"msa", "ms", "Malay"},
    {"may", "ms", "Malay"},
    {"nld", "nl", "Dutch"},
    {"dut", "nl", "Dutch"},
    {"nor", "no", "Norwegian"},
    {"nob", "nb", "Norwegian Bokmål"},
    {"pol", "pl", "Polish"},
    {"por", "pt", "Portuguese"},
    {"ron", "ro", "Romanian"},
    {"rum", "ro", "Romanian"},
    {"rus", "ru", "Russian"},
    {"slk", "sk", "Slovak"},
    {"slo", "sk", "Slovak"},
    {"slv", "sl", "Slovenian"},
    {"spa", "es", "Spanish"},
    {"srp", "sr", "Serbian"},
    {"swe", "sv", "Swedish"},
    {"tam", "ta", "Tamil"},
    {"tha", "th", "Thai"},
    {"tur", "tr", "Turkish"},
    {"ukr", "uk", "Ukrainian"},
    {"vie", "vi", "Vietnamese"},
    {"cym", "cy", "Welsh"},
    {"wel", "cy", "Welsh"},
  };

  private static final Map<String, String> TO_BCP47 = new HashMap<>();
  private static final Map<String, String> NAMES = new HashMap<>();

  static {
    for (String[] row : TABLE) {
      TO_BCP47.put(row[0], row[1]);
      NAMES.put(row[1], row[2]);
    }
  }

  private Languages() {}

  /** The BCP 47 tag for a container's language tag; {@code und} when unknown or absent. */
  public static String bcp47(String tag) {
    if (tag == null || tag.isBlank()) {
      return UNDETERMINED;
    }
    String t = tag.strip().replace('_', '-');
    if (!t.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
      return UNDETERMINED;
    }
    String[] parts = t.split("-");
    String primary = parts[0].toLowerCase(Locale.ROOT);
    primary = TO_BCP47.getOrDefault(primary, primary);
    // A code we know no two-letter form for stays (ISO 639-2/3 subtags are valid BCP 47, e.g.
    // "yue"), except those that say there is no single language.
    if (primary.equals("mis") || primary.equals("mul") || primary.equals("zxx")) {
      return UNDETERMINED;
    }
    StringBuilder out = new StringBuilder(primary);
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      // Region subtags upper case (pt-BR), script subtags title case (zh-Hant), others lower.
      out.append('-')
          .append(
              p.length() == 2
                  ? p.toUpperCase(Locale.ROOT)
                  : p.length() == 4
                      ? p.substring(0, 1).toUpperCase(Locale.ROOT)
                          + p.substring(1).toLowerCase(Locale.ROOT)
                      : p.toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  /** An English name for a BCP 47 tag ("Spanish", "Portuguese (BR)"); the tag itself if unknown. */
  public static String name(String bcp47) {
    if (bcp47 == null || bcp47.equals(UNDETERMINED)) {
      return null;
    }
    String[] parts = bcp47.split("-", 2);
    String base = NAMES.get(parts[0]);
    if (base == null) {
      return bcp47;
    }
    return parts.length == 1 ? base : base + " (" + parts[1] + ")";
  }

  /** Whether two tags (any of the forms {@link #bcp47} accepts) name the same language. */
  public static boolean sameLanguage(String a, String b) {
    String x = bcp47(a);
    String y = bcp47(b);
    return x.equals(y) || x.split("-")[0].equals(y.split("-")[0]) && !x.equals(UNDETERMINED);
  }
}
