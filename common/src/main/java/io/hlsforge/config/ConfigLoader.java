package io.hlsforge.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that decides configuration precedence. Highest wins:
 *
 * <ol>
 *   <li>{@code --set key=value} on the command line (values parsed as HOCON, so {@code 6}, {@code
 *       true} and {@code [a,b]} keep their types);
 *   <li>the {@code --config} file (any Hadoop FileSystem URI; its text is passed in here);
 *   <li>the application config: {@code application.conf} on the classpath or next to the launcher
 *       ({@code conf/application.conf}), or {@code -Dconfig.file};
 *   <li>{@code reference.conf} shipped in the jar, the only home of defaults.
 * </ol>
 *
 * The result is resolved once on the driver; executors receive {@link HlsforgeSettings}, never a
 * Config.
 */
public final class ConfigLoader {
  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(secret|password|passwd|token|credential|access[-_.]?key|session[-_.]?key).*");

  private ConfigLoader() {}

  /**
   * Layers the sources in precedence order; {@code configFileText} and {@code application} may be
   * empty.
   */
  public static Config load(
      Map<String, String> overrides,
      Optional<String> configFileText,
      Optional<Config> application) {
    Config config = ConfigFactory.defaultReference();
    config =
        application.map(app -> app.withFallback(ConfigFactory.defaultReference())).orElse(config);
    if (configFileText.isPresent()) {
      Config file =
          ConfigFactory.parseString(
              configFileText.get(), ConfigParseOptions.defaults().setOriginDescription("--config"));
      config = file.withFallback(config);
    }
    config = parseOverrides(overrides).withFallback(config);
    return config.resolve();
  }

  /** Parses {@code --set} pairs; a value that is not valid HOCON is taken as a plain string. */
  static Config parseOverrides(Map<String, String> overrides) {
    Config result = ConfigFactory.empty();
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      Config one;
      try {
        one = ConfigFactory.parseString(e.getKey() + " = " + e.getValue());
      } catch (RuntimeException notHocon) {
        one =
            ConfigFactory.empty()
                .withValue(e.getKey(), ConfigValueFactory.fromAnyRef(e.getValue()));
      }
      result = result.withFallback(one);
    }
    return result;
  }

  /** Splits {@code key=value}; a usage error (IllegalArgumentException) when there is no '='. */
  public static Map.Entry<String, String> splitAssignment(String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "Cannot parse --set '" + assignment + "': expected key=value");
    }
    return Map.entry(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
  }

  /** The effective hlsforge and S3 settings, sorted, secrets masked: safe to log. */
  public static String describe(Config config) {
    SortedMap<String, String> lines = new TreeMap<>();
    config.entrySet().stream()
        .filter(e -> e.getKey().startsWith("hlsforge.") || e.getKey().startsWith("fs."))
        .forEach(
            e ->
                lines.put(
                    e.getKey(),
                    isSecret(e.getKey())
                        ? "*****"
                        : truncate(e.getValue().render(ConfigRenderOptions.concise()))));
    return lines.entrySet().stream()
        .map(e -> e.getKey() + " = " + e.getValue())
        .collect(Collectors.joining("\n"));
  }

  public static boolean isSecret(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  private static String truncate(String value) {
    return value.length() > 200 ? value.substring(0, 200) + "..." : value;
  }
}
