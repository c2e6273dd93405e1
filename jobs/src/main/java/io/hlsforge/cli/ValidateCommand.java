package io.hlsforge.cli;

import io.hlsforge.media.MediaException;
import io.hlsforge.media.MediaProber;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.ScratchDirs;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Validates any HLS presentation (hlsforge's or another tool's) without Spark. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a master or media playlist (path, Hadoop FS URI or http(s) URL) against RFC 8216 and Apple's HLS authoring rules.",
      "Errors (MUST) and warnings (SHOULD) carry a rule id; docs/conformance.md explains each. Exit 0 without errors, 1 with errors."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "<playlist>",
      description = "master.m3u8 or a media playlist")
  String playlist;

  @Option(
      names = "--source",
      paramLabel = "<media>",
      description = "The original media: also check duration, audio presence and no upscaling.")
  String source;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Configuration conf = new Configuration();
    String uri =
        playlist.startsWith("http://") || playlist.startsWith("https://")
            ? playlist
            : JobLauncher.location(playlist, "<playlist>");
    Optional<ProbeResult> sourceFacts = Optional.empty();
    if (source != null) {
      sourceFacts =
          Optional.of(
              probeSource(new HadoopStorage(conf), JobLauncher.location(source, "--source")));
    }
    ValidationReport report =
        new HlsValidator(new StorageResourceReader(new HadoopStorage(conf)))
            .validate(uri, sourceFacts);
    System.out.print(json ? report.toJson() : report.toText());
    return report.valid() ? Main.EXIT_OK : Main.EXIT_FAILED;
  }

  private static ProbeResult probeSource(HadoopStorage storage, String uri)
      throws IOException, InterruptedException {
    Path scratch = ScratchDirs.create("", "hlsforge-validate-");
    try {
      return new MediaProber(Duration.ofMinutes(5))
          .probe(storage.localize(uri, scratch, Long.MAX_VALUE));
    } catch (MediaException e) {
      throw new UsageException("Cannot probe --source " + uri + ": " + e.getMessage(), e);
    } finally {
      ScratchDirs.deleteQuietly(scratch);
    }
  }
}
