package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
  @Test
  void theVersionIsTheOneThePomDeclares() throws Exception {
    // The parent pom's own <version> (after its artifactId), read as text: not through BuildInfo.
    String pom = Files.readString(Path.of("..", "pom.xml"));
    Matcher m =
        Pattern.compile("<artifactId>hlsforge-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(m.find()).as("parent pom declares its version").isTrue();
    assertThat(BuildInfo.version()).isEqualTo(m.group(1)).doesNotContain("${");
  }
}
