package io.hlsforge.inspect;

import java.util.List;

/**
 * Reads the one track of an HLS fMP4 init segment (ISO/IEC 14496-12): its kind (hdlr), timescale
 * (mdhd), picture size and codec (stsd's first sample entry). Pure and bounds-checked.
 */
public final class Mp4TrackReader {
  /** SampleEntry: 6 reserved bytes and data_reference_index after the box header. */
  private static final int SAMPLE_ENTRY_FIELDS = 8;

  /** VisualSampleEntry fields after SampleEntry's, up to its child boxes. */
  private static final int VISUAL_FIELDS = 70;

  /** AudioSampleEntry (version 0) fields after SampleEntry's, up to its child boxes. */
  private static final int AUDIO_FIELDS = 20;

  /** Extra fields of QuickTime sound sample description versions 1 and 2. */
  private static final int AUDIO_V1_EXTRA = 16;

  private static final int AUDIO_V2_EXTRA = 36;

  private Mp4TrackReader() {}

  /** True when the bytes start with a box that begins an fMP4 init or media segment. */
  public static boolean looksLikeMp4(byte[] bytes) {
    return Mp4Boxes.looksLikeMp4(bytes);
  }

  /**
   * @throws MalformedMediaException when a box is missing or malformed
   */
  public static Mp4Track read(byte[] b) {
    Mp4Box moov = Mp4Boxes.first(Mp4Boxes.topLevel(b), "moov");
    Mp4Box trak = moov == null ? null : Mp4Boxes.first(Mp4Boxes.children(b, moov), "trak");
    Mp4Box mdia = trak == null ? null : Mp4Boxes.first(Mp4Boxes.children(b, trak), "mdia");
    if (mdia == null) {
      throw new MalformedMediaException("Cannot inspect init segment: no moov/trak/mdia box");
    }
    List<Mp4Box> inMdia = Mp4Boxes.children(b, mdia);
    long timescale = timescale(b, Mp4Boxes.require(inMdia, "mdhd", "moov/trak/mdia"));
    Mp4Box hdlr = Mp4Boxes.require(inMdia, "hdlr", "moov/trak/mdia");
    // hdlr: version/flags, pre_defined, then handler_type.
    TrackKind kind =
        TrackKind.ofHandler(hdlr.content(b).fourcc(hdlr.payload() + 8, "handler_type"));
    Mp4Box minf = Mp4Boxes.require(inMdia, "minf", "moov/trak/mdia");
    Mp4Box stbl = Mp4Boxes.require(Mp4Boxes.children(b, minf), "stbl", "moov/trak/mdia/minf");
    Mp4Box stsd = Mp4Boxes.require(Mp4Boxes.children(b, stbl), "stsd", "moov/trak/mdia/minf/stbl");
    ByteWindow stsdContent = stsd.content(b);
    long entries = stsdContent.u32(stsd.afterVersionAndFlags(), "entry_count");
    if (entries < 1) {
      throw stsdContent.malformed("no sample entry");
    }
    // The first entry is a box; the walker checks its size against stsd.
    Mp4Box entry =
        Mp4Boxes.children(b, stsd.afterVersionAndFlags() + 4, stsd.end(), "box 'stsd'").stream()
            .findFirst()
            .orElseThrow(() -> stsdContent.malformed("no sample entry"));
    return switch (kind) {
      case VIDEO -> video(b, entry, timescale);
      case AUDIO -> audio(b, entry, timescale);
      case OTHER -> new Mp4Track(kind, timescale, 0, 0, entry.type(), 0);
    };
  }

  private static long timescale(byte[] b, Mp4Box mdhd) {
    ByteWindow w = mdhd.content(b);
    int version = w.u8(mdhd.payload(), "mdhd version");
    // After version/flags: creation and modification times, 8 bytes each in version 1, else 4.
    long timescale = w.u32(mdhd.afterVersionAndFlags() + (version == 1 ? 16 : 8), "mdhd timescale");
    if (timescale == 0) {
      throw w.malformed("mdhd timescale is 0");
    }
    return timescale;
  }

  private static Mp4Track video(byte[] b, Mp4Box entry, long timescale) {
    ByteWindow w = entry.content(b);
    int fields = entry.payload() + SAMPLE_ENTRY_FIELDS;
    w.require(fields, VISUAL_FIELDS, "VisualSampleEntry fields");
    // pre_defined, reserved, pre_defined[3]: 16 bytes before width and height.
    int width = w.u16(fields + 16, "width");
    int height = w.u16(fields + 18, "height");
    List<Mp4Box> children =
        Mp4Boxes.children(b, fields + VISUAL_FIELDS, entry.end(), "box '" + entry.type() + "'");
    Mp4Box avcC = Mp4Boxes.first(children, "avcC");
    Mp4Box hvcC = Mp4Boxes.first(children, "hvcC");
    String codec =
        avcC != null
            ? SampleEntryCodecs.avc(entry.type(), b, avcC)
            : hvcC != null ? SampleEntryCodecs.hevc(entry.type(), b, hvcC) : entry.type();
    VideoSignal signal =
        avcC != null
            ? SampleEntryCodecs.avcSignal(b, avcC)
            : hvcC != null
                ? SampleEntryCodecs.hevcSignal(b, hvcC, Mp4Boxes.first(children, "colr"))
                : null;
    return new Mp4Track(TrackKind.VIDEO, timescale, width, height, codec, 0, signal);
  }

  private static Mp4Track audio(byte[] b, Mp4Box entry, long timescale) {
    ByteWindow w = entry.content(b);
    int fields = entry.payload() + SAMPLE_ENTRY_FIELDS;
    w.require(fields, AUDIO_FIELDS, "AudioSampleEntry fields");
    int version = w.u16(fields, "sound sample description version");
    // samplerate is 16.16 fixed point after reserved[2], channelcount, samplesize, pre_defined,
    // reserved.
    int sampleRate = (int) (w.u32(fields + 16, "samplerate") >>> 16);
    int extra = version == 1 ? AUDIO_V1_EXTRA : version == 2 ? AUDIO_V2_EXTRA : 0;
    w.require(fields, AUDIO_FIELDS + extra, "AudioSampleEntry fields");
    Mp4Box esds =
        Mp4Boxes.first(
            Mp4Boxes.children(
                b, fields + AUDIO_FIELDS + extra, entry.end(), "box '" + entry.type() + "'"),
            "esds");
    String codec = entry.type();
    if (esds != null && "mp4a".equals(entry.type())) {
      int objectType = SampleEntryCodecs.esdsObjectType(b, esds);
      // An esds without AudioSpecificConfig: AAC-LC, the only kind an HLS packager writes so.
      codec = CodecStrings.mp4a(objectType > 0 ? objectType : 2);
    }
    return new Mp4Track(TrackKind.AUDIO, timescale, 0, 0, codec, sampleRate);
  }
}
