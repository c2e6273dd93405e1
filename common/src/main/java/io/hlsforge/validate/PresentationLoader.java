package io.hlsforge.validate;

import io.hlsforge.hls.PlaylistParser;
import io.hlsforge.inspect.MalformedMediaException;
import io.hlsforge.inspect.Mp4Track;
import io.hlsforge.inspect.SegmentFacts;
import io.hlsforge.inspect.TrackKind;
import io.hlsforge.media.ProbeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fetch and inspect side of the validator: reads the root playlist and everything it
 * references, inspects every segment, and builds the {@link PresentationView} the rule groups read.
 * A resource that cannot be read or inspected, for whatever reason, becomes one finding naming it;
 * this class is the one place where that happens (see {@link #attempt}), so no rule needs a
 * try/catch and no exception from one malformed object ends the run.
 */
final class PresentationLoader {
  private final ResourceReader reader;
  private final Findings out;
  private final HlsValidator.PictureCheck pictureCheck;
  private int playlists;
  private int segments;
  // The most recent whole object read, kept because consecutive entries may name the same file.
  private String lastUri;
  private byte[] lastObject;

  PresentationLoader(ResourceReader reader, Findings out, HlsValidator.PictureCheck pictureCheck) {
    this.reader = reader;
    this.out = out;
    this.pictureCheck = pictureCheck;
  }

  /** Playlists read so far (root, media and I-frame playlists). */
  int playlistsRead() {
    return playlists;
  }

  /** Segments read so far. */
  int segmentsRead() {
    return segments;
  }

  /**
   * The presentation at {@code rootUri}; empty when the root is unreadable or not a playlist, which
   * is then the only finding.
   */
  Optional<PresentationView> load(String rootUri, Optional<ProbeResult> source) {
    Optional<String> text =
        attempt(Rule.B0, rootUri, "cannot read the playlist", () -> text(rootUri));
    if (text.isEmpty()) {
      return Optional.empty();
    }
    playlists++;
    if (!text.get().startsWith("#EXTM3U")) {
      out.add(Rule.B0, rootUri, "the playlist does not start with #EXTM3U");
      return Optional.empty();
    }
    if (PlaylistParser.isMaster(text.get())) {
      return attempt(
              Rule.B0,
              rootUri,
              "cannot read the playlist",
              () -> PlaylistParser.parseMaster(text.get()))
          .map(master -> presentation(rootUri, master, source));
    }
    return attempt(
            Rule.B0,
            rootUri,
            "cannot read the playlist",
            () -> PlaylistParser.parseMedia(text.get()))
        .map(
            media ->
                new PresentationView(
                    rootUri,
                    Optional.empty(),
                    List.of(inspect(rootUri, media)),
                    List.of(),
                    source));
  }

  private PresentationView presentation(
      String rootUri, PlaylistParser.Master master, Optional<ProbeResult> source) {
    Map<String, MediaPlaylistView> byUri = new LinkedHashMap<>();
    for (PlaylistParser.Tagged v : master.variants()) {
      loadMedia(Uris.resolve(rootUri, v.uri()), byUri);
    }
    for (PlaylistParser.Tagged media : master.media()) {
      if (media.uri() != null
          && ("AUDIO".equals(media.get("TYPE")) || "VIDEO".equals(media.get("TYPE")))) {
        loadMedia(Uris.resolve(rootUri, media.uri()), byUri);
      }
    }
    List<IFramePlaylistView> iframes = new ArrayList<>();
    for (PlaylistParser.Tagged tag : master.iframeStreams()) {
      if (PresentationView.complete(tag)) {
        String uri = Uris.resolve(rootUri, tag.uri());
        attempt(
                Rule.B0,
                uri,
                "cannot read the I-frame playlist",
                () -> {
                  PlaylistParser.Media p = PlaylistParser.parseMedia(text(uri));
                  playlists++;
                  return new IFramePlaylistView(uri, tag, p);
                })
            .ifPresent(iframes::add);
      }
    }
    List<SubtitlePlaylistView> subtitles = new ArrayList<>();
    for (PlaylistParser.Tagged media : master.media()) {
      if (media.uri() != null && "SUBTITLES".equals(media.get("TYPE"))) {
        subtitles(Uris.resolve(rootUri, media.uri())).ifPresent(subtitles::add);
      }
    }
    return new PresentationView(
        rootUri, Optional.of(master), List.copyOf(byUri.values()), iframes, source, subtitles);
  }

  /** A subtitle playlist and the text of its WebVTT segments. */
  private Optional<SubtitlePlaylistView> subtitles(String uri) {
    return attempt(
            Rule.B0,
            uri,
            "cannot read the subtitle playlist",
            () -> {
              PlaylistParser.Media p = PlaylistParser.parseMedia(text(uri));
              playlists++;
              return p;
            })
        .map(
            p -> {
              List<String> texts = new ArrayList<>();
              for (PlaylistParser.Segment s : p.segments()) {
                String segmentUri = Uris.resolve(uri, s.uri());
                attempt(
                        Rule.B0,
                        segmentUri,
                        "cannot read the WebVTT segment",
                        () -> text(segmentUri))
                    .ifPresent(texts::add);
              }
              return new SubtitlePlaylistView(uri, p, texts);
            });
  }

  /** Reads a media playlist once, however many tags reference it. */
  private void loadMedia(String uri, Map<String, MediaPlaylistView> byUri) {
    if (byUri.containsKey(uri)) {
      return;
    }
    attempt(
            Rule.B0,
            uri,
            "cannot read the media playlist",
            () -> {
              String text = text(uri);
              playlists++;
              return PlaylistParser.parseMedia(text);
            })
        .ifPresent(p -> byUri.put(uri, inspect(uri, p)));
  }

  /** Reads the init segment and every segment of one media playlist, and inspects them. */
  private MediaPlaylistView inspect(String uri, PlaylistParser.Media p) {
    for (String problem : p.problems()) {
      out.add(Rule.B0, uri, problem);
    }
    Set<TrackKind> streams = EnumSet.noneOf(TrackKind.class);
    Optional<Mp4Track> init = Optional.empty();
    byte[] initBytes = new byte[0];
    String codecs = null;
    if (p.mapUri() != null) {
      String initUri = Uris.resolve(uri, p.mapUri());
      Optional<byte[]> read =
          attempt(
              Rule.B2,
              initUri,
              "cannot read the EXT-X-MAP init segment",
              () -> reader.read(initUri));
      init =
          read.flatMap(
              b ->
                  attempt(
                      Rule.B2,
                      initUri,
                      "cannot read the EXT-X-MAP init segment",
                      () -> SegmentInspections.init(b)));
      if (init.isEmpty()) {
        // Without the init segment the fragments cannot be interpreted: nothing more to read.
        return new MediaPlaylistView(
            uri, p, init, List.of(), streams, Optional.empty(), Optional.empty());
      }
      initBytes = read.get();
      codecs = init.get().codec();
      // Fragments of a track that is not video are read as audio (SegmentInspections.fragment).
      streams.add(init.get().isVideo() ? TrackKind.VIDEO : TrackKind.AUDIO);
    }
    List<ReadSegment> read = new ArrayList<>();
    byte[] firstVideo = null; // ffprobe's input, should its opinion be wanted
    SegmentContainer firstVideoContainer = null;
    String firstVideoUri = null;
    int firstVideoIndex = -1;
    for (int i = 0; i < p.segments().size(); i++) {
      PlaylistParser.Segment s = p.segments().get(i);
      String segmentUri = Uris.resolve(uri, s.uri());
      Optional<byte[]> bytes =
          attempt(
              Rule.B0,
              segmentUri,
              "cannot read segment " + i,
              () ->
                  s.length() < 0
                      ? whole(segmentUri)
                      : reader.read(segmentUri, s.offset(), s.length()));
      if (bytes.isEmpty()) {
        continue;
      }
      segments++;
      SegmentContainer container = SegmentInspections.container(bytes.get(), init);
      Optional<SegmentFacts> facts = inspectSegment(bytes.get(), container, init, segmentUri, i);
      read.add(new ReadSegment(i, segmentUri, bytes.get().length, container, facts));
      if (facts.isEmpty()) {
        continue;
      }
      if (facts.get().hasVideo()) {
        streams.add(TrackKind.VIDEO);
      }
      if (facts.get().hasAudio()) {
        streams.add(TrackKind.AUDIO);
      }
      if (codecs == null && container == SegmentContainer.TRANSPORT_STREAM) {
        codecs = facts.get().codecs();
      }
      if (streams.contains(TrackKind.VIDEO) && firstVideo == null) {
        firstVideo =
            container == SegmentContainer.FMP4 ? concat(initBytes, bytes.get()) : bytes.get();
        firstVideoContainer = container;
        firstVideoUri = segmentUri;
        firstVideoIndex = i;
      }
    }
    Optional<Picture> picture = bitstreamPicture(init, read);
    if (firstVideo != null
        && (pictureCheck == HlsValidator.PictureCheck.FFPROBE_CROSS_CHECK || picture.isEmpty())) {
      byte[] media = firstVideo;
      SegmentContainer container = firstVideoContainer;
      Optional<Picture> ffprobe =
          attempt(
                  Rule.B0,
                  firstVideoUri,
                  "ffprobe cannot read segment " + firstVideoIndex,
                  () -> FirstFrameOpinion.of(media, container))
              .flatMap(o -> o)
              .map(f -> new Picture(f.width(), f.height(), f.frameRate(), Picture.Reader.FFPROBE));
      picture = ffprobe.isPresent() ? ffprobe : picture;
    }
    return new MediaPlaylistView(uri, p, init, read, streams, Optional.ofNullable(codecs), picture);
  }

  /**
   * The picture as the segments themselves carry it: the size of the init segment's sample entry
   * (fMP4) or of the first SPS (TS), and the rate of the first segment's frames over its span;
   * empty when no inspected segment says.
   */
  static Optional<Picture> bitstreamPicture(Optional<Mp4Track> init, List<ReadSegment> read) {
    for (ReadSegment s : read) {
      if (s.facts().isEmpty() || !s.facts().get().hasVideo()) {
        continue;
      }
      SegmentFacts.VideoFacts v = s.facts().get().video();
      int width = init.map(Mp4Track::width).orElse(0);
      int height = init.map(Mp4Track::height).orElse(0);
      if ((width <= 0 || height <= 0) && v.signal() != null) {
        width = v.signal().width();
        height = v.signal().height();
      }
      if (width <= 0 || height <= 0) {
        continue; // no parameter set in this segment
      }
      double span = v.end() - v.start();
      double rate = v.frames() > 1 && span > 0 ? v.frames() / span : 0;
      return Optional.of(new Picture(width, height, rate, Picture.Reader.BITSTREAM));
    }
    return Optional.empty();
  }

  private Optional<SegmentFacts> inspectSegment(
      byte[] bytes, SegmentContainer container, Optional<Mp4Track> init, String segmentUri, int i) {
    return switch (container) {
      case TRANSPORT_STREAM ->
          attempt(
              Rule.B0,
              segmentUri,
              "segment " + i + " is not valid MPEG-TS",
              () -> SegmentInspections.transportStream(bytes));
      case FMP4 ->
          attempt(
              Rule.B0,
              segmentUri,
              "segment " + i + " is not a valid fMP4 fragment",
              () -> SegmentInspections.fragment(bytes, init.orElseThrow()));
      case UNRECOGNISED -> Optional.empty();
    };
  }

  /** A fetch or inspection of one resource; may fail in any way. */
  @FunctionalInterface
  private interface Step<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code step} for the resource at {@code where}; if it fails, for whatever reason, records
   * {@code failure} and the reason against that resource and returns empty. The one place where a
   * malformed object stops being an exception.
   */
  private <T> Optional<T> attempt(Rule rule, String where, String failure, Step<T> step) {
    try {
      return Optional.of(step.run());
    } catch (IOException | RuntimeException e) {
      out.add(rule, where, failure + ": " + reason(e));
      return Optional.empty();
    }
  }

  /**
   * An I/O error or a parser's rejection (an IllegalArgumentException, which includes the bit
   * readers' {@link MalformedMediaException}: its message says which structure is malformed and at
   * which byte) explains itself; anything else is a bug or an unforeseen input, so it also names
   * the exception and where it was thrown.
   */
  private static String reason(Exception e) {
    if (e instanceof IOException || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    StackTraceElement[] trace = e.getStackTrace();
    return e.getClass().getSimpleName()
        + ": "
        + e.getMessage()
        + (trace.length == 0
            ? ""
            : " (at "
                + trace[0].getClassName()
                + "."
                + trace[0].getMethodName()
                + ":"
                + trace[0].getLineNumber()
                + ")");
  }

  private String text(String uri) throws IOException {
    return new String(reader.read(uri), StandardCharsets.UTF_8);
  }

  private byte[] whole(String uri) throws IOException {
    if (!uri.equals(lastUri)) {
      lastObject = reader.read(uri);
      lastUri = uri;
    }
    return lastObject;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] whole = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, whole, a.length, b.length);
    return whole;
  }
}
