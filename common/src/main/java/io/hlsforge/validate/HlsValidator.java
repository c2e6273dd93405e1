package io.hlsforge.validate;

import io.hlsforge.hls.BandwidthCalculator;
import io.hlsforge.hls.MediaSegment;
import io.hlsforge.hls.Mp4Inspector;
import io.hlsforge.hls.PlaylistParser;
import io.hlsforge.hls.TsInspector;
import io.hlsforge.media.FirstFrameProbe;
import io.hlsforge.media.ProbeResult;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an HLS presentation (master or single media playlist, from hlsforge or any other tool)
 * against RFC 8216 and Apple's HLS Authoring Specification, as listed in {@link Rule}. Playlists
 * are parsed by {@link PlaylistParser}; MPEG-TS segments are opened and measured by {@link
 * TsInspector} (timestamps, IDRs, codecs), and the first segment of each video playlist is
 * cross-checked with the bundled ffprobe (picture size, frame rate, profile, level).
 */
public final class HlsValidator {
  private static final double AAC_FRAME_48K = 1024.0 / 48000;

  private final ResourceReader reader;

  public HlsValidator(ResourceReader reader) {
    this.reader = reader;
  }

  /** What one media playlist turned out to contain. */
  private static final class Analysis {
    final String uri;
    final PlaylistParser.Media playlist;
    final List<TsInspector.Inspection> inspections = new ArrayList<>();
    final List<Long> sizes = new ArrayList<>();
    boolean video;
    boolean audio;
    boolean transportStream = true;
    FirstFrameProbe.Facts firstFrame;
    String codecs;

    Analysis(String uri, PlaylistParser.Media playlist) {
      this.uri = uri;
      this.playlist = playlist;
    }

    double totalDuration() {
      return playlist.segments().stream().mapToDouble(PlaylistParser.Segment::duration).sum();
    }

    /** One frame of this playlist's main stream: the video frame, else an AAC frame. */
    double frame() {
      for (TsInspector.Inspection i : inspections) {
        if (i.hasVideo() && i.videoFrames() > 0) {
          return (i.videoEndPts() - i.videoStartPts()) / i.videoFrames();
        }
        if (i.hasAudio() && i.audioSampleRate() > 0) {
          return 1024.0 / i.audioSampleRate();
        }
      }
      return AAC_FRAME_48K;
    }

    List<MediaSegment> measured() {
      List<MediaSegment> out = new ArrayList<>();
      for (int i = 0; i < sizes.size(); i++) {
        out.add(
            new MediaSegment(
                playlist.segments().get(i).uri(),
                playlist.segments().get(i).duration(),
                sizes.get(i)));
      }
      return out;
    }

    int target() {
      return playlist.targetDuration() == null ? 0 : playlist.targetDuration();
    }
  }

  /** Mutable state of one validation run. */
  private final class Run {
    final String rootUri;
    final List<Finding> findings = new ArrayList<>();
    final Map<String, byte[]> cache = new HashMap<>();
    int playlists;
    int segments;

    Run(String rootUri) {
      this.rootUri = rootUri;
    }

    void add(Rule rule, String where, String message) {
      findings.add(new Finding(rule, where, message));
    }

    byte[] bytes(String uri) throws IOException {
      byte[] b = cache.get(uri);
      if (b == null) {
        b = reader.read(uri);
        cache.clear(); // only the most recent object is kept
        cache.put(uri, b);
      }
      return b;
    }
  }

  public ValidationReport validate(String uri) {
    return validate(uri, Optional.empty());
  }

  public ValidationReport validate(String uri, Optional<ProbeResult> source) {
    Run run = new Run(uri);
    String text;
    try {
      text = new String(reader.read(uri), StandardCharsets.UTF_8);
    } catch (IOException e) {
      run.add(Rule.B0, uri, "cannot read the playlist: " + e.getMessage());
      return new ValidationReport(uri, run.findings, 0, 0);
    }
    run.playlists++;
    if (!text.startsWith("#EXTM3U")) {
      run.add(Rule.B0, uri, "the playlist does not start with #EXTM3U");
      return new ValidationReport(uri, run.findings, run.playlists, 0);
    }
    List<Analysis> all = new ArrayList<>();
    if (PlaylistParser.isMaster(text)) {
      validateMaster(run, PlaylistParser.parseMaster(text), all);
    } else {
      Analysis a = analyseMedia(run, uri, text, true);
      if (a != null) {
        all.add(a);
        crossCheck(run, all);
      }
    }
    source.ifPresent(s -> checkAgainstSource(run, s, all));
    return new ValidationReport(uri, run.findings, run.playlists, run.segments);
  }

  // ---------------------------------------------------------------- master

  private void validateMaster(Run run, PlaylistParser.Master m, List<Analysis> all) {
    String where = run.rootUri;
    checkMediaGroups(run, m);
    Map<String, Analysis> byUri = new LinkedHashMap<>();
    for (PlaylistParser.Tagged v : m.variants()) {
      if (v.get("CODECS") == null) {
        run.add(Rule.C1, where, "variant " + v.uri() + " has no CODECS");
      }
      if (v.get("BANDWIDTH") == null) {
        run.add(Rule.C3, where, "variant " + v.uri() + " has no BANDWIDTH");
      }
      if (v.get("AVERAGE-BANDWIDTH") == null) {
        run.add(Rule.C5, where, "variant " + v.uri() + " has no AVERAGE-BANDWIDTH");
      }
      load(run, v.uri(), !m.independentSegments(), byUri);
    }
    for (PlaylistParser.Tagged media : m.media()) {
      if (media.uri() != null
          && ("AUDIO".equals(media.get("TYPE")) || "VIDEO".equals(media.get("TYPE")))) {
        load(run, media.uri(), !m.independentSegments(), byUri);
      }
    }
    all.addAll(byUri.values());
    crossCheck(run, all);
    for (PlaylistParser.Tagged v : m.variants()) {
      Analysis main = byUri.get(resolve(run.rootUri, v.uri()));
      if (main == null) {
        continue;
      }
      List<Analysis> audio = audioGroup(run, m, v.get("AUDIO"), byUri);
      checkVariant(run, v, main, audio);
    }
    checkAspectRatios(run, m);
    checkIFrames(run, m, byUri.values().stream().anyMatch(a -> a.video));
  }

  private void load(
      Run run, String relative, boolean requireIndependent, Map<String, Analysis> byUri) {
    String uri = resolve(run.rootUri, relative);
    if (byUri.containsKey(uri)) {
      return;
    }
    try {
      String text = new String(reader.read(uri), StandardCharsets.UTF_8);
      run.playlists++;
      Analysis a = analyseMedia(run, uri, text, requireIndependent);
      if (a != null) {
        byUri.put(uri, a);
      }
    } catch (IOException e) {
      run.add(Rule.B0, uri, "cannot read the media playlist: " + e.getMessage());
    }
  }

  private List<Analysis> audioGroup(
      Run run, PlaylistParser.Master m, String group, Map<String, Analysis> byUri) {
    List<Analysis> out = new ArrayList<>();
    if (group == null) {
      return out;
    }
    for (PlaylistParser.Tagged media : m.media()) {
      if ("AUDIO".equals(media.get("TYPE"))
          && group.equals(media.get("GROUP-ID"))
          && media.uri() != null) {
        Analysis a = byUri.get(resolve(run.rootUri, media.uri()));
        if (a != null) {
          out.add(a);
        }
      }
    }
    return out;
  }

  private void checkMediaGroups(Run run, PlaylistParser.Master m) {
    String where = run.rootUri;
    Map<String, Set<String>> names = new HashMap<>();
    Map<String, Integer> defaults = new HashMap<>();
    Set<String> audioGroups = new HashSet<>();
    for (PlaylistParser.Tagged media : m.media()) {
      String type = media.get("TYPE");
      String group = media.get("GROUP-ID");
      String name = media.get("NAME");
      if (type == null
          || !Set.of("AUDIO", "VIDEO", "SUBTITLES", "CLOSED-CAPTIONS").contains(type)) {
        run.add(Rule.C12, where, "EXT-X-MEDIA has no valid TYPE: " + media.attributes());
        continue;
      }
      if (group == null || name == null) {
        run.add(
            Rule.C12,
            where,
            "EXT-X-MEDIA TYPE=" + type + " needs GROUP-ID and NAME: " + media.attributes());
        continue;
      }
      if (!"VIDEO".equals(type) && media.get("LANGUAGE") == null) {
        run.add(Rule.C12, where, "EXT-X-MEDIA " + group + "/" + name + " has no LANGUAGE");
      }
      if (!names.computeIfAbsent(type + "/" + group, k -> new HashSet<>()).add(name)) {
        run.add(Rule.C12, where, "NAME \"" + name + "\" appears twice in group " + group);
      }
      boolean isDefault = "YES".equals(media.get("DEFAULT"));
      if (isDefault) {
        defaults.merge(type + "/" + group, 1, Integer::sum);
        if (!"YES".equals(media.get("AUTOSELECT"))) {
          run.add(
              Rule.C12,
              where,
              "EXT-X-MEDIA " + group + "/" + name + " is DEFAULT=YES without AUTOSELECT=YES");
        }
      }
      if ("AUDIO".equals(type)) {
        audioGroups.add(group);
        if (media.get("CHANNELS") == null) {
          run.add(Rule.C12, where, "audio rendition " + group + "/" + name + " has no CHANNELS");
        }
      }
      if ("SUBTITLES".equals(type) && media.uri() == null) {
        run.add(Rule.C12, where, "subtitles rendition " + group + "/" + name + " has no URI");
      }
    }
    defaults.forEach(
        (g, n) -> {
          if (n > 1) {
            run.add(Rule.C12, where, "group " + g + " has " + n + " DEFAULT=YES renditions");
          }
        });
    for (PlaylistParser.Tagged v : m.variants()) {
      String audio = v.get("AUDIO");
      if (audio != null && !audioGroups.contains(audio)) {
        run.add(
            Rule.C12,
            where,
            "variant " + v.uri() + " references AUDIO group \"" + audio + "\" that does not exist");
      }
    }
  }

  private void checkVariant(Run run, PlaylistParser.Tagged v, Analysis main, List<Analysis> audio) {
    String where = run.rootUri + " → " + v.uri();
    // CODECS must list exactly the codecs really present in the variant and its audio group.
    Set<String> actual = new TreeSet<>();
    addCodecs(actual, main.codecs);
    audio.forEach(a -> addCodecs(actual, a.codecs));
    if (v.get("CODECS") != null && main.codecs != null) {
      Set<String> declared = new TreeSet<>();
      addCodecs(declared, v.get("CODECS"));
      if (!declared.equals(actual)) {
        run.add(
            Rule.C1,
            where,
            "CODECS=\"" + v.get("CODECS") + "\" but the streams are " + String.join(",", actual));
      }
    }
    if (main.video) {
      String resolution = v.get("RESOLUTION");
      String frameRate = v.get("FRAME-RATE");
      if (resolution == null || frameRate == null) {
        run.add(
            Rule.C2,
            where,
            "video variant without " + (resolution == null ? "RESOLUTION" : "FRAME-RATE"));
      }
      if (main.firstFrame != null && resolution != null) {
        String real = main.firstFrame.width() + "x" + main.firstFrame.height();
        if (!resolution.equals(real)) {
          run.add(Rule.C2, where, "RESOLUTION=" + resolution + " but the video is " + real);
        }
      }
      if (main.firstFrame != null && frameRate != null && main.firstFrame.frameRate() > 0) {
        double declared = parseDouble(frameRate);
        if (Math.abs(declared - main.firstFrame.frameRate()) > 0.01 * main.firstFrame.frameRate()) {
          run.add(
              Rule.C2,
              where,
              String.format(
                  Locale.ROOT,
                  "FRAME-RATE=%s but the video runs at %.3f fps",
                  frameRate,
                  main.firstFrame.frameRate()));
        }
      }
    }
    if (main.sizes.size() != main.playlist.segments().size()) {
      return; // segments missing: already reported, bit rates would be meaningless
    }
    long peak = BandwidthCalculator.peakBitsPerSecond(main.measured(), main.target());
    long average = BandwidthCalculator.averageBitsPerSecond(main.measured());
    for (Analysis a : audio) {
      if (a.sizes.size() != a.playlist.segments().size()) {
        return;
      }
    }
    peak +=
        audio.stream()
            .mapToLong(a -> BandwidthCalculator.peakBitsPerSecond(a.measured(), a.target()))
            .max()
            .orElse(0);
    average +=
        audio.stream()
            .mapToLong(a -> BandwidthCalculator.averageBitsPerSecond(a.measured()))
            .max()
            .orElse(0);
    long bandwidth = parseLong(v.get("BANDWIDTH"));
    if (bandwidth >= 0 && bandwidth + 1 < peak) {
      run.add(
          Rule.C3,
          where,
          "BANDWIDTH=" + bandwidth + " is below the measured peak segment bit rate " + peak);
    } else if (bandwidth > peak * 1.1) {
      run.add(
          Rule.C4,
          where,
          "BANDWIDTH=" + bandwidth + " is more than 10 % above the measured peak " + peak);
    }
    long declaredAverage = parseLong(v.get("AVERAGE-BANDWIDTH"));
    if (declaredAverage >= 0 && Math.abs(declaredAverage - average) > 0.1 * average) {
      run.add(
          Rule.C5,
          where,
          "AVERAGE-BANDWIDTH="
              + declaredAverage
              + " is not within 10 % of the measured average "
              + average);
    }
  }

  private void checkAspectRatios(Run run, PlaylistParser.Master m) {
    Set<String> ratios = new TreeSet<>();
    for (PlaylistParser.Tagged v : m.variants()) {
      String r = v.get("RESOLUTION");
      int x = r == null ? -1 : r.indexOf('x');
      if (x > 0) {
        double w = parseDouble(r.substring(0, x));
        double h = parseDouble(r.substring(x + 1));
        if (h > 0) {
          // Even-dimension rounding moves small renditions by up to 2 px; compare at 1 % precision.
          ratios.add(String.format(Locale.ROOT, "%.2f", Math.round(w / h * 50) / 50.0));
        }
      }
    }
    if (ratios.size() > 1) {
      run.add(Rule.C10, run.rootUri, "video variants have different aspect ratios: " + ratios);
    }
  }

  private void checkIFrames(Run run, PlaylistParser.Master m, boolean hasVideo) {
    if (hasVideo && m.iframeStreams().isEmpty()) {
      run.add(
          Rule.C13, run.rootUri, "no EXT-X-I-FRAME-STREAM-INF: trick play needs I-frame playlists");
    }
    for (PlaylistParser.Tagged i : m.iframeStreams()) {
      if (i.uri() == null
          || i.get("CODECS") == null
          || i.get("RESOLUTION") == null
          || i.get("BANDWIDTH") == null) {
        run.add(
            Rule.C13,
            run.rootUri,
            "EXT-X-I-FRAME-STREAM-INF needs URI, BANDWIDTH, CODECS and RESOLUTION: "
                + i.attributes());
        continue;
      }
      String uri = resolve(run.rootUri, i.uri());
      try {
        PlaylistParser.Media p =
            PlaylistParser.parseMedia(new String(reader.read(uri), StandardCharsets.UTF_8));
        run.playlists++;
        if (!p.iFramesOnly()) {
          run.add(Rule.C13, uri, "the I-frame playlist has no EXT-X-I-FRAMES-ONLY");
        }
        checkStructure(run, uri, p, false);
        for (PlaylistParser.Segment s : p.segments()) {
          if (s.length() < 0) {
            run.add(Rule.C13, uri, "I-frame entry " + s.uri() + " has no EXT-X-BYTERANGE");
            break;
          }
        }
      } catch (IOException e) {
        run.add(Rule.B0, uri, "cannot read the I-frame playlist: " + e.getMessage());
      }
    }
  }

  // ---------------------------------------------------------------- media playlists

  private Analysis analyseMedia(Run run, String uri, String text, boolean requireIndependent) {
    PlaylistParser.Media p = PlaylistParser.parseMedia(text);
    for (String problem : p.problems()) {
      run.add(Rule.B0, uri, problem);
    }
    checkStructure(run, uri, p, requireIndependent);
    Analysis a = new Analysis(uri, p);
    Mp4Inspector.Init init = null;
    byte[] initBytes = null;
    if (p.mapUri() != null) {
      String initUri = resolve(uri, p.mapUri());
      try {
        initBytes = reader.read(initUri);
        init = Mp4Inspector.init(initBytes);
        a.codecs = init.codec();
        a.video = init.video();
        a.audio = !init.video();
      } catch (IOException | RuntimeException e) {
        run.add(Rule.B2, initUri, "cannot read the EXT-X-MAP init segment: " + e.getMessage());
        return a;
      }
    }
    for (int i = 0; i < p.segments().size(); i++) {
      PlaylistParser.Segment s = p.segments().get(i);
      String segmentUri = resolve(uri, s.uri());
      byte[] bytes;
      try {
        bytes =
            s.length() < 0
                ? run.bytes(segmentUri)
                : reader.read(segmentUri, s.offset(), s.length());
      } catch (IOException e) {
        run.add(Rule.B0, segmentUri, "cannot read segment " + i + ": " + e.getMessage());
        continue;
      }
      run.segments++;
      a.sizes.add((long) bytes.length);
      if (init != null && Mp4Inspector.looksLikeMp4(bytes)) {
        a.transportStream = false;
        inspectFragment(run, a, init, initBytes, bytes, segmentUri, i);
        continue;
      }
      if (bytes.length < TsInspector.PACKET || bytes[0] != 0x47) {
        a.transportStream = false;
        continue;
      }
      TsInspector.Inspection ts;
      try {
        ts = TsInspector.inspect(bytes);
      } catch (IllegalArgumentException e) {
        run.add(Rule.B0, segmentUri, "segment " + i + " is not valid MPEG-TS: " + e.getMessage());
        continue;
      }
      a.inspections.add(ts);
      a.video |= ts.hasVideo();
      a.audio |= ts.hasAudio();
      if (a.codecs == null) {
        a.codecs = ts.codecs();
      }
      if (ts.hasVideo() && !ts.startsWithIdr()) {
        run.add(Rule.A4, segmentUri, "segment " + i + " does not start with an IDR frame");
      }
      if (a.video && a.firstFrame == null) {
        a.firstFrame = ffprobe(bytes, ".ts");
      }
    }
    if (!a.transportStream && init == null) {
      run.add(Rule.B2, uri, "segments are not MPEG-TS and there is no EXT-X-MAP");
    }
    if (a.inspections.size() == p.segments().size()) {
      checkTiming(run, a);
    }
    return a;
  }

  /** fMP4: the same facts as for TS, from tfdt/trun, so the timing rules apply unchanged. */
  private void inspectFragment(
      Run run,
      Analysis a,
      Mp4Inspector.Init init,
      byte[] initBytes,
      byte[] bytes,
      String segmentUri,
      int i) {
    Mp4Inspector.Fragment f;
    try {
      f = Mp4Inspector.fragment(bytes, init.timescale());
    } catch (RuntimeException e) {
      run.add(
          Rule.B0, segmentUri, "segment " + i + " is not a valid fMP4 fragment: " + e.getMessage());
      return;
    }
    double end = f.startSeconds() + f.durationSeconds();
    a.inspections.add(
        init.video()
            ? new TsInspector.Inspection(
                f.startSeconds(),
                end,
                Double.NaN,
                Double.NaN,
                f.startsWithSync(),
                -1,
                -1,
                -1,
                -1,
                0,
                f.samples(),
                f.keyframes())
            : new TsInspector.Inspection(
                Double.NaN,
                Double.NaN,
                f.startSeconds(),
                end,
                true,
                -1,
                -1,
                -1,
                -1,
                init.sampleRate(),
                0,
                List.of()));
    if (init.video() && !f.startsWithSync()) {
      run.add(Rule.A4, segmentUri, "segment " + i + " does not start with a sync sample");
    }
    if (init.video() && a.firstFrame == null) {
      byte[] whole = Arrays.copyOf(initBytes, initBytes.length + bytes.length);
      System.arraycopy(bytes, 0, whole, initBytes.length, bytes.length);
      a.firstFrame = ffprobe(whole, ".mp4");
    }
  }

  private void checkStructure(
      Run run, String uri, PlaylistParser.Media p, boolean requireIndependent) {
    Integer target = p.targetDuration();
    if (target == null || target < 0) {
      run.add(Rule.A1, uri, "no valid EXT-X-TARGETDURATION");
      target = Integer.MAX_VALUE;
    }
    if (!"VOD".equals(p.playlistType())) {
      run.add(
          Rule.B1,
          uri,
          "EXT-X-PLAYLIST-TYPE is "
              + (p.playlistType() == null ? "missing" : p.playlistType())
              + ", not VOD");
    }
    if (!p.endList()) {
      run.add(Rule.B1, uri, "no EXT-X-ENDLIST");
    }
    if (p.segments().isEmpty()) {
      run.add(Rule.B0, uri, "the playlist has no segments");
    }
    int needed = 1;
    for (int i = 0; i < p.segments().size(); i++) {
      PlaylistParser.Segment s = p.segments().get(i);
      if (Math.round(s.duration()) > target) {
        run.add(
            Rule.A1,
            uri,
            String.format(
                Locale.ROOT,
                "segment %d lasts %.3f s, more than EXT-X-TARGETDURATION %d",
                i,
                s.duration(),
                target));
      }
      if (s.duration() > target + 0.5) {
        run.add(
            Rule.A2,
            uri,
            String.format(
                Locale.ROOT,
                "segment %d lasts %.3f s, over %d s + 0.5 s",
                i,
                s.duration(),
                target));
      }
      if (s.duration() != Math.rint(s.duration())) {
        needed = Math.max(needed, 3);
      }
      if (s.length() >= 0) {
        needed = Math.max(needed, 4);
      }
    }
    if (p.iFramesOnly()) {
      needed = Math.max(needed, 4);
    }
    if (p.mapUri() != null) {
      needed = Math.max(needed, p.iFramesOnly() ? 5 : 6);
    }
    if (p.version() < needed) {
      run.add(
          Rule.B3,
          uri,
          "EXT-X-VERSION is " + p.version() + " but the features used need " + needed);
    }
    if (requireIndependent && !p.independentSegments() && !p.iFramesOnly()) {
      run.add(Rule.B4, uri, "no EXT-X-INDEPENDENT-SEGMENTS here or in the master");
    }
    if (target != Integer.MAX_VALUE && target != 6 && !p.iFramesOnly()) {
      run.add(Rule.A3, uri, "EXT-X-TARGETDURATION is " + target + " s; Apple recommends 6");
    }
  }

  /** A6 continuity, A8 EXTINF accuracy and A5 IDR spacing, from the measured timestamps. */
  private void checkTiming(Run run, Analysis a) {
    double frame = a.frame();
    double tolerance = frame + 0.001;
    List<Double> idrs = new ArrayList<>();
    for (int i = 0; i < a.inspections.size(); i++) {
      TsInspector.Inspection ts = a.inspections.get(i);
      double start = a.video ? ts.videoStartPts() : ts.audioStartPts();
      double extinf = a.playlist.segments().get(i).duration();
      double real = ts.duration();
      if (Double.isNaN(real)) {
        continue;
      }
      if (Math.abs(extinf - real) > tolerance) {
        run.add(
            Rule.A8,
            a.uri,
            String.format(
                Locale.ROOT,
                "segment %d: EXTINF %.3f s but the media lasts %.3f s",
                i,
                extinf,
                real));
      }
      if (i > 0) {
        TsInspector.Inspection prev = a.inspections.get(i - 1);
        double prevEnd = a.video ? prev.videoEndPts() : prev.audioEndPts();
        if (!a.playlist.segments().get(i).discontinuity()
            && Math.abs(start - prevEnd) > tolerance) {
          run.add(
              Rule.A6,
              a.uri,
              String.format(
                  Locale.ROOT,
                  "segment %d starts at %.3f s but segment %d ended at %.3f s (%s of %.3f s)",
                  i,
                  start,
                  i - 1,
                  prevEnd,
                  start > prevEnd ? "gap" : "overlap",
                  Math.abs(start - prevEnd)));
        }
      }
      ts.keyframes().forEach(k -> idrs.add(k.pts()));
    }
    if (a.video) {
      // From the first frame through every IDR to the last frame: no stretch without an IDR over 2
      // s.
      List<Double> points = new ArrayList<>();
      points.add(a.inspections.get(0).videoStartPts());
      points.addAll(idrs);
      points.add(a.inspections.get(a.inspections.size() - 1).videoEndPts());
      points.sort(Double::compare);
      for (int i = 1; i < points.size(); i++) {
        if (points.get(i) - points.get(i - 1) > 2.0 + tolerance) {
          run.add(
              Rule.A5,
              a.uri,
              String.format(
                  Locale.ROOT,
                  "no IDR frame for %.3f s after %.3f s",
                  points.get(i) - points.get(i - 1),
                  points.get(i - 1)));
          break;
        }
      }
    }
  }

  /** A9, A10, A11 across all audio and video playlists of the presentation. */
  private void crossCheck(Run run, List<Analysis> all) {
    Set<Integer> targets = new TreeSet<>();
    all.forEach(a -> targets.add(a.target()));
    if (targets.size() > 1) {
      run.add(Rule.A9, run.rootUri, "media playlists use different target durations " + targets);
    }
    // One video frame, plus two AAC frames for the encoder's priming and its final partial frame.
    double tolerance =
        all.stream().mapToDouble(Analysis::frame).max().orElse(AAC_FRAME_48K) + 2 * AAC_FRAME_48K;
    for (Analysis a : all) {
      Analysis first = all.get(0);
      if (Math.abs(a.totalDuration() - first.totalDuration()) > tolerance) {
        run.add(
            Rule.A10,
            a.uri,
            String.format(
                Locale.ROOT,
                "lasts %.3f s but %s lasts %.3f s",
                a.totalDuration(),
                first.uri,
                first.totalDuration()));
      }
      if (!a.inspections.isEmpty() && !first.inspections.isEmpty()) {
        double s1 = a.inspections.get(0).startPts();
        double s0 = first.inspections.get(0).startPts();
        if (Math.abs(s1 - s0) > tolerance) {
          run.add(
              Rule.A10,
              a.uri,
              String.format(
                  Locale.ROOT, "starts at %.3f s but %s starts at %.3f s", s1, first.uri, s0));
        }
      }
    }
    boolean audio = all.stream().anyMatch(a -> a.audio);
    boolean aac =
        all.stream()
            .anyMatch(
                a ->
                    a.audio
                        && a.codecs != null
                        && (a.codecs.contains("mp4a.40.2")
                            || a.codecs.contains("mp4a.40.5")
                            || a.codecs.contains("mp4a.40.29")));
    if (audio && !aac) {
      run.add(
          Rule.D7,
          run.rootUri,
          "no AAC audio rendition: players that follow Apple's rules may not play "
              + all.stream().filter(a -> a.audio).map(a -> a.codecs).distinct().toList());
    }
    List<Analysis> video = all.stream().filter(a -> a.video).toList();
    for (Analysis v : video) {
      Analysis ref = video.get(0);
      double[] b0 = boundaries(ref);
      double[] b1 = boundaries(v);
      double halfFrame = ref.frame() / 2;
      boolean same = b0.length == b1.length;
      for (int i = 0; same && i < b0.length; i++) {
        same = Math.abs(b0[i] - b1[i]) <= halfFrame;
      }
      if (!same) {
        run.add(
            Rule.A11,
            v.uri,
            "segment boundaries differ from "
                + ref.uri
                + ": "
                + Arrays.toString(b1)
                + " vs "
                + Arrays.toString(b0));
      }
    }
  }

  private static double[] boundaries(Analysis a) {
    double[] out = new double[a.playlist.segments().size()];
    double t = 0;
    for (int i = 0; i < out.length; i++) {
      t += a.playlist.segments().get(i).duration();
      out[i] = Math.round(t * 1000) / 1000.0;
    }
    return out;
  }

  // ---------------------------------------------------------------- source

  private void checkAgainstSource(Run run, ProbeResult source, List<Analysis> all) {
    double frame = source.frameRate() > 0 ? 1 / source.frameRate() : AAC_FRAME_48K;
    for (Analysis a : all) {
      // "Two frames" of the playlist's own kind: video frames of the source, or AAC frames.
      double tolerance = 2 * (a.video ? frame : a.frame()) + 0.001;
      if (Math.abs(a.totalDuration() - source.durationSeconds()) > tolerance) {
        run.add(
            Rule.S1,
            a.uri,
            String.format(
                Locale.ROOT,
                "lasts %.3f s but the source lasts %.3f s",
                a.totalDuration(),
                source.durationSeconds()));
      }
      if (a.firstFrame != null
          && (a.firstFrame.height() > source.displayHeight()
              || a.firstFrame.width() > source.displayWidth())) {
        run.add(
            Rule.S3,
            a.uri,
            "rendition "
                + a.firstFrame.width()
                + "x"
                + a.firstFrame.height()
                + " is larger than the source "
                + source.displayWidth()
                + "x"
                + source.displayHeight());
      }
    }
    boolean packageHasAudio = all.stream().anyMatch(a -> a.audio);
    if (packageHasAudio != source.hasAudio()) {
      run.add(
          Rule.S2,
          run.rootUri,
          source.hasAudio()
              ? "the source has audio but the package has none"
              : "the package has audio but the source has none");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static FirstFrameProbe.Facts ffprobe(byte[] segment, String suffix) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("hlsforge-validate-", suffix);
      Files.write(tmp, segment);
      return FirstFrameProbe.of(tmp);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      if (tmp != null) {
        tmp.toFile().delete();
      }
    }
  }

  private static void addCodecs(Set<String> into, String codecs) {
    if (codecs == null) {
      return;
    }
    for (String c : codecs.split(",")) {
      if (!c.isBlank()) {
        into.add(c.strip().toLowerCase(Locale.ROOT));
      }
    }
  }

  static String resolve(String base, String relative) {
    if (relative.contains("://")) {
      return relative;
    }
    URI b = URI.create(base.replace(" ", "%20"));
    String resolved = b.resolve(relative.replace(" ", "%20")).toString().replace("%20", " ");
    // URI.resolve drops an empty authority ("file:///x" → "file:/x"); keep the base's form.
    if (base.startsWith("file:///")
        && resolved.startsWith("file:/")
        && !resolved.startsWith("file:///")) {
      resolved = "file://" + resolved.substring(5);
    }
    return resolved;
  }

  private static double parseDouble(String s) {
    try {
      return Double.parseDouble(s);
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
