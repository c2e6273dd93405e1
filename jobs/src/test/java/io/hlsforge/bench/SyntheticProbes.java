package io.hlsforge.bench;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.ProbeRecord;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.pack.EncoderVersion;
import io.hlsforge.plan.PackagePlan;
import io.hlsforge.plan.PackagePlanner;
import io.hlsforge.plan.ProbedAsset;
import io.hlsforge.plan.Reuse;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.testkit.Probes;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the manifests a package stage over a catalogue of {@code assets} titles starts from: one
 * probe row per title (1080p25 H.264/AAC; every 100th title 30 minutes long, so it is chunked, the
 * rest one minute), and a committed encoding (a renditions row with the encoding id the planner
 * computes under the default settings) for every title but the first {@code uncommitted}, whose
 * sources do not exist. The input of the million-asset planning benchmark (bin/bench 7): the
 * package stage then reads, plans and reuses every committed title on the driver and fails the rest
 * in the executors, one failure row each. Usage: {@code SyntheticProbes <output-uri> <assets>
 * <uncommitted>}.
 */
public final class SyntheticProbes {
  private SyntheticProbes() {}

  public static void main(String[] args) {
    String output = args[0];
    int assets = Integer.parseInt(args[1]);
    int uncommitted = Integer.parseInt(args[2]);
    SparkSession spark = SparkSession.builder().appName("hlsforge synthetic probes").getOrCreate();
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < assets; i++) {
        ids.add(i);
      }
      JavaRDD<Integer> all = jsc.parallelize(ids, Math.max(1, jsc.defaultParallelism() * 4));
      ManifestStore store = new ManifestStore(spark, output);
      store.append(
          ManifestStore.PROBES,
          ProbeRecord.class,
          all.map(i -> ProbeRecord.of("synthetic", null, asset(i), 1L)));
      store.append(
          ManifestStore.RENDITIONS,
          RenditionRecord.class,
          all.filter(i -> i >= uncommitted)
              .mapPartitions(
                  part -> {
                    HlsforgeSettings settings = defaultSettings();
                    PackagePlanner planner = new PackagePlanner(settings, EncoderVersion.get());
                    List<RenditionRecord> out = new ArrayList<>();
                    while (part.hasNext()) {
                      ProbedAsset a = asset(part.next());
                      PackagePlan plan = planner.plan(List.of(a), Set.of(), Reuse.COMMITTED);
                      out.add(committed(a.assetId(), plan.units().get(0).encodingId()));
                    }
                    return out.iterator();
                  }));
    } finally {
      spark.stop();
    }
  }

  /**
   * The default settings. Through reflection: bin/bench runs this class against the job jar, where
   * the Config type of ConfigLoader's signature is relocated (io.hlsforge.shaded…), so a direct
   * call compiled against the unrelocated library would not link.
   */
  static HlsforgeSettings defaultSettings() throws ReflectiveOperationException {
    Method load = ConfigLoader.class.getMethod("load", Map.class, Optional.class, Optional.class);
    Object config = load.invoke(null, Map.of(), Optional.empty(), Optional.empty());
    for (Method m : HlsforgeSettings.class.getMethods()) {
      if (m.getName().equals("from") && m.getParameterCount() == 1) {
        return (HlsforgeSettings) m.invoke(null, config);
      }
    }
    throw new NoSuchMethodException("HlsforgeSettings.from(Config)");
  }

  static ProbedAsset asset(int i) {
    double seconds = i % 100 == 0 ? 1800 : 60;
    return Probes.asset(
        String.format("title-%07d", i),
        String.format("file:/synthetic/missing/title-%07d.mp4", i),
        50_000_000L + i,
        1_700_000_000_000L + i,
        Probes.of(
            "mov,mp4,m4a,3gp,3g2,mj2",
            seconds,
            6_000_000,
            "h264",
            "High",
            40,
            1920,
            1080,
            1,
            1,
            25,
            25,
            false,
            0,
            "aac",
            2,
            48000,
            "eng"));
  }

  /** The one renditions row that makes an encoding committed (the planner reads only its ids). */
  static RenditionRecord committed(String assetId, String encodingId) {
    return new RenditionRecord(
        "synthetic",
        assetId,
        encodingId,
        "audio-stereo",
        "audio",
        "file:/none",
        0,
        0,
        0,
        0,
        128,
        2,
        "eng",
        "mp4a.40.2",
        "ts",
        null,
        10,
        60,
        960_000,
        6,
        131_000,
        128_000,
        "synthetic",
        1L,
        0L,
        "Audio",
        "default",
        false,
        null,
        List.of(0),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
