package io.hlsforge.plan;

import io.hlsforge.config.AudioSpec;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.config.VideoSpec;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.Recording;
import io.hlsforge.model.MediaAttributes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of one packaging of one source: a hash of the source fingerprint, the planned
 * renditions, the encoder settings that shape the bytes, and the encoder version. Same inputs →
 * same id → same object names, so a retried task rewrites the same objects.
 *
 * <p>The id is {@code "e"} + the first 16 hex digits of SHA-256 over a canonical text, one line per
 * input, each ending in {@code \n}, in this order:
 *
 * <pre>
 * chunks=6x50                 (only for a chunked title: chunk count x segments per chunk)
 * source=&lt;fingerprint&gt;
 * encoder=&lt;ffmpeg version line&gt;
 * segment=6.0
 * format=ts | fmp4
 * layout=segments | single-file
 * video=VideoSpec[codec=libx264, preset=veryfast, profile=high, keyframeIntervalSeconds=2.0,
 *       maxrateFactor=1.1, bufsizeFactor=2.0]
 * audio=AudioSpec[codec=aac, kbps=128, channels=2, sampleRate=48000, surroundKbps=384]
 * recipe=h264-levels,audio-on-picture-timeline
 * picture=sdr-bt709&lt;-bt2020/smpte2084   (only for a source whose picture is converted to SDR)
 * lead-in=0.6                 (only when audio starts before the picture)
 * recording=jumps-over-1s-closed   (only for an MPEG-TS/FLV source)
 * rendition=PlannedRendition[name=720p, kind=VIDEO, videoCodec=h264, width=1280, height=720,
 *       videoKbps=3000, audioKbps=0, audioChannels=0, frameRate=25.0, copy=false]   (one per rendition)
 * audio-tracks=audio-stereo-2:[1]:es|Spanish|auto|false|null;…  (only when some audio rendition is
 *       made from other than the first audio track: sources with several tracks, or a selection)
 * subtitles=subtitles-1|track[0]|en|English|auto|false|null  (one per subtitle rendition; a
 *       sidecar's location instead of track[n])
 * </pre>
 *
 * Numbers are written as Java writes them ({@code Double.toString}: {@code 6.0}, {@code
 * 29.97002997002997}), an absent video codec as {@code null}. This is the exact text the first
 * releases hashed through the records' {@code toString()}; it is spelled out field by field here so
 * that renaming a record field or component, or turning a string setting (segment format, layout,
 * rendition kind) into an enum, cannot change an id and silently re-encode the catalogue. Such
 * changes must keep writing the words above (the lowercase config words for format and layout, the
 * upper-case kind names). Adding an input that shapes the bytes means adding a line here, which
 * changes every id on purpose: say so in the release notes.
 */
public final class EncodingId {
  /**
   * What every command now does that earlier releases' did not: an H.264 level per rung and audio
   * on the picture's timeline (padded or cut to it). Changing it re-packages every asset once.
   */
  static final String RECIPE = "h264-levels,audio-on-picture-timeline";

  private EncodingId() {}

  /**
   * @param chunks a chunked title's chunks (empty when not chunked): a chunked encode restarts rate
   *     control at each join, so it is a different encoding
   * @param probe the source's probe: its colour conversion, lead-in and whether it is read as a
   *     recording shape the bytes too (null: none of them)
   */
  public static String of(
      String sourceFingerprint,
      List<PlannedRendition> renditions,
      HlsforgeSettings settings,
      String encoderVersion,
      List<ChunkPlanner.Chunk> chunks,
      ProbeResult probe) {
    return "e"
        + sha256(
                canonicalText(
                    sourceFingerprint, renditions, settings, encoderVersion, chunks, probe))
            .substring(0, 16);
  }

  /** The text an encoding id hashes (see the class comment). */
  static String canonicalText(
      String sourceFingerprint,
      List<PlannedRendition> renditions,
      HlsforgeSettings settings,
      String encoderVersion,
      List<ChunkPlanner.Chunk> chunks,
      ProbeResult probe) {
    StringBuilder spec = new StringBuilder();
    if (!chunks.isEmpty()) {
      line(spec, "chunks", chunks.size() + "x" + settings.chunking().segmentsPerChunk());
    }
    line(spec, "source", sourceFingerprint);
    line(spec, "encoder", encoderVersion);
    line(spec, "segment", Double.toString(settings.segmentSeconds()));
    line(spec, "format", settings.fmp4() ? "fmp4" : "ts");
    line(spec, "layout", settings.singleFile() ? "single-file" : "segments");
    line(spec, "video", video(settings.video()));
    line(spec, "audio", audio(settings.audio()));
    line(spec, "recipe", RECIPE);
    if (settings.audio().loudness().normalises()) {
      // Absent when off, so the ids of everything packaged without normalisation stay the same.
      line(
          spec,
          "loudness",
          "loudnorm-two-pass I="
              + settings.audio().loudness().targetLufs()
              + " TP="
              + settings.audio().loudness().truePeakCeilingDbtp());
    }
    if (probe != null && probe.colour().needsSdrConversion()) {
      line(
          spec,
          "picture",
          "sdr-bt709<-" + probe.colour().primaries() + "/" + probe.colour().transfer());
    }
    if (probe != null && probe.leadInSeconds() > 0) {
      line(spec, "lead-in", Double.toString(probe.leadInSeconds()));
    }
    if (probe != null && Recording.is(probe)) {
      line(spec, "recording", "jumps-over-" + Recording.JUMP_THRESHOLD + "s-closed");
    }
    for (PlannedRendition r : renditions) {
      line(spec, "rendition", rendition(r));
    }
    // Which source track each audio rendition comes from and what the master says about it. Absent
    // when every audio rendition comes from the first track, so the ids of single-track sources
    // (whose attributes follow from the source itself) stay what they were.
    boolean otherTracks =
        renditions.stream()
            .anyMatch(
                r ->
                    r.isAudio()
                        && !r.sourceTracks().isEmpty()
                        && !r.sourceTracks().equals(List.of(0)));
    if (otherTracks) {
      StringBuilder tracks = new StringBuilder();
      for (PlannedRendition r : renditions) {
        if (r.isAudio()) {
          MediaAttributes m = r.media();
          tracks
              .append(tracks.length() == 0 ? "" : ";")
              .append(r.name())
              .append(':')
              .append(r.sourceTracks())
              .append(':')
              .append(
                  m == null
                      ? "null"
                      : String.join(
                          "|",
                          m.language(),
                          m.name(),
                          m.selection().word(),
                          Boolean.toString(m.forced()),
                          String.valueOf(m.characteristics())));
        }
      }
      line(spec, "audio-tracks", tracks.toString());
    }
    for (PlannedRendition r : renditions) {
      if (r.isSubtitles()) {
        MediaAttributes m = r.media();
        line(
            spec,
            "subtitles",
            String.join(
                "|",
                r.name(),
                r.sidecarUri() == null ? "track" + r.sourceTracks() : r.sidecarUri(),
                m.language(),
                m.name(),
                m.selection().word(),
                Boolean.toString(m.forced()),
                String.valueOf(m.characteristics())));
      }
    }
    return spec.toString();
  }

  private static String video(VideoSpec v) {
    return new Fields("VideoSpec")
        .add("codec", v.codec())
        .add("preset", v.preset())
        .add("profile", v.profile())
        .add("keyframeIntervalSeconds", v.keyframeIntervalSeconds())
        .add("maxrateFactor", v.maxrateFactor())
        .add("bufsizeFactor", v.bufsizeFactor())
        .end();
  }

  private static String audio(AudioSpec a) {
    return new Fields("AudioSpec")
        .add("codec", a.codec())
        .add("kbps", a.kbps())
        .add("channels", a.channels())
        .add("sampleRate", a.sampleRate())
        .add("surroundKbps", a.surroundKbps())
        .end();
  }

  private static String rendition(PlannedRendition r) {
    // No default branch: a new kind must choose its word here (a compile error until it does).
    String kind =
        switch (r.kind()) {
          case VIDEO -> "VIDEO";
          case AUDIO -> "AUDIO";
          case SUBTITLES -> "SUBTITLES";
        };
    Fields fields =
        new Fields("PlannedRendition")
            .add("name", r.name())
            .add("kind", kind)
            .add("videoCodec", r.videoCodec() == null ? null : r.videoCodec().word())
            .add("width", r.width())
            .add("height", r.height())
            .add("videoKbps", r.videoKbps())
            .add("audioKbps", r.audioKbps())
            .add("audioChannels", r.audioChannels())
            .add("frameRate", r.frameRate())
            .add("copy", r.isCopy());
    if (r.isHdr()) {
      fields.add("videoRange", r.videoRange().name()); // only HDR renditions: SDR ids unchanged
    }
    return fields.end();
  }

  private static void line(StringBuilder spec, String key, String value) {
    spec.append(key).append('=').append(value).append('\n');
  }

  /** {@code Type[a=1, b=x]}: values as {@link String#valueOf(Object)} writes them. */
  private static final class Fields {
    private final StringBuilder text;
    private boolean empty = true;

    Fields(String type) {
      text = new StringBuilder(type).append('[');
    }

    Fields add(String name, Object value) {
      if (!empty) {
        text.append(", ");
      }
      empty = false;
      text.append(name).append('=').append(value);
      return this;
    }

    String end() {
      return text.append(']').toString();
    }
  }

  /** Identifies a source's bytes cheaply: where it is, how long it is, when it last changed. */
  public static String sourceFingerprint(String uri, long length, long modificationTime) {
    return uri + "|" + length + "|" + modificationTime;
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
