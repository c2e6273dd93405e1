package io.hlsforge.validate;

import static io.hlsforge.validate.Views.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MediaGroupRulesTest {
  private static final String ENGLISH =
      "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"en.m3u8\"";
  private final MediaGroupRules rules = new MediaGroupRules();

  private List<Finding> check(String... lines) {
    return Views.check(rules, Views.presentation(Views.master(lines), List.of(), List.of()));
  }

  @Test
  void aWellFormedAudioGroupHasNoFindings() {
    assertThat(
            check(
                "#EXTM3U",
                ENGLISH,
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"Français\",LANGUAGE=\"fr\",DEFAULT=NO,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"fr.m3u8\"",
                "#EXT-X-STREAM-INF:BANDWIDTH=1,AUDIO=\"aud\"",
                "v.m3u8"))
        .isEmpty();
  }

  @Test
  void twoDefaultsAMissingLanguageAndAnUnknownGroupBreakC12() {
    List<Finding> findings =
        check(
            "#EXTM3U",
            ENGLISH,
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"Other\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"o.m3u8\"",
            "#EXT-X-STREAM-INF:BANDWIDTH=1,AUDIO=\"surround\"",
            "v.m3u8");
    assertThat(findings).allSatisfy(f -> assertThat(f.rule()).isEqualTo(Rule.C12));
    assertThat(findings)
        .extracting(Finding::message)
        .containsExactly(
            "EXT-X-MEDIA aud/Other has no LANGUAGE",
            "group AUDIO/aud has 2 DEFAULT=YES renditions",
            "variant v.m3u8 references AUDIO group \"surround\" that does not exist");
  }

  @Test
  void aDefaultWithoutAutoselectAndAnUnknownTypeBreakC12() {
    assertThat(
            check(
                "#EXTM3U",
                ENGLISH.replace("AUTOSELECT=YES", "AUTOSELECT=NO"),
                "#EXT-X-MEDIA:TYPE=SOUND,GROUP-ID=\"x\",NAME=\"y\""))
        .extracting(Finding::message)
        .containsExactly(
            "EXT-X-MEDIA aud/English is DEFAULT=YES without AUTOSELECT=YES",
            "EXT-X-MEDIA has no valid TYPE: {TYPE=SOUND, GROUP-ID=x, NAME=y}");
  }

  @Test
  void stereoAnd51OfOneLanguageBothAutoselectInOneGroupBreakC16() {
    // RFC 8216 §4.3.4.1.1: AUTOSELECT=YES members need distinct LANGUAGE/ASSOC-LANGUAGE/FORCED/
    // CHARACTERISTICS; what earlier releases wrote for surround sources.
    List<Finding> findings =
        check(
            "#EXTM3U",
            ENGLISH,
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"5.1\",LANGUAGE=\"en\",DEFAULT=NO,AUTOSELECT=YES,CHANNELS=\"6\",URI=\"51.m3u8\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"Described\",LANGUAGE=\"en\",DEFAULT=NO,AUTOSELECT=YES,CHARACTERISTICS=\"public.accessibility.describes-video\",CHANNELS=\"2\",URI=\"ad.m3u8\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"Commentary\",LANGUAGE=\"en\",DEFAULT=NO,AUTOSELECT=NO,CHANNELS=\"2\",URI=\"c.m3u8\"",
            "#EXT-X-STREAM-INF:BANDWIDTH=1,AUDIO=\"aud\"",
            "v.m3u8");
    assertThat(findings)
        .extracting(Finding::rule, Finding::message)
        .containsExactly(
            Tuple.tuple(
                Rule.C16,
                "group aud: \"English\" and \"5.1\" are both AUTOSELECT=YES with LANGUAGE=\"en\" and"
                    + " the same FORCED/CHARACTERISTICS"));
  }

  @Test
  void aVariantNamingAMissingSubtitlesGroupBreaksC12() {
    assertThat(
            check(
                "#EXTM3U",
                ENGLISH,
                "#EXT-X-STREAM-INF:BANDWIDTH=1,AUDIO=\"aud\",SUBTITLES=\"subs\"",
                "v.m3u8"))
        .extracting(Finding::message)
        .containsExactly("variant v.m3u8 references SUBTITLES group \"subs\" that does not exist");
  }
}
