package io.hlsforge.pack;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.hls.LocalPlaylistReader;
import io.hlsforge.inspect.Keyframe;
import io.hlsforge.inspect.MalformedMediaException;
import io.hlsforge.inspect.Mp4FragmentReader;
import io.hlsforge.inspect.Mp4Track;
import io.hlsforge.inspect.Mp4TrackReader;
import io.hlsforge.inspect.SegmentFacts;
import io.hlsforge.inspect.TsSegmentReader;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.FfmpegBinaries;
import io.hlsforge.media.LadderCommandBuilder;
import io.hlsforge.media.MediaException;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.PlannedRendition;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.Locations;
import io.hlsforge.storage.ScratchDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Packages one asset on an executor: localize the source, run one ffmpeg child that encodes every
 * rendition into local scratch, measure every segment (bytes, sha256, start PTS, keyframe, real
 * codecs), upload it under {@code {output}/media/{asset}/{encoding}/{rendition}/}, and return the
 * manifest rows. Object names are deterministic, so a retried task overwrites, never duplicates. No
 * Spark here; the PackageJob is a thin shell around this class.
 */
public final class AssetPackager {
  private final HlsforgeSettings settings;
  private final HadoopStorage storage;
  private final String outputUri;

  public AssetPackager(HlsforgeSettings settings, HadoopStorage storage, String outputUri) {
    this.settings = settings;
    this.storage = storage;
    this.outputUri = outputUri;
  }

  /** The rendition's media object in the single-file layout: media.ts, or media.m4s for fMP4. */
  public static final String SINGLE_FILE_BASE = "media";

  /**
   * Where an encoding's rendition lives in the output: {@code
   * {output}/media/{asset}/{enc}/{rendition}}.
   */
  public static String mediaUri(
      String outputUri, String assetId, String encodingId, String rendition) {
    return Locations.join(outputUri, "media", assetId, encodingId, rendition);
  }

  public PackageOutcome packageAsset(
      String runId,
      String assetId,
      String sourceUri,
      ProbeResult probe,
      List<PlannedRendition> plan,
      String encodingId)
      throws MediaException, InterruptedException {
    return packageAsset(
        runId, assetId, sourceUri, probe, plan, encodingId, null, settings.ffmpegThreads());
  }

  /**
   * Packages {@code plan} (all renditions, or one unit's share of them) over the whole title, or
   * over one chunk of it. A chunk's rows carry the title-wide segment indices and start times; its
   * rendition rows cover that chunk only until {@link PackageParts#merge} joins the parts.
   */
  public PackageOutcome packageAsset(
      String runId,
      String assetId,
      String sourceUri,
      ProbeResult probe,
      List<PlannedRendition> plan,
      String encodingId,
      ChunkPlanner.Chunk chunk,
      int threads)
      throws MediaException, InterruptedException {
    Path scratch = null;
    long started = System.currentTimeMillis();
    try {
      scratch = ScratchDirs.create(settings.scratchDir(), "hlsforge-" + assetId + "-");
      Path source = localize(sourceUri, scratch);
      Path out = Files.createDirectories(scratch.resolve("out"));
      encode(source, out, probe, plan, chunk, threads);
      String encoder = EncoderVersion.get();
      long now = System.currentTimeMillis();
      List<RenditionRecord> renditions = new ArrayList<>();
      List<SegmentRecord> segments = new ArrayList<>();
      for (PlannedRendition r : plan) {
        Measured m = measureAndUpload(runId, assetId, encodingId, r, out.resolve(r.name()), chunk);
        segments.addAll(m.rows());
        renditions.add(
            renditionRow(
                runId, assetId, encodingId, r, m, encoder, now, language(probe), now - started));
      }
      return new PackageOutcome(renditions, segments);
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.STORAGE, "I/O failed while packaging: " + e.getMessage(), e);
    } finally {
      ScratchDirs.deleteQuietly(scratch);
    }
  }

  private Path localize(String sourceUri, Path scratch) throws MediaException {
    try {
      Path local = storage.localize(sourceUri, scratch, settings.scratchMaxSourceBytes());
      if (!Files.isRegularFile(local)) {
        throw new MediaException(
            MediaException.Kind.INPUT_MISSING, "source does not exist: " + sourceUri);
      }
      return local;
    } catch (io.hlsforge.storage.ScratchBudget.ExceededException e) {
      throw new MediaException(MediaException.Kind.INPUT_LIMIT_EXCEEDED, e.getMessage(), e);
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.INPUT_UNREADABLE,
          "cannot read source " + sourceUri + ": " + e.getMessage(),
          e);
    }
  }

  private void encode(
      Path source,
      Path out,
      ProbeResult probe,
      List<PlannedRendition> plan,
      ChunkPlanner.Chunk chunk,
      int threads)
      throws MediaException, InterruptedException, IOException {
    List<String> command =
        ChildProcess.withMemoryLimit(
            LadderCommandBuilder.build(
                FfmpegBinaries.ffmpeg(), source, out, plan, probe, settings, chunk, threads),
            settings.ffmpegMemoryLimit());
    ChildProcess.Result result;
    try {
      result =
          ChildProcess.run(
              command,
              settings.ffmpegTimeout(ChunkPlanner.Chunk.seconds(probe.durationSeconds(), chunk)),
              out);
    } catch (ChildProcess.TimeoutException e) {
      throw new MediaException(MediaException.Kind.TIMEOUT, "ffmpeg " + e.getMessage());
    }
    if (!result.succeeded()) {
      MediaException.Kind kind = result.failureKind(MediaException.Kind.ENCODE_FAILED);
      throw new MediaException(
          kind,
          "ffmpeg "
              + (kind == MediaException.Kind.ENCODE_FAILED
                  ? "exited " + result.exitCode() + ": " + result.stderrTail().strip()
                  : result.describe()));
    }
  }

  /** A rendition's segment rows, the CODECS its bytes call for, and its init segment (fMP4). */
  private record Measured(List<SegmentRecord> rows, String codecs, String initFileName) {}

  private Measured measureAndUpload(
      String runId,
      String assetId,
      String encodingId,
      PlannedRendition r,
      Path dir,
      ChunkPlanner.Chunk chunk)
      throws IOException, MediaException {
    Path localPlaylist = dir.resolve(LadderCommandBuilder.LOCAL_PLAYLIST);
    if (!Files.isRegularFile(localPlaylist)) {
      throw new MediaException(
          MediaException.Kind.ENCODE_FAILED, "ffmpeg wrote no playlist for rendition " + r.name());
    }
    String playlistText = Files.readString(localPlaylist);
    List<LocalPlaylistReader.Entry> entries = LocalPlaylistReader.read(playlistText);
    if (entries.isEmpty()) {
      throw new MediaException(
          MediaException.Kind.ENCODE_FAILED, "ffmpeg wrote no segments for rendition " + r.name());
    }
    String prefix = mediaUri(outputUri, assetId, encodingId, r.name());
    String initName = LocalPlaylistReader.initSegment(playlistText).orElse(null);
    Mp4Track init = null;
    if (initName != null) {
      Path initFile = dir.resolve(initName);
      init = track(r, initName, Files.readAllBytes(initFile));
      storage.upload(initFile, Locations.join(prefix, initName));
    }
    List<SegmentRecord> rows = new ArrayList<>(entries.size());
    int firstIndex = chunk == null ? 0 : chunk.firstSegment();
    double start = chunk == null ? 0 : chunk.startSeconds();
    String codecs = init == null ? null : init.codec();
    // Single-file layout: segments are appended to one media object and addressed by byte range.
    // A chunk's share of the rendition is its own object: tasks cannot append to one another's.
    String singleName =
        !settings.singleFile()
            ? null
            : SINGLE_FILE_BASE
                + (chunk == null ? "" : String.format("_%05d", chunk.firstSegment()))
                + (init == null ? ".ts" : ".m4s");
    Path single = singleName == null ? null : dir.resolve(singleName);
    long offset = 0;
    try (java.io.OutputStream singleOut =
        single == null ? java.io.OutputStream.nullOutputStream() : Files.newOutputStream(single)) {
      for (int i = 0; i < entries.size(); i++) {
        LocalPlaylistReader.Entry e = entries.get(i);
        Path file = dir.resolve(e.uri());
        byte[] bytes = Files.readAllBytes(file);
        SegmentFacts t = facts(r, e.uri(), bytes, init);
        if (codecs == null) {
          codecs =
              t.codecs(); // from the bytes ffmpeg really wrote: SPS profile/level, ADTS object type
        }
        double first = t.keyframes().isEmpty() ? t.start() : t.keyframes().get(0).pts();
        List<Double> times = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        for (Keyframe k : t.keyframes()) {
          times.add(Math.round((k.pts() - first) * 1e6) / 1e6);
          offsets.add(k.offset());
          lengths.add(k.length());
        }
        String fileName = singleName == null ? e.uri() : singleName;
        String uri = Locations.join(prefix, fileName);
        Long byteOffset = null;
        if (single == null) {
          storage.write(bytes, uri); // already read for measuring: no second read of the file
        } else {
          singleOut.write(bytes);
          byteOffset = offset;
          offset += bytes.length;
          Files.delete(file); // keeps scratch at one copy of the rendition
        }
        rows.add(
            new SegmentRecord(
                runId,
                assetId,
                encodingId,
                r.name(),
                firstIndex + i,
                fileName,
                uri,
                e.durationSeconds(),
                start,
                t.start(),
                bytes.length,
                byteOffset,
                sha256(bytes),
                r.isAudio() || (t.hasVideo() && t.startsWithKeyframe()),
                times,
                offsets,
                lengths));
        start += e.durationSeconds();
      }
    }
    if (single != null) {
      storage.upload(single, Locations.join(prefix, singleName));
    }
    return new Measured(rows, codecs, initName);
  }

  /** The one track of a rendition's fMP4 init segment. */
  private static Mp4Track track(PlannedRendition r, String name, byte[] bytes)
      throws MediaException {
    try {
      return Mp4TrackReader.read(bytes);
    } catch (MalformedMediaException e) {
      throw malformed(r, name, e);
    }
  }

  /** What a segment really contains: TS when there is no init segment, else fMP4 of its track. */
  private static SegmentFacts facts(PlannedRendition r, String name, byte[] bytes, Mp4Track init)
      throws MediaException {
    try {
      return init == null ? TsSegmentReader.facts(bytes) : Mp4FragmentReader.facts(bytes, init);
    } catch (MalformedMediaException e) {
      throw malformed(r, name, e);
    }
  }

  /** Bytes ffmpeg wrote that contradict their own structure are ffmpeg's failure. */
  private static MediaException malformed(
      PlannedRendition r, String name, MalformedMediaException e) {
    return new MediaException(
        MediaException.Kind.ENCODE_FAILED,
        "ffmpeg wrote a malformed " + name + " for rendition " + r.name() + ": " + e.getMessage(),
        e);
  }

  private RenditionRecord renditionRow(
      String runId,
      String assetId,
      String encodingId,
      PlannedRendition r,
      Measured m,
      String encoder,
      long now,
      String language,
      long tookMs) {
    RenditionRecord template =
        new RenditionRecord(
            runId,
            assetId,
            encodingId,
            r.name(),
            r.kind().name().toLowerCase(java.util.Locale.ROOT),
            mediaUri(outputUri, assetId, encodingId, r.name()),
            r.width(),
            r.height(),
            r.frameRate(),
            r.videoKbps(),
            r.audioKbps(),
            r.audioChannels(),
            r.isAudio() ? language : null,
            m.codecs(),
            settings.segmentFormat(),
            m.initFileName(),
            0,
            0,
            0,
            0,
            0,
            0,
            encoder,
            now,
            tookMs);
    return PackageParts.withSegments(template, m.rows());
  }

  /**
   * The source's audio language tag for EXT-X-MEDIA LANGUAGE; "und" (undetermined) when untagged.
   */
  static String language(ProbeResult probe) {
    String l = probe.audioLanguage();
    return l == null || l.isBlank() || l.length() > 8 || !l.matches("[A-Za-z-]+") ? "und" : l;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
