package io.hlsforge.cli;

import io.hlsforge.jobs.Pipeline;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.storage.ScratchDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The newcomer's first command: generates a small sample catalogue with the bundled ffmpeg and runs
 * the whole pipeline on it in local mode — the one place hlsforge picks a master itself.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generate sample media (1080p30 H.264/AAC, 720p25, an MP3, a broken file) and run the whole pipeline locally.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--dir", description = "Demo working directory (default: ./demo-output).")
  Path dir = Path.of("demo-output");

  @Option(
      names = "--fresh",
      description =
          "Delete the previous demo's output/ and hosting/ first (otherwise a second demo finds everything done and skips it).")
  boolean fresh;

  @Option(names = "--force", description = "Encode and publish again even what is unchanged.")
  boolean force;

  @Option(names = "--master", description = "Spark master (default: local[*]).")
  String master = "local[*]";

  @Option(
      names = "--set",
      paramLabel = "key=value",
      description = "Override one config value. Repeatable.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--verbose", description = "Print the effective settings before the run.")
  boolean verbose;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path root = dir.toAbsolutePath().normalize();
    Path samples = root.resolve("samples");
    System.out.println(
        "hlsforge demo: generating sample media in " + samples + " with the bundled ffmpeg …");
    Path catalogue = writeSampleCatalogue(samples, root.resolve("catalogue.csv"));
    if (fresh) {
      ScratchDirs.deleteQuietly(root.resolve("output"));
      ScratchDirs.deleteQuietly(root.resolve("hosting"));
    }

    CommonOptions o = new CommonOptions();
    o.catalogue = catalogue.toString();
    o.output = root.resolve("output").toString();
    o.hosting = root.resolve("hosting").toString();
    o.master = master;
    o.sets = sets;
    o.force = force;
    o.verbose = verbose;
    // The launcher's summary names the manifests and the stable entry points.
    return JobLauncher.launch(o, Pipeline.Stages.ALL, "hlsforge demo");
  }

  /** Sample sources, generated once and reused on the next demo run. */
  static Path writeSampleCatalogue(Path samples, Path catalogue)
      throws IOException, InterruptedException {
    Files.createDirectories(samples);
    Path bars1080 = samples.resolve("testcard-1080p30.mp4");
    if (!Files.exists(bars1080)) {
      SampleMedia.testCard(bars1080, 1920, 1080, "30", 12);
    }
    Path clip720 = samples.resolve("testcard-720p25.mp4");
    if (!Files.exists(clip720)) {
      SampleMedia.testCard(clip720, 1280, 720, "25", 10);
    }
    Path podcast = samples.resolve("podcast-episode.mp3");
    if (!Files.exists(podcast)) {
      SampleMedia.mp3(podcast, 20);
    }
    Path broken = SampleMedia.broken(samples.resolve("broken-upload.mp4"));
    Files.writeString(
        catalogue,
        String.join(
                "\n",
                "asset_id,source_uri,title",
                "testcard-1080p30," + csv(bars1080) + ",Test card 1080p 30 fps with tone",
                "testcard-720p25," + csv(clip720) + ",Test card 720p 25 fps with tone",
                "podcast-episode," + csv(podcast) + ",Podcast episode (MP3)",
                "broken-upload," + csv(broken) + ",A broken upload (not media)")
            + "\n");
    return catalogue;
  }

  /** A path as a CSV field: quoted, since a --dir may hold commas or quotes. */
  private static String csv(Path p) {
    return "\"" + p.toString().replace("\"", "\"\"") + "\"";
  }
}
