package io.hlsforge;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A loopback HTTP front for S3Proxy that misbehaves the way S3 does under load: it answers some
 * requests with {@code 503 SlowDown}, delays others, and answers every request for a forbidden key
 * pattern with {@code 403 AccessDenied}. Everything else is passed through byte for byte (the
 * signature covers the Host header, which the client addressed to this front, so the front changes
 * nothing but the Connection header).
 *
 * <p>Faults are decided per distinct request (method + target) and only on its first sight, so a
 * retried request always gets through: the test proves retries happen and succeed, not luck. Every
 * response carries {@code Connection: close}, so each request arrives on a connection of its own
 * and is inspected.
 */
final class FaultyS3Front implements AutoCloseable {
  private final ServerSocket server;
  private final int backendPort;
  private final ExecutorService connections =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "faulty-s3-front");
            t.setDaemon(true);
            return t;
          });
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicInteger distinct = new AtomicInteger();

  /** Every Nth distinct request is answered 503 SlowDown once (0 = never). */
  volatile int throttleEvery;

  /** Every Nth distinct request is held this long before it is passed on (0 = never). */
  volatile int delayEvery;

  volatile long delayMillis;

  /** Requests whose decoded path matches are always answered 403 AccessDenied (null = none). */
  volatile Pattern forbidden;

  final AtomicInteger throttled = new AtomicInteger();
  final AtomicInteger delayed = new AtomicInteger();
  final AtomicInteger denied = new AtomicInteger();
  final AtomicInteger passed = new AtomicInteger();

  FaultyS3Front(int backendPort) throws IOException {
    this.backendPort = backendPort;
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "faulty-s3-front-accept");
    accept.setDaemon(true);
    accept.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Back to a well-behaved front (the counters keep their values). */
  void behave() {
    throttleEvery = 0;
    delayEvery = 0;
    forbidden = null;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      String head = readHead(in);
      if (head == null) {
        return;
      }
      String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
      String method = requestLine[0];
      String target = requestLine[1];
      String path = URLDecoder.decode(target.split("\\?", 2)[0], StandardCharsets.UTF_8);
      Pattern deny = forbidden;
      if (deny != null && deny.matcher(path).find()) {
        denied.incrementAndGet();
        reply(client, in, head, method, 403, "Forbidden", "AccessDenied", "Access Denied");
        return;
      }
      if (seen.add(method + " " + target)) {
        int n = distinct.incrementAndGet();
        if (throttleEvery > 0 && n % throttleEvery == 0) {
          throttled.incrementAndGet();
          reply(
              client,
              in,
              head,
              method,
              503,
              "Slow Down",
              "SlowDown",
              "Please reduce your request rate.");
          return;
        }
        if (delayEvery > 0 && n % delayEvery == 0) {
          delayed.incrementAndGet();
          Thread.sleep(delayMillis);
        }
      }
      passed.incrementAndGet();
      forward(client, in, head);
    } catch (IOException | InterruptedException e) {
      // The client went away; it will retry or fail on its own.
    }
  }

  private void forward(Socket client, InputStream in, String head)
      throws IOException, InterruptedException {
    try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
      OutputStream toBackend = backend.getOutputStream();
      toBackend.write(withConnectionClose(head).getBytes(StandardCharsets.ISO_8859_1));
      toBackend.flush();
      Thread upload =
          new Thread(
              () -> {
                try {
                  in.transferTo(toBackend);
                } catch (IOException e) {
                  // the exchange is over
                }
              },
              "faulty-s3-front-upload");
      upload.setDaemon(true);
      upload.start();
      backend.getInputStream().transferTo(client.getOutputStream());
      client.getOutputStream().flush();
    }
  }

  /**
   * Answers with an S3 error document; a body the client already sends is read and dropped first.
   */
  private static void reply(
      Socket client,
      InputStream in,
      String head,
      String method,
      int status,
      String phrase,
      String code,
      String message)
      throws IOException {
    String lower = head.toLowerCase(Locale.ROOT);
    long length = header(lower, "content-length").map(Long::parseLong).orElse(0L);
    if (!header(lower, "expect").orElse("").contains("100-continue")) {
      in.skipNBytes(length);
    }
    String body =
        method.equals("HEAD")
            ? ""
            : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                + code
                + "</Code><Message>"
                + message
                + "</Message><RequestId>faulty-front</RequestId></Error>";
    String response =
        "HTTP/1.1 "
            + status
            + " "
            + phrase
            + "\r\nContent-Type: application/xml\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\nConnection: close\r\n\r\n"
            + body;
    client.getOutputStream().write(response.getBytes(StandardCharsets.UTF_8));
    client.getOutputStream().flush();
  }

  private static Optional<String> header(String lowerHead, String name) {
    for (String line : lowerHead.split("\r\n")) {
      if (line.startsWith(name + ":")) {
        return Optional.of(line.substring(name.length() + 1).strip());
      }
    }
    return Optional.empty();
  }

  private static String withConnectionClose(String head) {
    StringBuilder out = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        out.append(line).append("\r\n");
      }
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  /** The request line and headers (without the blank line), or null at end of stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
      }
      if (head.size() > 64 * 1024) {
        throw new IOException("request head larger than 64 KiB");
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }
}
