package io.hlsforge.storage;

import io.hlsforge.run.WorkClock;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * All object I/O goes through the Hadoop FileSystem API, so {@code file://}, {@code hdfs://} and
 * {@code s3a://} behave the same to the rest of the code.
 */
public final class HadoopStorage {
  private final Configuration conf;

  public HadoopStorage(Configuration conf) {
    this.conf = conf;
  }

  public FileSystem fileSystem(String uri) throws IOException {
    return fs(Locations.hadoopPath(uri));
  }

  /**
   * The file system of a path. For file:// the raw local file system is used, so published
   * directories hold no Hadoop {@code .crc} side files that a web server would expose.
   */
  private FileSystem fs(Path p) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
  }

  public Optional<FileStatus> status(String uri) throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      Path p = Locations.hadoopPath(uri);
      try {
        return Optional.of(fs(p).getFileStatus(p));
      } catch (FileNotFoundException e) {
        return Optional.empty();
      }
    }
  }

  /** Uploads a local file, replacing any object of the same name (a retried task's leftovers). */
  public void upload(java.nio.file.Path local, String uri) throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      try (InputStream in = Files.newInputStream(local)) {
        write(Locations.hadoopPath(uri), in);
      }
    }
  }

  /**
   * Stores a local file whose bytes the caller has already read ({@code contents}) as an object,
   * replacing any object of the same name. On the local file system the file is renamed into place
   * (no second pass over its bytes) when it is on the same file system, else written; elsewhere the
   * bytes in memory are sent. The local file is gone afterwards in the first case only.
   */
  public void moveOrWrite(java.nio.file.Path file, byte[] contents, String uri) throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      Optional<java.nio.file.Path> local = Locations.localFile(uri);
      if (local.isPresent()) {
        java.nio.file.Path target = local.get();
        Files.createDirectories(target.getParent());
        try {
          Files.move(
              file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          return;
        } catch (AtomicMoveNotSupportedException e) {
          // Another file system (scratch on a local disk, output on a mount): write the bytes.
        }
      }
      write(contents, uri);
    }
  }

  /** Writes bytes already in memory as an object, replacing any object of the same name. */
  public void write(byte[] bytes, String uri) throws IOException {
    write(Locations.hadoopPath(uri), new ByteArrayInputStream(bytes));
  }

  /**
   * Writes an object. On the local file system it is written next to its final name and renamed
   * over it atomically (a web server never serves half a playlist), with java.nio: Hadoop's raw
   * local file system forks a chmod child for every file and directory it creates, which costs more
   * than writing a playlist.
   */
  private void write(Path dest, InputStream in) throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      if ("file".equals(dest.toUri().getScheme()) || dest.toUri().getScheme() == null) {
        java.nio.file.Path target = Paths.get(dest.toUri().getPath());
        Files.createDirectories(target.getParent());
        java.nio.file.Path tmp =
            target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
          Files.copy(in, tmp);
          Files.move(
              tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(tmp);
        }
        return;
      }
      try (FSDataOutputStream out = fs(dest).create(dest, true)) {
        in.transferTo(out);
      }
    }
  }

  /** Copies one object to another location, possibly on another file system. */
  public void copy(String fromUri, String toUri) throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      Path from = Locations.hadoopPath(fromUri);
      try (InputStream in = fs(from).open(from)) {
        write(Locations.hadoopPath(toUri), in);
      }
    }
  }

  /**
   * Makes a source readable by ffmpeg: a local file is used where it is; anything else is copied
   * into {@code scratchDir}.
   */
  public java.nio.file.Path localize(String uri, java.nio.file.Path scratchDir, long maxSourceBytes)
      throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      Optional<java.nio.file.Path> localFile = Locations.localFile(uri);
      if (localFile.isPresent()) {
        return localFile.get();
      }
      Path src = Locations.hadoopPath(uri);
      long length = fs(src).getFileStatus(src).getLen();
      Optional<String> refusal =
          ScratchBudget.refusal(
              length, Files.getFileStore(scratchDir).getUsableSpace(), maxSourceBytes);
      if (refusal.isPresent()) {
        throw new ScratchBudget.ExceededException(uri + ": " + refusal.get());
      }
      java.nio.file.Path local = scratchDir.resolve("source-" + src.getName());
      try (InputStream in = fs(src).open(src)) {
        Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
      }
      return local;
    }
  }

  public void writeText(String uri, String text) throws IOException {
    write(text.getBytes(StandardCharsets.UTF_8), uri);
  }

  /** {@code length} bytes at {@code offset}; refuses a range past the end of the object. */
  public byte[] readRange(String uri, long offset, long length) throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      Path p = Locations.hadoopPath(uri);
      FileSystem fs = fs(p);
      long size = fs.getFileStatus(p).getLen();
      if (offset < 0 || length < 0 || offset + length > size) {
        throw new IOException(
            "byte range "
                + length
                + "@"
                + offset
                + " is outside the "
                + size
                + "-byte object "
                + uri);
      }
      byte[] out = new byte[Math.toIntExact(length)];
      try (FSDataInputStream in = fs.open(p)) {
        in.readFully(offset, out);
      }
      return out;
    }
  }

  /**
   * The whole object. A local file is read with java.nio: the validator reads every segment of
   * every title, and Hadoop's file system lookup and buffered stream per read cost more than
   * reading a small segment.
   */
  public byte[] read(String uri) throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      Optional<java.nio.file.Path> local = Locations.localFile(uri);
      if (local.isPresent()) {
        return Files.readAllBytes(local.get());
      }
      Path p = Locations.hadoopPath(uri);
      try (InputStream in = fs(p).open(p)) {
        return in.readAllBytes();
      }
    }
  }

  /** The whole object, or empty when there is none (one request, not a status check and a read). */
  public Optional<byte[]> readIfExists(String uri) throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      Path p = Locations.hadoopPath(uri);
      try (InputStream in = fs(p).open(p)) {
        return Optional.of(in.readAllBytes());
      } catch (FileNotFoundException e) {
        return Optional.empty();
      }
    }
  }

  public String readText(String uri) throws IOException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.STORAGE)) {
      Path p = Locations.hadoopPath(uri);
      try (InputStream in = fs(p).open(p)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
