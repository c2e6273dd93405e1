package io.hlsforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.LadderPlanner;
import io.hlsforge.plan.PlannedRendition;
import io.hlsforge.testkit.Probes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The exact ffmpeg argument lists for representative plans, worked out by hand from what each
 * option is for (ffmpeg's documentation: the main options, the hls muxer's options, libx264/libx265
 * private options) rather than taken from the builder. The expected command lines are written as a
 * shell would read them: whitespace separates arguments, single quotes keep an argument with spaces
 * or brackets together, a line ending in a backslash continues the same argument.
 *
 * <p>Inputs are built as the packager builds them: settings through the config loader with {@code
 * --set}-style overrides, renditions from {@link LadderPlanner}, chunks from {@link ChunkPlanner}.
 */
class LadderCommandBuilderTest {
  private static final Path SOURCE = Path.of("/scratch/in.mp4");
  private static final Path OUT = Path.of("/scratch/out");

  private static HlsforgeSettings settings(Map<String, String> overrides) {
    return HlsforgeSettings.from(ConfigLoader.load(overrides, Optional.empty(), Optional.empty()));
  }

  private static final HlsforgeSettings DEFAULTS = settings(Map.of());

  private static ProbeResult video(
      double seconds, int width, int height, double fps, String audioCodec, int channels) {
    return Probes.of(
        "mov,mp4",
        seconds,
        8_000_000,
        "h264",
        "High",
        40,
        width,
        height,
        1,
        1,
        fps,
        fps,
        false,
        0,
        audioCodec,
        channels,
        48000,
        "eng");
  }

  private static final ProbeResult HD_25 = video(60, 1920, 1080, 25, "aac", 2);
  private static final ProbeResult MP3_ONLY =
      Probes.of(
          "mp3", 60, 192_000, null, null, 0, 0, 0, 0, 0, 0, 0, false, 0, "mp3", 2, 44100, null);

  /** Splits a command line the way a POSIX shell would (single quotes only). */
  static List<String> argv(String commandLine) {
    List<String> args = new ArrayList<>();
    StringBuilder arg = null;
    boolean quoted = false;
    for (char c : commandLine.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        arg = arg == null ? new StringBuilder() : arg;
      } else if (!quoted && Character.isWhitespace(c)) {
        if (arg != null) {
          args.add(arg.toString());
          arg = null;
        }
      } else {
        arg = arg == null ? new StringBuilder() : arg;
        arg.append(c);
      }
    }
    if (arg != null) {
      args.add(arg.toString());
    }
    return args;
  }

  private static List<PlannedRendition> videoOnly(List<PlannedRendition> plan) {
    return plan.stream().filter(r -> r.isVideo()).toList();
  }

  private static List<PlannedRendition> audioOnly(List<PlannedRendition> plan) {
    return plan.stream().filter(PlannedRendition::isAudio).toList();
  }

  /**
   * The default H.264 ladder from a 1080p 25 fps source: one decode, fps normalisation, a 4-way
   * split scaled to each rung; GOP 50 = 2 s x 25 fps; maxrate 1.1 x and bufsize 2 x the average
   * rate; the audio a separate stereo AAC rendition; all stamped 2 frames (0.08 s) late, the x264
   * B-frame delay, so video and audio start together. Levels from H.264 Table A-1 at 25 fps: 1080p
   * is 8160 macroblocks (4.0), 720p 3600 (3.1's MaxFS), 540p 2040 (over 3.0's 1620: 3.1), 360p 920
   * (3.0). The audio is padded or cut to the 60 s picture (AudioTimeline).
   */
  private static final String HD_LADDER_TS =
      """
      ffmpeg -nostdin -hide_banner -loglevel error -y -xerror
      -threads 2 -filter_complex_threads 2
      -protocol_whitelist file,pipe -i /scratch/in.mp4
      -filter_complex '[0:v]fps=25/1,split=4[v0][v1][v2][v3];\
      [v0]scale=1920:1080:flags=bicubic,setsar=1[v0out];\
      [v1]scale=1280:720:flags=bicubic,setsar=1[v1out];\
      [v2]scale=960:540:flags=bicubic,setsar=1[v2out];\
      [v3]scale=640:360:flags=bicubic,setsar=1[v3out]'
      -map [v0out] -map [v1out] -map [v2out] -map [v3out] -map 0:a:0
      -filter:a:0 aresample=async=1:first_pts=0,apad=whole_dur=60.000000,atrim=end=60.000000
      -sn -dn
      -preset veryfast -pix_fmt yuv420p -threads 2
      -c:v:0 libx264 -profile:v:0 high -level:v:0 4.0
      -c:v:1 libx264 -profile:v:1 high -level:v:1 3.1
      -c:v:2 libx264 -profile:v:2 high -level:v:2 3.1
      -c:v:3 libx264 -profile:v:3 high -level:v:3 3.0
      -g 50 -keyint_min 50 -sc_threshold 0 -force_key_frames expr:gte(t,n_forced*2)
      -b:v:0 6000k -maxrate:v:0 6600k -bufsize:v:0 12000k
      -b:v:1 3000k -maxrate:v:1 3300k -bufsize:v:1 6000k
      -b:v:2 2000k -maxrate:v:2 2200k -bufsize:v:2 4000k
      -b:v:3 730k -maxrate:v:3 803k -bufsize:v:3 1460k
      -c:a aac -ar 48000 -b:a:0 128k -ac:a:0 2
      -output_ts_offset 0.080000
      -f hls -hls_time 6 -hls_playlist_type vod -hls_list_size 0 -hls_segment_type mpegts
      -hls_flags independent_segments -hls_segment_filename /scratch/out/%v/segment_%05d.ts
      -var_stream_map 'v:0,name:1080p v:1,name:720p v:2,name:540p v:3,name:360p a:0,name:audio-stereo'
      /scratch/out/%v/ffmpeg.m3u8
      """;

  @Test
  void a1080pSourceGetsFourH264RungsAndStereoAacInTsSegments() {
    List<PlannedRendition> plan = LadderPlanner.plan(HD_25, DEFAULTS);

    assertThat(LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, plan, HD_25, DEFAULTS, null, 2))
        .isEqualTo(argv(HD_LADDER_TS));
  }

  @Test
  void theSingleFileLayoutEncodesExactlyAsTheSegmentsLayout() {
    // ffmpeg always writes one file per segment; the packager appends them into one object.
    HlsforgeSettings singleFile = settings(Map.of("hlsforge.layout", "single-file"));
    List<PlannedRendition> plan = LadderPlanner.plan(HD_25, singleFile);

    assertThat(LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, plan, HD_25, singleFile, null, 2))
        .isEqualTo(argv(HD_LADDER_TS));
  }

  @Test
  void anInterlacedSourceIsDeinterlacedOnceBeforeTheSplit() {
    ProbeResult interlaced =
        Probes.of(
            "mpegts", 60, 8_000_000, "h264", "High", 40, 1920, 1080, 1, 1, 25, 25, true, 0, "aac",
            2, 48000, "eng");
    List<PlannedRendition> plan = LadderPlanner.plan(interlaced, DEFAULTS);

    assertThat(
            LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, plan, interlaced, DEFAULTS, null, 2))
        .isEqualTo(
            argv(
                HD_LADDER_TS
                    .replace("[0:v]fps=25/1,", "[0:v]yadif=mode=send_frame,fps=25/1,")
                    // An MPEG-TS source is read as a recording: through its glitches (Recording).
                    .replace("-xerror", "-dts_delta_threshold 1")));
  }

  @Test
  void withoutBFramesThereIsNoEncoderDelayToStamp() {
    // ultrafast turns B-frames off, so the first DTS is the first PTS and nothing needs shifting.
    HlsforgeSettings ultrafast = settings(Map.of("hlsforge.video.preset", "ultrafast"));
    List<PlannedRendition> plan = LadderPlanner.plan(HD_25, ultrafast);

    assertThat(LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, plan, HD_25, ultrafast, null, 2))
        .isEqualTo(
            argv(
                HD_LADDER_TS
                    .replace("-preset veryfast", "-preset ultrafast")
                    .replace("-output_ts_offset 0.080000\n", "")));
  }

  @Test
  void aSurroundSourceAddsThe51AacRendition() {
    // 29.97 is NTSC 30000/1001: GOP ceil(2 x 29.97) = 60, delay 2 x 1001/30000 s = 0.066733 s;
    // 720p at 29.97 is 107892 macroblocks/s, within 3.1's 108000.
    ProbeResult surround = video(60, 1280, 720, 29.97, "aac", 6);
    List<PlannedRendition> plan = LadderPlanner.plan(surround, DEFAULTS);

    assertThat(LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, plan, surround, DEFAULTS))
        .isEqualTo(
            argv(
                """
                ffmpeg -nostdin -hide_banner -loglevel error -y -xerror
                -protocol_whitelist file,pipe -i /scratch/in.mp4
                -filter_complex '[0:v]fps=30000/1001,split=3[v0][v1][v2];\
                [v0]scale=1280:720:flags=bicubic,setsar=1[v0out];\
                [v1]scale=960:540:flags=bicubic,setsar=1[v1out];\
                [v2]scale=640:360:flags=bicubic,setsar=1[v2out]'
                -map [v0out] -map [v1out] -map [v2out]
                -map 0:a:0 -filter:a:0 aresample=async=1:first_pts=0,apad=whole_dur=60.000000,atrim=end=60.000000
                -map 0:a:0 -filter:a:1 aresample=async=1:first_pts=0,apad=whole_dur=60.000000,atrim=end=60.000000
                -sn -dn
                -preset veryfast -pix_fmt yuv420p
                -c:v:0 libx264 -profile:v:0 high -level:v:0 3.1
                -c:v:1 libx264 -profile:v:1 high -level:v:1 3.1
                -c:v:2 libx264 -profile:v:2 high -level:v:2 3.0
                -g 60 -keyint_min 60 -sc_threshold 0 -force_key_frames expr:gte(t,n_forced*2)
                -b:v:0 3000k -maxrate:v:0 3300k -bufsize:v:0 6000k
                -b:v:1 2000k -maxrate:v:1 2200k -bufsize:v:1 4000k
                -b:v:2 730k -maxrate:v:2 803k -bufsize:v:2 1460k
                -c:a aac -ar 48000 -b:a:0 128k -ac:a:0 2 -b:a:1 384k -ac:a:1 6
                -output_ts_offset 0.066733
                -f hls -hls_time 6 -hls_playlist_type vod -hls_list_size 0 -hls_segment_type mpegts
                -hls_flags independent_segments -hls_segment_filename /scratch/out/%v/segment_%05d.ts
                -var_stream_map 'v:0,name:720p v:1,name:540p v:2,name:360p a:0,name:audio-stereo a:1,name:audio-51'
                /scratch/out/%v/ffmpeg.m3u8
                """));
  }

  /** An audio-only source: no filter graph, no video options, no timestamp offset. */
  private static final String MP3_TO_AAC =
      """
      -protocol_whitelist file,pipe -i /scratch/in.mp3
      -map 0:a:0 -sn -dn
      -c:a aac -ar 48000 -b:a:0 128k -ac:a:0 2
      -f hls -hls_time 6 -hls_playlist_type vod -hls_list_size 0 -hls_segment_type mpegts
      -hls_flags independent_segments -hls_segment_filename /scratch/out/%v/segment_%05d.ts
      -var_stream_map a:0,name:audio-stereo /scratch/out/%v/ffmpeg.m3u8
      """;

  @Test
  void anAudioOnlyMp3SourceBecomesOneStereoAacRendition() {
    List<PlannedRendition> plan = LadderPlanner.plan(MP3_ONLY, DEFAULTS);

    assertThat(
            LadderCommandBuilder.build(
                "ffmpeg", Path.of("/scratch/in.mp3"), OUT, plan, MP3_ONLY, DEFAULTS))
        .isEqualTo(argv("ffmpeg -nostdin -hide_banner -loglevel error -y -xerror\n" + MP3_TO_AAC));
  }

  @Test
  void concealmentDropsXerrorAndNothingElse() {
    HlsforgeSettings conceal = settings(Map.of("hlsforge.input.on-corruption", "conceal"));
    List<PlannedRendition> plan = LadderPlanner.plan(MP3_ONLY, conceal);

    assertThat(
            LadderCommandBuilder.build(
                "ffmpeg", Path.of("/scratch/in.mp3"), OUT, plan, MP3_ONLY, conceal))
        .isEqualTo(argv("ffmpeg -nostdin -hide_banner -loglevel error -y\n" + MP3_TO_AAC));
  }

  @Test
  void fmp4WithAnHevcRungTagsItHvc1AndWritesAnInitSegment() {
    HlsforgeSettings fmp4 =
        settings(
            Map.of(
                "hlsforge.segment-format", "fmp4",
                "hlsforge.hevc-ladder", "[{name = hevc-720p, height = 720, video-kbps = 1800}]"));
    ProbeResult hd720 = video(60, 1280, 720, 25, "aac", 2);
    List<PlannedRendition> plan = LadderPlanner.plan(hd720, fmp4);

    // No timestamp offset: fMP4 edit lists carry the B-frame delay.
    assertThat(LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, plan, hd720, fmp4))
        .isEqualTo(
            argv(
                """
                ffmpeg -nostdin -hide_banner -loglevel error -y -xerror
                -protocol_whitelist file,pipe -i /scratch/in.mp4
                -filter_complex '[0:v]fps=25/1,split=4[v0][v1][v2][v3];\
                [v0]scale=1280:720:flags=bicubic,setsar=1[v0out];\
                [v1]scale=960:540:flags=bicubic,setsar=1[v1out];\
                [v2]scale=640:360:flags=bicubic,setsar=1[v2out];\
                [v3]scale=1280:720:flags=bicubic,setsar=1[v3out]'
                -map [v0out] -map [v1out] -map [v2out] -map [v3out] -map 0:a:0
                -filter:a:0 aresample=async=1:first_pts=0,apad=whole_dur=60.000000,atrim=end=60.000000
                -sn -dn
                -preset veryfast -pix_fmt yuv420p
                -c:v:0 libx264 -profile:v:0 high -level:v:0 3.1
                -c:v:1 libx264 -profile:v:1 high -level:v:1 3.1
                -c:v:2 libx264 -profile:v:2 high -level:v:2 3.0
                -c:v:3 libx265 -tag:v:3 hvc1 -profile:v:3 main
                -x265-params scenecut=0:open-gop=0:log-level=error
                -g 50 -keyint_min 50 -sc_threshold 0 -force_key_frames expr:gte(t,n_forced*2)
                -b:v:0 3000k -maxrate:v:0 3300k -bufsize:v:0 6000k
                -b:v:1 2000k -maxrate:v:1 2200k -bufsize:v:1 4000k
                -b:v:2 730k -maxrate:v:2 803k -bufsize:v:2 1460k
                -b:v:3 1800k -maxrate:v:3 1980k -bufsize:v:3 3600k
                -c:a aac -ar 48000 -b:a:0 128k -ac:a:0 2
                -f hls -hls_time 6 -hls_playlist_type vod -hls_list_size 0 -hls_segment_type fmp4
                -hls_fmp4_init_filename init.mp4
                -hls_flags independent_segments -hls_segment_filename /scratch/out/%v/segment_%05d.m4s
                -var_stream_map 'v:0,name:720p v:1,name:540p v:2,name:360p v:3,name:hevc-720p a:0,name:audio-stereo'
                /scratch/out/%v/ffmpeg.m3u8
                """));
  }

  /** Copy mode remuxes: no filter graph, no encoder, and so no encoder delay to stamp. */
  private static final String COPY_HLS =
      """
      -f hls -hls_time 6 -hls_playlist_type vod -hls_list_size 0 -hls_segment_type mpegts
      -hls_flags independent_segments -hls_segment_filename /scratch/out/%v/segment_%05d.ts
      """;

  private static final HlsforgeSettings COPY = settings(Map.of("hlsforge.copy.mode", "auto"));

  @Test
  void copyModeRemuxesH264AndAac() {
    ProbeResult source = video(60, 1280, 720, 29.97, "aac", 2);
    List<PlannedRendition> plan = LadderPlanner.plan(source, COPY);

    assertThat(LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, plan, source, COPY, null, 1))
        .isEqualTo(
            argv(
                """
                ffmpeg -nostdin -hide_banner -loglevel error -y -xerror
                -threads 1 -filter_complex_threads 1
                -protocol_whitelist file,pipe -i /scratch/in.mp4
                -map 0:v:0 -map 0:a:0 -sn -dn
                -c:v copy -c:a copy
                """
                    + COPY_HLS
                    + """
                    -var_stream_map 'v:0,name:source a:0,name:audio-stereo'
                    /scratch/out/%v/ffmpeg.m3u8
                    """));
  }

  @Test
  void copyModeCopiesSurroundAacAsOneSourceRendition() {
    ProbeResult source = video(60, 1280, 720, 29.97, "aac", 6);
    List<PlannedRendition> plan = LadderPlanner.plan(source, COPY);

    assertThat(LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, plan, source, COPY))
        .isEqualTo(
            argv(
                """
                ffmpeg -nostdin -hide_banner -loglevel error -y -xerror
                -protocol_whitelist file,pipe -i /scratch/in.mp4
                -map 0:v:0 -map 0:a:0 -sn -dn
                -c:v copy -c:a copy
                """
                    + COPY_HLS
                    + """
                    -var_stream_map 'v:0,name:source a:0,name:audio-source'
                    /scratch/out/%v/ffmpeg.m3u8
                    """));
  }

  @Test
  void copyModeTranscodesMp3AudioToAacUnlessAllowed() {
    ProbeResult source = video(60, 1280, 720, 29.97, "mp3", 2);
    List<PlannedRendition> plan = LadderPlanner.plan(source, COPY);

    assertThat(LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, plan, source, COPY))
        .isEqualTo(
            argv(
                """
                ffmpeg -nostdin -hide_banner -loglevel error -y -xerror
                -protocol_whitelist file,pipe -i /scratch/in.mp4
                -map 0:v:0 -map 0:a:0 -sn -dn
                -c:v copy -c:a aac -ar 48000 -b:a:0 128k -ac:a:0 2
                """
                    + COPY_HLS
                    + """
                    -var_stream_map 'v:0,name:source a:0,name:audio-stereo'
                    /scratch/out/%v/ffmpeg.m3u8
                    """));
  }

  /** A 30-minute 1080p title: six chunks of 50 x 6 s = 300 s. */
  private static final ProbeResult LONG_HD = video(1800, 1920, 1080, 25, "aac", 2);

  private static final List<ChunkPlanner.Chunk> CHUNKS = ChunkPlanner.plan(1800, 6, 50, 600);

  private static final String HD_VIDEO_ENCODE =
      """
      -map [v0out] -map [v1out] -map [v2out] -map [v3out]
      -sn -dn
      -preset veryfast -pix_fmt yuv420p -threads 2
      -c:v:0 libx264 -profile:v:0 high -level:v:0 4.0
      -c:v:1 libx264 -profile:v:1 high -level:v:1 3.1
      -c:v:2 libx264 -profile:v:2 high -level:v:2 3.1
      -c:v:3 libx264 -profile:v:3 high -level:v:3 3.0
      -g 50 -keyint_min 50 -sc_threshold 0 -force_key_frames expr:gte(t,n_forced*2)
      -b:v:0 6000k -maxrate:v:0 6600k -bufsize:v:0 12000k
      -b:v:1 3000k -maxrate:v:1 3300k -bufsize:v:1 6000k
      -b:v:2 2000k -maxrate:v:2 2200k -bufsize:v:2 4000k
      -b:v:3 730k -maxrate:v:3 803k -bufsize:v:3 1460k
      """;

  private static final String HD_VIDEO_HLS =
      """
      -f hls -hls_time 6 -hls_playlist_type vod -hls_list_size 0 -hls_segment_type mpegts
      -hls_flags independent_segments -hls_segment_filename /scratch/out/%v/segment_%05d.ts
      -var_stream_map 'v:0,name:1080p v:1,name:720p v:2,name:540p v:3,name:360p'
      /scratch/out/%v/ffmpeg.m3u8
      """;

  private static final String SCALES =
      """
      ;[v0]scale=1920:1080:flags=bicubic,setsar=1[v0out];\
      [v1]scale=1280:720:flags=bicubic,setsar=1[v1out];\
      [v2]scale=960:540:flags=bicubic,setsar=1[v2out];\
      [v3]scale=640:360:flags=bicubic,setsar=1[v3out]'
      """;

  @Test
  void aMiddleChunkSeeksReadsOneSecondMoreTrimsToItsFramesAndKeepsTheTitleTimeline() {
    ChunkPlanner.Chunk third = CHUNKS.get(2);
    assertThat(third).isEqualTo(new ChunkPlanner.Chunk(2, 100, 600, 300));
    List<PlannedRendition> video = videoOnly(LadderPlanner.plan(LONG_HD, DEFAULTS));

    // 300 s x 25 fps = 7500 frames; stamped at 600 s + the 0.08 s B-frame delay; numbered from 100.
    assertThat(
            LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, video, LONG_HD, DEFAULTS, third, 2))
        .isEqualTo(
            argv(
                """
                ffmpeg -nostdin -hide_banner -loglevel error -y -xerror
                -threads 2 -filter_complex_threads 2
                -ss 600 -t 301
                -protocol_whitelist file,pipe -i /scratch/in.mp4
                -filter_complex '[0:v]fps=25/1,trim=end_frame=7500,split=4[v0][v1][v2][v3]\
                """
                    + SCALES
                    + HD_VIDEO_ENCODE
                    + """
                    -output_ts_offset 600.080000
                    -start_number 100
                    """
                    + HD_VIDEO_HLS));
  }

  @Test
  void theLastChunkReadsToTheEndOfTheSource() {
    ChunkPlanner.Chunk last = CHUNKS.get(5);
    assertThat(last).isEqualTo(new ChunkPlanner.Chunk(5, 250, 1500, Double.POSITIVE_INFINITY));
    List<PlannedRendition> video = videoOnly(LadderPlanner.plan(LONG_HD, DEFAULTS));

    assertThat(LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, video, LONG_HD, DEFAULTS, last, 2))
        .isEqualTo(
            argv(
                """
                ffmpeg -nostdin -hide_banner -loglevel error -y -xerror
                -threads 2 -filter_complex_threads 2
                -ss 1500
                -protocol_whitelist file,pipe -i /scratch/in.mp4
                -filter_complex '[0:v]fps=25/1,split=4[v0][v1][v2][v3]\
                """
                    + SCALES
                    + HD_VIDEO_ENCODE
                    + """
                    -output_ts_offset 1500.080000
                    -start_number 250
                    """
                    + HD_VIDEO_HLS));
  }

  @Test
  void theAudioUnitOfAChunkedTitleIsStampedWithTheVideosDelay() {
    List<PlannedRendition> audio = audioOnly(LadderPlanner.plan(LONG_HD, DEFAULTS));

    // Whole title, no seek; the video chunks are 0.08 s late, so the audio is too.
    assertThat(LadderCommandBuilder.build("ffmpeg", SOURCE, OUT, audio, LONG_HD, DEFAULTS, null, 2))
        .isEqualTo(
            argv(
                """
                ffmpeg -nostdin -hide_banner -loglevel error -y -xerror
                -threads 2 -filter_complex_threads 2
                -protocol_whitelist file,pipe -i /scratch/in.mp4
                -map 0:a:0
                -filter:a:0 aresample=async=1:first_pts=0,apad=whole_dur=1800.000000,atrim=end=1800.000000
                -sn -dn
                -c:a aac -ar 48000 -b:a:0 128k -ac:a:0 2
                -output_ts_offset 0.080000
                -f hls -hls_time 6 -hls_playlist_type vod -hls_list_size 0 -hls_segment_type mpegts
                -hls_flags independent_segments -hls_segment_filename /scratch/out/%v/segment_%05d.ts
                -var_stream_map a:0,name:audio-stereo /scratch/out/%v/ffmpeg.m3u8
                """));
  }

  @Test
  void argvSplitsLikeAShell() {
    assertThat(argv("a 'b c'  d'e'\n'' f")).containsExactly("a", "b c", "de", "", "f");
  }
}
