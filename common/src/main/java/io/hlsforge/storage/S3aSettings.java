package io.hlsforge.storage;

import io.hlsforge.config.S3Spec;
import java.util.Arrays;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * Carries hlsforge's S3 settings (hlsforge.s3.*) over to the s3a:// file system, so sources, output
 * and hosting share one endpoint definition. Only keys the job did not set already are filled in
 * ({@code spark.hadoop.fs.s3a.*} from spark-submit wins). Credentials are never set here: s3a reads
 * the standard AWS environment variables and provider chain itself.
 */
public final class S3aSettings {
  private S3aSettings() {}

  public static void apply(Configuration conf, S3Spec s3) {
    if (!s3.endpoint().isBlank()) {
      setIfMissing(conf, "fs.s3a.endpoint", s3.endpoint());
      if (s3.endpoint().startsWith("http://")) {
        setIfMissing(conf, "fs.s3a.connection.ssl.enabled", "false");
      }
    }
    setIfMissing(conf, "fs.s3a.endpoint.region", s3.region());
    setIfMissing(conf, "fs.s3a.path.style.access", Boolean.toString(s3.pathStyleAccess()));
  }

  /**
   * Sets a key unless someone set it. Defaults do not count: Hadoop's *-default.xml values and the
   * ones Spark marks "Set by Spark to default values" (fs.s3a.endpoint = s3.amazonaws.com).
   */
  private static void setIfMissing(Configuration conf, String key, String value) {
    String[] sources = conf.getPropertySources(key);
    boolean explicit =
        conf.get(key) != null
            && sources != null
            && Arrays.stream(sources)
                .noneMatch(s -> s.toLowerCase(Locale.ROOT).contains("default"));
    if (!explicit) {
      conf.set(key, value);
    }
  }
}
