package io.hlsforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.testkit.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervised child: stand-ins that hang, allocate without bound or crash, and hostile inputs
 * for the bundled ffprobe. Each ends as a reason class, and nothing is left running.
 */
class ChildProcessTest {
  @TempDir Path dir;

  private static boolean running(String marker) {
    return ProcessHandle.allProcesses()
        .anyMatch(p -> p.info().commandLine().orElse("").contains(marker));
  }

  private static boolean childRuns(String marker) {
    return ProcessHandle.allProcesses()
        .anyMatch(
            p ->
                p.info().command().orElse("").endsWith("/sleep")
                    && p.info().commandLine().orElse("").contains(marker));
  }

  @Test
  void aChildThatNeverEndsIsKilledWithItsDescendants() throws Exception {
    String marker =
        "sleep 9" + ProcessHandle.current().pid(); // unique: this test's own processes only
    assertThatThrownBy(
            () ->
                ChildProcess.run(
                    List.of("sh", "-c", marker + " & " + marker + "; wait"),
                    Duration.ofMillis(500),
                    null))
        .isInstanceOf(ChildProcess.TimeoutException.class)
        .hasMessageContaining("timed out");
    assertThat(Await.until(() -> !running(marker))).as("no orphan left behind").isTrue();
  }

  @Test
  void aChildKilledBySegfaultIsANativeCrash() throws Exception {
    ChildProcess.Result r =
        ChildProcess.run(List.of("sh", "-c", "kill -SEGV $$"), Duration.ofSeconds(10), null);
    assertThat(r.signal()).isEqualTo(11);
    assertThat(r.failureKind(MediaException.Kind.ENCODE_FAILED))
        .isEqualTo(MediaException.Kind.NATIVE_CRASH);
    assertThat(r.describe()).startsWith("was killed by signal 11 (SIGSEGV)");
  }

  @Test
  void aChildThatAllocatesWithoutBoundHitsItsCapAndIsOutOfMemory() throws Exception {
    // tail keeps a never-ending line in memory: it grows until the 64 MB address-space cap stops
    // it.
    List<String> hog =
        ChildProcess.withMemoryLimit(
            List.of("sh", "-c", "head -c 2000000000 /dev/zero | tail -n 1 > /dev/null"), 64L << 20);
    ChildProcess.Result r = ChildProcess.run(hog, Duration.ofSeconds(60), null);
    assertThat(r.succeeded()).isFalse();
    assertThat(r.failureKind(MediaException.Kind.ENCODE_FAILED))
        .as(r.stderrTail())
        .isEqualTo(MediaException.Kind.OUT_OF_MEMORY);
  }

  @Test
  void aPlaylistPointingAtTheNetworkIsRefused() throws Exception {
    Path evil =
        Files.writeString(
            dir.resolve("evil.m3u8"),
            "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:9/a.ts\n#EXT-X-ENDLIST\n");
    assertProbeRefused(evil, "Protocol 'http' not on whitelist");
  }

  private static void assertProbeRefused(Path evil, String ffmpegsReason) {
    assertThatThrownBy(() -> new MediaProber(Duration.ofSeconds(30)).probe(evil))
        .isInstanceOfSatisfying(
            MediaException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(MediaException.Kind.PROTOCOL_DENIED);
              assertThat(e.getMessage()).contains(ffmpegsReason);
            });
  }

  @Test
  void aConcatListPointingAtSystemFilesIsRefused() throws Exception {
    Path evil =
        Files.writeString(dir.resolve("evil.ffconcat"), "ffconcat version 1.0\nfile /etc/passwd\n");
    assertProbeRefused(evil, "Unsafe file name '/etc/passwd'");
  }

  @Test
  void whenTheJvmDiesItsChildDiesToo() throws Exception {
    // The child as ffmpeg is started: exec'd directly (a shell would fork a grandchild of its own).
    String seconds = "8" + ProcessHandle.current().pid();
    String marker = "sleep " + seconds;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process owner =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ChildOwner.class.getName(),
                "sleep",
                seconds)
            .redirectErrorStream(true)
            .start();
    owner.getInputStream().read(); // "started"
    // Wait for sleep itself, not for the supervisor (whose command line names it too): only once
    // the child has been exec'd are both the supervisor's and the child's death signals armed.
    assertThat(Await.until(() -> childRuns(marker))).as("the child runs").isTrue();
    owner.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block
    owner.waitFor();
    assertThat(Await.until(() -> !running(marker)))
        .as("no orphan after the owning JVM was killed")
        .isTrue();
  }
}
