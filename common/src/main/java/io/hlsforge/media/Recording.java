package io.hlsforge.media;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sources in containers made for streams and recordings (MPEG-TS, FLV), whose timestamps may jump
 * (a recorder that reconnected, two recordings joined, a PTS wrap) and whose packets may carry
 * continuity errors. Those are transport glitches, not damaged media: such a source is read without
 * {@code -xerror} (which fails on any packet the demuxer flags), with jumps over a second closed
 * ({@code -dts_delta_threshold 1}: the package has the content's own length, no frozen picture
 * across the jump), and its length is counted from its frames ({@link MediaProber}), not from its
 * first and last timestamps.
 *
 * <p>What still fails such a source as INPUT_CORRUPT under {@code input.on-corruption = "fail"}:
 * any error its decoders print (ffmpeg names the decoder, {@code [h264 @ 0x…] error while decoding
 * MB 16 8}), which is what undecodable data gives, whatever container it came in.
 */
public final class Recording {
  private Recording() {}

  /** Seconds: timestamp jumps larger than this are closed. */
  public static final String JUMP_THRESHOLD = "1";

  /** Whether the source is read as a recording (ffprobe's format names). */
  public static boolean is(ProbeResult probe) {
    String container = probe.container();
    return container != null
        && (container.equals("mpegts") || container.equals("flv") || container.equals("mpegtsraw"));
  }

  /**
   * Whether a recording's timestamps jump: its first-to-last span is over a second longer than its
   * frames last. Such a title is encoded in one pass (a chunk's seek lands by timestamp, which
   * across a jump is not the content's time).
   */
  public static boolean hasJumps(ProbeResult probe) {
    return is(probe)
        && probe.hasVideo()
        && probe.durationSeconds() - probe.leadInSeconds() - probe.titleSeconds() > 1;
  }

  /**
   * A line that one of the source's decoders printed: {@code [<decoder> @ 0x…]}, the decoder being
   * named after its codec ({@code h264}, {@code hevc}, {@code aac}; {@code mp3float} for mp3).
   */
  public static Pattern decoderErrors(ProbeResult probe) {
    Set<String> codecs = new LinkedHashSet<>();
    if (probe.videoCodec() != null) {
      codecs.add(probe.videoCodec());
    }
    probe.audioTracks().forEach(t -> codecs.add(t.codec()));
    if (probe.audioCodec() != null) {
      codecs.add(probe.audioCodec());
    }
    codecs.remove(null);
    if (codecs.isEmpty()) {
      return Pattern.compile("(?!)");
    }
    StringBuilder names = new StringBuilder();
    for (String c : codecs) {
      names.append(names.length() == 0 ? "" : "|").append(Pattern.quote(c));
    }
    return Pattern.compile("^\\[(?:" + names + ")\\w* @ 0x[0-9a-f]+\\] .*");
  }
}
