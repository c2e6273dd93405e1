package io.hlsforge.validate;

/**
 * The conformance rules hlsforge checks, with their source. Ids follow the checklist in
 * shared/reference/hls-authoring-rules.md; docs/conformance.md explains each one.
 */
public enum Rule {
  A1(
      Severity.ERROR,
      "RFC 8216 §4.3.3.1",
      "every EXTINF rounded to the nearest integer is <= EXT-X-TARGETDURATION"),
  A2(
      Severity.ERROR,
      "Apple HLS authoring 7.7",
      "no segment is more than 0.5 s longer than the target duration"),
  A3(Severity.WARNING, "Apple HLS authoring 7.5", "the target duration should be 6 s"),
  A4(Severity.ERROR, "Apple HLS authoring 7.4", "the first video frame of every segment is an IDR"),
  A5(Severity.WARNING, "Apple HLS authoring 1.13", "IDR frames should be at most 2 s apart"),
  A6(
      Severity.ERROR,
      "Apple HLS authoring 7.1/7.2, RFC 8216 §3",
      "timestamps continue from one segment to the next (no gap or overlap beyond one frame)"),
  A8(
      Severity.ERROR,
      "Apple HLS authoring 8.1",
      "every EXTINF is within one frame of the segment's real duration"),
  A9(
      Severity.ERROR,
      "Apple HLS authoring 8.2, RFC 8216 §6.2.4",
      "all audio and video playlists share one target duration"),
  A10(
      Severity.ERROR,
      "Apple HLS authoring 8.3/8.7",
      "all audio and video playlists cover the same time range"),
  A11(
      Severity.ERROR,
      "Apple HLS authoring 8.22, RFC 8216 §6.2.4",
      "segment boundaries are identical across video renditions"),
  A14(
      Severity.ERROR,
      "Apple HLS authoring 5.3/5.5, RFC 8216 §3.5",
      "WebVTT segments start WEBVTT with an X-TIMESTAMP-MAP; subtitle playlists span the content"),
  B0(
      Severity.ERROR,
      "RFC 8216 §4",
      "the playlist is readable: it exists, starts with #EXTM3U and every URI has an #EXTINF"),
  B1(
      Severity.ERROR,
      "Apple HLS authoring 8.6",
      "VOD playlists have EXT-X-PLAYLIST-TYPE:VOD and EXT-X-ENDLIST"),
  B2(
      Severity.ERROR,
      "Apple HLS authoring 8.20, RFC 8216 §4.3.2.5",
      "fMP4 playlists have EXT-X-MAP"),
  B3(Severity.ERROR, "RFC 8216 §7", "EXT-X-VERSION matches the features used"),
  B4(
      Severity.ERROR,
      "Apple HLS authoring 9.11/9.12",
      "EXT-X-INDEPENDENT-SEGMENTS in the master or in every media playlist"),
  C1(
      Severity.ERROR,
      "Apple HLS authoring 9.1, RFC 6381",
      "every variant has CODECS, matching the real streams (profile/level from the SPS) and its audio group"),
  C2(
      Severity.ERROR,
      "Apple HLS authoring 9.2/9.15",
      "video variants have RESOLUTION and FRAME-RATE matching the video"),
  C3(
      Severity.ERROR,
      "Apple HLS authoring 9.13, RFC 8216 §4.3.4.2",
      "BANDWIDTH >= the peak segment bit rate of the variant plus its largest audio rendition"),
  C4(Severity.WARNING, "Apple HLS authoring 1.27", "BANDWIDTH within 10 % of the measured peak"),
  C5(
      Severity.WARNING,
      "Apple HLS authoring 9.14/1.26",
      "AVERAGE-BANDWIDTH present and within 10 % of the measured average"),
  C10(
      Severity.WARNING,
      "Apple HLS authoring 1.33",
      "all video variants have the same aspect ratio"),
  C12(
      Severity.ERROR,
      "Apple HLS authoring 8.9/8.10, RFC 8216 §4.3.4.1",
      "EXT-X-MEDIA groups are well formed (TYPE, GROUP-ID, NAME, LANGUAGE, DEFAULT/AUTOSELECT, referenced groups exist)"),
  C13(
      Severity.ERROR,
      "Apple HLS authoring 6.1/9.3/9.4",
      "I-frame playlists are present, with CODECS and RESOLUTION, and are EXT-X-I-FRAMES-ONLY"),
  C16(
      Severity.ERROR,
      "RFC 8216 §4.3.4.1.1",
      "AUTOSELECT=YES members of a group differ in LANGUAGE, ASSOC-LANGUAGE, FORCED or CHARACTERISTICS"),
  C17(
      Severity.ERROR,
      "Apple HLS authoring 1.x (HDR), RFC 8216bis §4.4.6.2",
      "VIDEO-RANGE matches the coded transfer; PQ and HLG only in 10-bit HEVC"),
  D7(
      Severity.WARNING,
      "Apple HLS authoring 2.3/2.4",
      "a stereo AAC (LC or HE) rendition is offered; MP3 is not in Apple's list"),
  S1(Severity.ERROR, "hlsforge (with --source)", "total duration within two frames of the source"),
  S2(
      Severity.ERROR,
      "hlsforge (with --source)",
      "audio present if and only if the source has audio"),
  S3(Severity.ERROR, "hlsforge (with --source)", "no rendition larger than the source");

  private final Severity severity;
  private final String source;
  private final String summary;

  Rule(Severity severity, String source, String summary) {
    this.severity = severity;
    this.source = source;
    this.summary = summary;
  }

  public Severity severity() {
    return severity;
  }

  public String source() {
    return source;
  }

  public String summary() {
    return summary;
  }
}
