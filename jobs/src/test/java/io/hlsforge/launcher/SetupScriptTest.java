package io.hlsforge.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What bin/hlsforge installs before every command (bin/setup): the PulseAudio client library when
 * it is missing and hls.js for the player page, nothing else: no browser, no server. The script
 * runs for real in a copy of the repository's files it reads, with apt-get, sudo, ldconfig and npm
 * replaced on the PATH by stand-ins that record how they were called (the real ones would install
 * onto this machine).
 */
class SetupScriptTest {
  private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

  @TempDir Path dir;

  @Test
  void theLauncherRunsTheRuntimeSetupOnly() throws IOException {
    String launcher = Files.readString(REPO.resolve("bin/hlsforge"));
    assertThat(launcher).contains("\"$here/bin/setup\"").doesNotContain("setup-tests");
  }

  @Test
  void aFreshMachineGetsTheAudioLibraryAndHlsJsAndNothingElse() throws Exception {
    Path repo = copyOfWhatSetupReads();
    Path calls = dir.resolve("calls.log");

    run(repo, shims(calls, false));
    List<String> first = Files.readAllLines(calls);
    assertThat(first)
        .containsExactly(
            "apt-get update -qq",
            "apt-get install -y -qq libpulse0",
            "npm ci --omit=dev --no-audit --no-fund --loglevel=error");
    assertThat(String.join("\n", first))
        .doesNotContainIgnoringCase("chromium")
        .doesNotContain("nginx", "pushgateway", "policy-rc.d", "systemctl");
    assertThat(repo.resolve("player/vendor/hls.min.js")).hasContent("hls.js stand-in");

    // Again, now that both are there: nothing is installed.
    Files.delete(calls);
    run(repo, shims(calls, true));
    assertThat(calls).doesNotExist();
  }

  private Path copyOfWhatSetupReads() throws IOException {
    Path repo = dir.resolve("repo");
    for (String file :
        List.of(
            "bin/setup", "bin/apt-install", "player/package.json", "player/package-lock.json")) {
      Path target = repo.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(REPO.resolve(file), target);
    }
    return repo;
  }

  /** A PATH folder whose apt-get, sudo and npm log their arguments to {@code calls}. */
  private Path shims(Path calls, boolean libpulseInstalled) throws IOException {
    Path bin = dir.resolve(libpulseInstalled ? "bin-installed" : "bin-fresh");
    Files.createDirectories(bin);
    String log = "echo \"$(basename \"$0\") $*\" >> '" + calls + "'\n";
    shim(bin, "apt-get", log);
    shim(bin, "sudo", "exec \"$@\"\n");
    // npm ci in player/: what the real one leaves behind for bin/setup to copy.
    shim(
        bin,
        "npm",
        log
            + "mkdir -p node_modules/hls.js/dist\n"
            + "echo 'hls.js stand-in' > node_modules/hls.js/dist/hls.min.js\n");
    shim(
        bin,
        "ldconfig",
        libpulseInstalled
            ? "echo '\tlibpulse.so.0 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libpulse.so.0'\n"
            : "true\n");
    return bin;
  }

  private static void shim(Path bin, String name, String body) throws IOException {
    Path script = bin.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void run(Path repo, Path shims) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", repo.resolve("bin/setup").toString())
            .redirectErrorStream(true)
            .redirectInput(new File("/dev/null"));
    pb.environment().put("PATH", shims + File.pathSeparator + System.getenv("PATH"));
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
  }
}
