package io.hlsforge.pack;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.config.SegmentFormat;
import io.hlsforge.hls.LocalPlaylistReader;
import io.hlsforge.hls.WebVttSegmenter;
import io.hlsforge.inspect.MalformedMediaException;
import io.hlsforge.inspect.Mp4FragmentReader;
import io.hlsforge.inspect.Mp4Track;
import io.hlsforge.inspect.Mp4TrackReader;
import io.hlsforge.inspect.SegmentFacts;
import io.hlsforge.inspect.TsSegmentReader;
import io.hlsforge.layout.OutputLayout;
import io.hlsforge.manifest.ManifestRows;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.Ebur128Summary;
import io.hlsforge.media.FfmpegBinaries;
import io.hlsforge.media.LadderCommandBuilder;
import io.hlsforge.media.LoudnessCommands;
import io.hlsforge.media.MediaException;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.Recording;
import io.hlsforge.model.AudioLoudness;
import io.hlsforge.model.EncodedPackage;
import io.hlsforge.model.Keyframe;
import io.hlsforge.model.Loudness;
import io.hlsforge.model.PackagedRendition;
import io.hlsforge.model.PictureQuality;
import io.hlsforge.model.Segment;
import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.PlannedRendition;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.ScratchBudget;
import io.hlsforge.storage.ScratchDirs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Packages one asset on an executor: localize the source, measure the loudness of its audio as each
 * audio rendition will carry it, run one ffmpeg child that encodes every rendition into local
 * scratch (normalising the audio when asked), measure picture quality (when asked) and loudness of
 * what was written, measure every segment (bytes, sha256, start PTS, keyframe, real codecs), upload
 * it under {@code {output}/media/{asset}/{encoding}/{rendition}/}, and return the manifest rows.
 * Object names are deterministic, so a retried task overwrites, never duplicates. No Spark here;
 * the PackageJob is a thin shell around this class.
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

  public PackageOutcome packageAsset(
      String runId,
      String assetId,
      String sourceUri,
      ProbeResult probe,
      List<PlannedRendition> plan,
      String encodingId)
      throws MediaException, InterruptedException {
    EncodedPackage pkg =
        packagePart(assetId, sourceUri, probe, plan, encodingId, null, settings.ffmpegThreads());
    return ManifestRows.toRows(runId, EncoderVersion.get(), System.currentTimeMillis(), pkg);
  }

  /**
   * Packages {@code plan} (all renditions, or one unit's share of them) over the whole title, or
   * over one chunk of it. A chunk's segments carry their title-wide indices and start times; its
   * renditions cover that chunk only until {@link PackageParts#merge} joins the parts.
   */
  public EncodedPackage packagePart(
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
      List<PlannedRendition> media = plan.stream().filter(r -> !r.isSubtitles()).toList();
      List<PlannedRendition> audio = media.stream().filter(PlannedRendition::isAudio).toList();
      List<PlannedRendition> encodedAudio = audio.stream().filter(r -> !r.isCopy()).toList();
      boolean normalises = settings.audio().loudness().normalises() && !encodedAudio.isEmpty();
      Map<String, Ebur128Summary> sourceLoudness = new HashMap<>();
      Map<String, String> normalised = new HashMap<>();
      if (normalises) {
        // The first pass: what each rendition will carry, before any gain (docs/quality.md).
        List<Ebur128Summary> measured =
            LoudnessMeter.measure(
                settings, source, out, probe, media, encodedAudio, List.of(), threads);
        for (int i = 0; i < encodedAudio.size(); i++) {
          PlannedRendition r = encodedAudio.get(i);
          sourceLoudness.put(r.name(), measured.get(i));
          LoudnessCommands.normalised(probe, media, r, settings.audio().loudness(), measured.get(i))
              .ifPresent(chain -> normalised.put(r.name(), chain));
        }
      }
      encode(source, out, probe, media, chunk, threads, normalised);
      Map<String, List<PictureQuality>> quality =
          QualityMeter.measure(
              settings,
              source,
              out,
              probe,
              media.stream().filter(r -> r.isVideo() && !r.isCopy()).toList(),
              chunk,
              threads);
      // Loudness as published, in the same child as the source's when that was not needed before.
      Map<String, Loudness> published = new HashMap<>();
      if (!audio.isEmpty()) {
        List<PlannedRendition> fromSource = normalises ? List.of() : encodedAudio;
        List<Ebur128Summary> measured =
            LoudnessMeter.measure(
                settings,
                source,
                out,
                probe,
                media,
                fromSource,
                audio.stream()
                    .map(r -> out.resolve(r.name()).resolve(LadderCommandBuilder.LOCAL_PLAYLIST))
                    .toList(),
                threads);
        for (int i = 0; i < fromSource.size(); i++) {
          sourceLoudness.put(fromSource.get(i).name(), measured.get(i));
        }
        for (int j = 0; j < audio.size(); j++) {
          published.put(audio.get(j).name(), measured.get(fromSource.size() + j).loudness());
        }
      }
      long tookMs = System.currentTimeMillis() - started;
      List<PackagedRendition> renditions = new ArrayList<>();
      for (PlannedRendition r : media) {
        String dir = OutputLayout.renditionDir(outputUri, assetId, encodingId, r.name());
        AudioLoudness loudness = null;
        if (r.isAudio()) {
          Ebur128Summary before = sourceLoudness.get(r.name());
          loudness =
              new AudioLoudness(
                  // A copied rendition is its source.
                  before == null ? published.get(r.name()) : before.loudness(),
                  published.get(r.name()),
                  normalised.containsKey(r.name())
                      ? settings.audio().loudness().targetLufs()
                      : null);
        }
        Measured m = measureAndUpload(dir, r, out.resolve(r.name()), chunk, quality.get(r.name()));
        renditions.add(
            new PackagedRendition(
                r.name(),
                r.kind(),
                r.width(),
                r.height(),
                r.frameRate(),
                r.videoKbps(),
                r.audioKbps(),
                r.audioChannels(),
                r.media(),
                r.sourceTracks(),
                m.codecs(),
                settings.segmentFormat(),
                dir,
                m.initFileName(),
                m.segments(),
                tookMs,
                r.videoRange(),
                loudness));
      }
      for (PlannedRendition r : plan) {
        if (r.isSubtitles()) {
          renditions.add(
              subtitles(
                  assetId,
                  encodingId,
                  source,
                  LadderCommandBuilder.titleStartSeconds(plan, probe),
                  scratch,
                  r,
                  renditions,
                  started));
        }
      }
      return new EncodedPackage(assetId, encodingId, renditions);
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.STORAGE, "I/O failed while packaging: " + e.getMessage(), e);
    } finally {
      ScratchDirs.deleteQuietly(scratch);
    }
  }

  /**
   * A subtitle rendition: the track (or sidecar file) as WebVTT by ffmpeg, cut by {@link
   * WebVttSegmenter} on the segment grid of the unit's first video rendition (else its first audio
   * rendition: a chunked title's subtitles come with its whole-title audio pass), with the
   * timestamp map of that rendition's first segment. One file per segment in either layout.
   */
  private PackagedRendition subtitles(
      String assetId,
      String encodingId,
      Path source,
      double titleStartSeconds,
      Path scratch,
      PlannedRendition r,
      List<PackagedRendition> media,
      long started)
      throws MediaException, InterruptedException, IOException {
    PackagedRendition grid =
        media.stream()
            .filter(PackagedRendition::isVideo)
            .findFirst()
            .or(() -> media.stream().filter(PackagedRendition::isAudio).findFirst())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Cannot cut subtitles " + r.name() + ": its unit has no audio or video"));
    Path input = source;
    List<String> map =
        List.of("-map", "0:s:" + (r.sourceTracks().isEmpty() ? 0 : r.sourceTracks().get(0)));
    if (r.sidecarUri() != null) {
      input =
          localize(r.sidecarUri(), Files.createDirectories(scratch.resolve("sidecar-" + r.name())));
      map = List.of("-map", "0:s:0");
    }
    Path vtt;
    if (r.sidecarUri() != null && r.sidecarUri().toLowerCase(Locale.ROOT).endsWith(".vtt")) {
      vtt = input; // WebVTT already: read as delivered, cue identifiers and settings included
    } else {
      vtt = scratch.resolve(r.name() + ".vtt");
      toWebVtt(input, map, vtt, r, grid.durationS());
    }
    List<WebVttSegmenter.Cue> cues;
    try {
      cues = WebVttSegmenter.parse(Files.readString(vtt));
    } catch (IllegalArgumentException e) {
      throw new MediaException(MediaException.Kind.INPUT_CORRUPT, r.name() + ": " + e.getMessage());
    }
    if (r.sidecarUri() == null) {
      // An embedded track is timed from the container's zero, the title from its first picture
      // (LadderCommandBuilder#titleStartSeconds). Sidecars are authored against the programme: kept
      // as timed.
      cues = WebVttSegmenter.earlier(cues, titleStartSeconds);
    }
    List<Segment> gridSegments = grid.segments();
    double t0 = gridSegments.get(0).startPts() - gridSegments.get(0).startS();
    long mpegts = WebVttSegmenter.mpegts(t0);
    String dir = OutputLayout.renditionDir(outputUri, assetId, encodingId, r.name());
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < gridSegments.size(); i++) {
      Segment g = gridSegments.get(i);
      double to =
          i + 1 < gridSegments.size() ? gridSegments.get(i + 1).startS() : Double.POSITIVE_INFINITY;
      byte[] bytes =
          WebVttSegmenter.segment(cues, i == 0 ? Double.NEGATIVE_INFINITY : g.startS(), to, mpegts)
              .getBytes(StandardCharsets.UTF_8);
      String fileName = OutputLayout.subtitleSegment(g.index());
      String uri = OutputLayout.object(dir, fileName);
      storage.write(bytes, uri);
      segments.add(
          new Segment(
              g.index(),
              fileName,
              uri,
              g.durationS(),
              g.startS(),
              t0 + g.startS(),
              bytes.length,
              null,
              sha256(bytes),
              true,
              List.of()));
    }
    return new PackagedRendition(
        r.name(),
        r.kind(),
        0,
        0,
        0,
        0,
        0,
        0,
        r.media(),
        r.sourceTracks(),
        "wvtt",
        settings.segmentFormat(),
        dir,
        null,
        segments,
        System.currentTimeMillis() - started);
  }

  /** One subtitle stream, or a sidecar file, converted to WebVTT by ffmpeg. */
  private void toWebVtt(
      Path input, List<String> map, Path vtt, PlannedRendition r, double mediaSeconds)
      throws MediaException, InterruptedException, IOException {
    Path scratch = vtt.getParent();
    List<String> command =
        new ArrayList<>(
            List.of(
                FfmpegBinaries.ffmpeg(),
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-i",
                input.toString()));
    command.addAll(map);
    command.addAll(List.of("-c:s", "webvtt", "-f", "webvtt", vtt.toString()));
    ChildProcess.Result result;
    try {
      result = ChildProcess.run(command, settings.ffmpegTimeout(mediaSeconds), scratch);
    } catch (ChildProcess.TimeoutException e) {
      throw new MediaException(MediaException.Kind.TIMEOUT, "ffmpeg " + e.getMessage());
    }
    if (!result.succeeded()) {
      throw new MediaException(
          r.sidecarUri() == null
              ? MediaException.Kind.ENCODE_FAILED
              : MediaException.Kind.INPUT_CORRUPT,
          "cannot convert "
              + (r.sidecarUri() == null ? "subtitle stream " + r.sourceTracks() : r.sidecarUri())
              + " to WebVTT: ffmpeg exited "
              + result.exitCode()
              + ": "
              + result.stderrTail().strip());
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
    } catch (ScratchBudget.ExceededException e) {
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
      int threads,
      Map<String, String> audioChains)
      throws MediaException, InterruptedException, IOException {
    List<String> command =
        ChildProcess.withMemoryLimit(
            LadderCommandBuilder.build(
                FfmpegBinaries.ffmpeg(),
                source,
                out,
                plan,
                probe,
                settings,
                chunk,
                threads,
                audioChains),
            settings.ffmpegMemoryLimit());
    ChildProcess.Result result;
    try {
      result =
          ChildProcess.run(
              command,
              settings.ffmpegTimeout(ChunkPlanner.Chunk.seconds(probe.titleSeconds(), chunk)),
              out,
              watchesDecoders(probe) ? Recording.decoderErrors(probe) : null);
    } catch (ChildProcess.TimeoutException e) {
      throw new MediaException(MediaException.Kind.TIMEOUT, "ffmpeg " + e.getMessage());
    }
    if (!result.succeeded()) {
      throw result.ffmpegFailure("");
    }
    if (result.watched() != null && watchesDecoders(probe)) {
      throw new MediaException(
          MediaException.Kind.INPUT_CORRUPT, "the decoder met damaged data: " + result.watched());
    }
  }

  /**
   * A recording is read without -xerror (its container glitches are not damage), so under
   * on-corruption=fail what its decoders report is what fails it.
   */
  private boolean watchesDecoders(ProbeResult probe) {
    return Recording.is(probe) && !settings.input().concealCorruption();
  }

  /** A rendition's segment rows, the CODECS its bytes call for, and its init segment (fMP4). */
  private record Measured(List<Segment> segments, String codecs, String initFileName) {}

  /**
   * @param quality each segment's picture quality, in playlist order; null when not measured
   */
  private Measured measureAndUpload(
      String prefix,
      PlannedRendition r,
      Path dir,
      ChunkPlanner.Chunk chunk,
      List<PictureQuality> quality)
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
    String initName = LocalPlaylistReader.initSegment(playlistText).orElse(null);
    Mp4Track init = null;
    if (initName != null) {
      Path initFile = dir.resolve(initName);
      init = track(r, initName, Files.readAllBytes(initFile));
      storage.upload(initFile, OutputLayout.object(prefix, initName));
    }
    List<Segment> segments = new ArrayList<>(entries.size());
    int firstIndex = chunk == null ? 0 : chunk.firstSegment();
    double start = chunk == null ? 0 : chunk.startSeconds();
    String codecs = init == null ? null : init.codec();
    // Single-file layout: segments are appended to one media object and addressed by byte range.
    String singleName =
        !settings.singleFile()
            ? null
            : OutputLayout.singleFile(
                chunk == null ? null : chunk.firstSegment(),
                init == null ? SegmentFormat.TS : SegmentFormat.FMP4);
    Path single = singleName == null ? null : dir.resolve(singleName);
    long offset = 0;
    try (OutputStream singleOut =
        single == null ? OutputStream.nullOutputStream() : Files.newOutputStream(single)) {
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
        List<Keyframe> keyframes = new ArrayList<>();
        for (var k : t.keyframes()) { // the inspector's keyframes: presentation times
          keyframes.add(
              new Keyframe(Math.round((k.pts() - first) * 1e6) / 1e6, k.offset(), k.length()));
        }
        String fileName = singleName == null ? e.uri() : singleName;
        String uri = OutputLayout.object(prefix, fileName);
        Long byteOffset = null;
        if (single == null) {
          // Already read for measuring: renamed into a local output, or sent from memory.
          storage.moveOrWrite(file, bytes, uri);
        } else {
          singleOut.write(bytes);
          byteOffset = offset;
          offset += bytes.length;
          Files.delete(file); // keeps scratch at one copy of the rendition
        }
        segments.add(
            new Segment(
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
                keyframes,
                quality == null || i >= quality.size() ? null : quality.get(i)));
        start += e.durationSeconds();
      }
    }
    if (single != null) {
      storage.upload(single, OutputLayout.object(prefix, singleName));
    }
    return new Measured(segments, codecs, initName);
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

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
