package io.hlsforge.storage;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * The one owner of locations: how what a user typed becomes a location, and how a location becomes
 * a Hadoop {@link Path}, a local file or a bucket and key. Every option ({@code --catalogue},
 * {@code --output}, {@code --hosting}, {@code --config}), catalogue cell ({@code source_uri},
 * subtitle files) and listed file goes through here, so a name with a space, {@code #}, {@code %},
 * {@code ?}, brackets or non-ASCII letters means the same file everywhere.
 *
 * <p>A location is a string in Hadoop's path form: scheme, authority, then the path's characters as
 * they are, never percent-encoded ({@code file:///media/Season 1/a#1.mp4}, {@code
 * hdfs://nn:8020/media/x.mp4}). Local files always read {@code file:///…}. What users type:
 *
 * <ul>
 *   <li>a plain path means exactly those characters; a relative one is taken against a base (the
 *       working directory for options, the catalogue's folder for catalogue cells);
 *   <li>a {@code file:} URI follows RFC 8089: {@code file:/p}, {@code file:///p} and {@code
 *       file://localhost/p}, with percent-encoded characters decoded once (what a file manager's
 *       "copy link" gives); {@code ?} and {@code #} are part of the name, so a location hlsforge
 *       printed reads back as the same file;
 *   <li>any other {@code scheme://} location ({@code hdfs}, {@code s3a}, {@code s3}, …) is taken as
 *       Hadoop takes it: its path characters are literal, as {@code hdfs dfs -ls} and the S3
 *       console show them (the scheme lower-cased, {@code .}, {@code ..} and doubled slashes
 *       removed, as Hadoop does when it opens the path).
 * </ul>
 *
 * A colon alone does not make a scheme: {@code Interview: part 1.mp4} is a file name.
 */
public final class Locations {
  private Locations() {}

  /** The parts of a location; {@code authority} is empty for local files. */
  public record Parts(String scheme, String authority, String path) {
    public boolean isLocal() {
      return "file".equals(scheme);
    }
  }

  /** What a user typed on the command line: relative paths against the working directory. */
  public static String normalize(String typed) {
    return resolve(workingDirectory(), typed);
  }

  /**
   * What a user typed, with a relative path taken against {@code base} (a location, such as the
   * catalogue's folder).
   */
  public static String resolve(String base, String typed) {
    if (typed == null || typed.isBlank()) {
      throw new IllegalArgumentException("Cannot use an empty location");
    }
    String t = typed.strip();
    if (hasAuthorityScheme(t) && !t.regionMatches(true, 0, "file:", 0, 5)) {
      Parts p = parts(t);
      return format(p.scheme(), p.authority(), normalizePath(p.path()));
    }
    if (t.regionMatches(true, 0, "file:", 0, 5)) {
      return local(fileUriPath(t));
    }
    if (t.startsWith("/")) {
      return local(t);
    }
    Parts b = parts(base);
    String joined = b.path().endsWith("/") ? b.path() + t : b.path() + "/" + t;
    return format(b.scheme(), b.authority(), normalizePath(joined));
  }

  /** The parts of a location (as {@link #resolve} returns it, or a listed file's). */
  public static Parts parts(String location) {
    int sep = location.indexOf("://");
    if (sep > 0 && isScheme(location.substring(0, sep))) {
      String scheme = location.substring(0, sep).toLowerCase(Locale.ROOT);
      int pathStart = location.indexOf('/', sep + 3);
      String authority =
          pathStart < 0 ? location.substring(sep + 3) : location.substring(sep + 3, pathStart);
      String path = pathStart < 0 ? "/" : location.substring(pathStart);
      return new Parts(scheme, authority, path);
    }
    if (location.regionMatches(true, 0, "file:", 0, 5)) {
      return new Parts("file", "", location.substring(5));
    }
    if (location.startsWith("/")) {
      return new Parts("file", "", location);
    }
    throw new IllegalArgumentException(
        "'" + location + "' is not a location (expected a scheme:// URI or an absolute path)");
  }

  /** The Hadoop path of a location; its characters are taken literally. */
  public static Path hadoopPath(String location) {
    Parts p = parts(location);
    return new Path(p.scheme(), p.authority().isEmpty() ? null : p.authority(), p.path());
  }

  /** A location for a path Hadoop listed or returned. */
  public static String of(Path path) {
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException("'" + path + "' is a relative path, not a location");
    }
    URI u = path.toUri();
    String scheme = u.getScheme() == null ? "file" : u.getScheme();
    return format(scheme, u.getAuthority() == null ? "" : u.getAuthority(), u.getPath());
  }

  /** The local file a {@code file:} location names, or empty for any other file system. */
  public static Optional<java.nio.file.Path> localFile(String location) {
    Parts p = parts(location);
    return p.isLocal() ? Optional.of(Paths.get(p.path())) : Optional.empty();
  }

  /** The scheme of a location: {@code file}, {@code hdfs}, {@code s3a}, … */
  public static String scheme(String location) {
    return parts(location).scheme();
  }

  /**
   * The location to hand to a reader that expands glob patterns (Spark's file sources, Hadoop's
   * globStatus): the characters those treat as patterns are escaped, so a folder named {@code [1]}
   * or {@code why?} is read as named.
   */
  public static String globLiteral(String location) {
    StringBuilder b = new StringBuilder(location.length() + 8);
    for (char c : location.toCharArray()) {
      if ("\\[]{}*?".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * A playlist's reference (an RFC 3986 URI reference, percent-encoded as URIs are) resolved
   * against the location of the playlist, as a player resolves it; the result is a location.
   * Returns empty when the reference is not a valid URI reference.
   */
  public static Optional<String> resolveReference(String base, String reference) {
    Parts b = parts(base);
    try {
      URI baseUri =
          new URI(b.scheme(), b.authority().isEmpty() ? null : b.authority(), b.path(), null, null);
      URI resolved = baseUri.resolve(new URI(reference));
      if (resolved.getScheme() != null && !resolved.getScheme().equalsIgnoreCase(b.scheme())) {
        return Optional.of(resolved.toString());
      }
      String authority = resolved.getAuthority() == null ? "" : resolved.getAuthority();
      return Optional.of(format(b.scheme(), authority, resolved.getPath()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  public static String join(String base, String... children) {
    StringBuilder b = new StringBuilder(stripTrailingSlash(base));
    for (String c : children) {
      b.append('/').append(c);
    }
    return b.toString();
  }

  private static String workingDirectory() {
    return local(Paths.get("").toAbsolutePath().toString());
  }

  private static String local(String absolutePath) {
    return format("file", "", normalizePath(absolutePath));
  }

  private static String format(String scheme, String authority, String path) {
    String p = path == null || path.isEmpty() ? "/" : path;
    return stripTrailingSlash(scheme + "://" + authority + p);
  }

  /** Removes {@code .}, {@code ..} and doubled slashes; the path stays absolute. */
  private static String normalizePath(String path) {
    String n = Paths.get(path).normalize().toString();
    return n.startsWith("/") ? n : "/" + n;
  }

  /**
   * The path of a {@code file:} URI (RFC 8089): {@code file:/p}, {@code file:///p}, {@code
   * file://localhost/p}; percent-encoded octets are decoded once, as UTF-8. A {@code %} not
   * followed by two hex digits is kept as written, since people type file URIs by hand; so are
   * {@code ?} and {@code #}: a file: URI has no query or fragment in practice, and a location
   * hlsforge printed ({@code file:///m/a#1.mp4}) must read back as the same file.
   */
  private static String fileUriPath(String uri) {
    String rest = uri.substring(5);
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      String host = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
      if (!host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
        throw new IllegalArgumentException(
            "'" + uri + "' names host '" + host + "'; file: URIs can only name this machine");
      }
      rest = slash < 0 ? "/" : rest.substring(slash);
    }
    if (!rest.startsWith("/")) {
      throw new IllegalArgumentException("'" + uri + "' is a relative file: URI; give a path");
    }
    return percentDecode(rest);
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int cp = s.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  private static boolean hasAuthorityScheme(String s) {
    int sep = s.indexOf("://");
    return sep > 0 && isScheme(s.substring(0, sep));
  }

  private static boolean isScheme(String s) {
    return s.matches("[A-Za-z][A-Za-z0-9+.-]*");
  }

  private static String stripTrailingSlash(String s) {
    String r = s;
    while (r.endsWith("/") && !r.endsWith(":///") && !r.endsWith("://")) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }
}
