package io.hlsforge.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hlsforge.config.CdnSpec;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * CloudFront invalidation of the stable paths, sent to a local HTTP endpoint that records the
 * request.
 */
class CdnInvalidatorTest {

  @Test
  void stablePathsAreTheMastersAndTheIndexUnderThePrefix() {
    CdnSpec cdn = new CdnSpec(true, "E123", "vod/", "");
    assertThat(CdnInvalidator.stablePaths(cdn, List.of("a", "b")))
        .containsExactly("/vod/a/master.m3u8", "/vod/b/master.m3u8", "/vod/index.json");
    assertThat(CdnInvalidator.stablePaths(new CdnSpec(false, "", "", ""), List.of("a")))
        .containsExactly("/a/master.m3u8", "/index.json");
  }

  @Test
  void sendsOneCloudFrontInvalidationBatch() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + "\n" + body);
          byte[] reply =
              ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                      + "<Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Id>I123</Id><Status>InProgress</Status>"
                      + "<CreateTime>2026-11-25T20:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/x</Path></Items></Paths>"
                      + "<CallerReference>r</CallerReference></InvalidationBatch></Invalidation>")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/xml");
          ex.getResponseHeaders()
              .set("Location", "http://127.0.0.1/2020-05-31/distribution/E123/invalidation/I123");
          ex.sendResponseHeaders(201, reply.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(reply);
          }
        });
    server.start();
    System.setProperty("aws.accessKeyId", "test-access");
    System.setProperty("aws.secretAccessKey", "test-secret");
    try {
      CdnSpec cdn =
          new CdnSpec(true, "E123", "/vod", "http://127.0.0.1:" + server.getAddress().getPort());
      String id =
          CdnInvalidator.invalidate(
              cdn, CdnInvalidator.stablePaths(cdn, List.of("show-1")), "hlsforge-run-7");
      assertThat(id).isEqualTo("I123");
      assertThat(requests)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r).startsWith("POST /2020-05-31/distribution/E123/invalidation");
                assertThat(r)
                    .contains(
                        "<Path>/vod/show-1/master.m3u8</Path>",
                        "<Path>/vod/index.json</Path>",
                        "<Quantity>2</Quantity>",
                        "<CallerReference>hlsforge-run-7</CallerReference>");
              });
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
      server.stop(0);
    }
  }
}
