package io.hlsforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.config.InputSpec;
import io.hlsforge.config.OnCorruption;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FfprobeJsonParserTest {

  @Test
  void readsVideoAndAudioFacts() throws Exception {
    String json =
        """
        {"streams":[
          {"codec_type":"video","codec_name":"h264","profile":"High","level":40,"width":1440,"height":1080,
           "sample_aspect_ratio":"4:3","avg_frame_rate":"30000/1001","r_frame_rate":"30000/1001",
           "side_data_list":[{"side_data_type":"Display Matrix","rotation":-90}]},
          {"codec_type":"audio","codec_name":"aac","channels":6,"sample_rate":"48000"}],
         "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"12.345","bit_rate":"5000000"}}""";
    ProbeResult p = FfprobeJsonParser.parse(json);
    assertThat(p.container()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
    assertThat(p.durationSeconds()).isEqualTo(12.345);
    assertThat(p.videoCodec()).isEqualTo("h264");
    assertThat(p.videoProfile()).isEqualTo("High");
    assertThat(p.videoLevel()).isEqualTo(40);
    assertThat(p.frameRate()).isCloseTo(29.97, Offset.offset(0.001));
    assertThat(p.rotation()).isEqualTo(90);
    assertThat(p.sarNum()).isEqualTo(4);
    assertThat(p.sarDen()).isEqualTo(3);
    assertThat(p.displayWidth()).as("rotated: display width is the coded height").isEqualTo(1080);
    assertThat(p.displayHeight())
        .as("rotated: display height is the SAR-corrected width")
        .isEqualTo(1920);
    assertThat(p.audioChannels()).isEqualTo(6);
    assertThat(p.audioSampleRate()).isEqualTo(48000);
  }

  @Test
  void coverArtIsNotVideo() throws Exception {
    String json =
        """
        {"streams":[
          {"codec_type":"audio","codec_name":"mp3","channels":2,"sample_rate":"44100"},
          {"codec_type":"video","codec_name":"mjpeg","width":600,"height":600,"disposition":{"attached_pic":1}}],
         "format":{"format_name":"mp3","duration":"20.0"}}""";
    ProbeResult p = FfprobeJsonParser.parse(json);
    assertThat(p.hasVideo()).isFalse();
    assertThat(p.hasAudio()).isTrue();
  }

  @Test
  void unknownSarMeansSquarePixels() throws Exception {
    String json =
        """
        {"streams":[{"codec_type":"video","codec_name":"h264","width":640,"height":360,"sample_aspect_ratio":"0:1",
          "avg_frame_rate":"0/0","r_frame_rate":"25/1"}],"format":{"duration":"1.0"}}""";
    ProbeResult p = FfprobeJsonParser.parse(json);
    assertThat(p.displayWidth()).isEqualTo(640);
    assertThat(p.frameRate()).isEqualTo(25.0);
  }

  @Test
  void aFileWithoutAudioOrVideoIsUnsupported() {
    assertThatThrownBy(
            () ->
                FfprobeJsonParser.parse(
                    "{\"streams\":[{\"codec_type\":\"data\"}],\"format\":{\"duration\":\"3\"}}"))
        .isInstanceOfSatisfying(
            MediaException.class,
            e -> assertThat(e.kind()).isEqualTo(MediaException.Kind.INPUT_UNSUPPORTED));
    assertThatThrownBy(() -> FfprobeJsonParser.parse("not json"))
        .isInstanceOfSatisfying(
            MediaException.class,
            e -> assertThat(e.kind()).isEqualTo(MediaException.Kind.INPUT_CORRUPT));
  }

  @Test
  void aDeclaredFrameSizeBeyondTheLimitsIsRefusedBeforeAnythingElse() {
    String json =
        """
        {"streams": [{"codec_type": "video", "codec_name": "rawvideo", "width": 16000, "height": 9000}], "format": {}}
        """;
    InputSpec limits = new InputSpec(8192, 8192, OnCorruption.FAIL);
    Assertions.assertThatThrownBy(() -> FfprobeJsonParser.parse(json, limits))
        .isInstanceOfSatisfying(
            MediaException.class,
            e -> {
              Assertions.assertThat(e.kind()).isEqualTo(MediaException.Kind.INPUT_LIMIT_EXCEEDED);
              Assertions.assertThat(e.getMessage()).contains("16000x9000", "8192x8192");
            });
    Assertions.assertThatThrownBy(
            () ->
                FfprobeJsonParser.parse(
                    json.replace("16000", "8000").replace("9000", "4000"), limits))
        .as("within the limits, the missing duration is what is wrong")
        .isInstanceOfSatisfying(
            MediaException.class,
            e -> Assertions.assertThat(e.kind()).isEqualTo(MediaException.Kind.INPUT_UNSUPPORTED));
  }

  @Test
  void listsEveryAudioAndSubtitleStreamWithDispositionsAndMatroskaUpperCaseTags() throws Exception {
    // The shape of ffprobe -show_streams for a Matroska file (tags as mkvmerge writes them).
    String json =
        "{\"format\":{\"format_name\":\"matroska,webm\",\"duration\":\"3.0\"},\"streams\":["
            + "{\"codec_type\":\"video\",\"codec_name\":\"h264\",\"width\":320,\"height\":180,"
            + "\"avg_frame_rate\":\"25/1\",\"r_frame_rate\":\"25/1\"},"
            + "{\"codec_type\":\"audio\",\"codec_name\":\"aac\",\"channels\":6,"
            + "\"sample_rate\":\"48000\",\"disposition\":{\"default\":1},\"tags\":{\"language\":\"eng\"}},"
            + "{\"codec_type\":\"audio\",\"codec_name\":\"ac3\",\"channels\":2,"
            + "\"sample_rate\":\"48000\",\"disposition\":{\"default\":0,\"comment\":1},"
            + "\"tags\":{\"LANGUAGE\":\"eng\",\"TITLE\":\" Director \"}},"
            + "{\"codec_type\":\"subtitle\",\"codec_name\":\"subrip\",\"disposition\":{\"forced\":1},"
            + "\"tags\":{\"language\":\"spa\"}},"
            + "{\"codec_type\":\"subtitle\",\"codec_name\":\"hdmv_pgs_subtitle\","
            + "\"disposition\":{\"hearing_impaired\":1}}]}";
    ProbeResult p = FfprobeJsonParser.parse(json);

    assertThat(p.audioTracks())
        .containsExactly(
            new AudioTrack(0, "aac", 6, 48000, "eng", null, true, false, false),
            new AudioTrack(1, "ac3", 2, 48000, "eng", "Director", false, true, false));
    assertThat(p.audioCodec()).isEqualTo("aac");
    assertThat(p.subtitleTracks())
        .containsExactly(
            new SubtitleTrack(0, "subrip", "spa", null, false, true, false),
            new SubtitleTrack(1, "hdmv_pgs_subtitle", null, null, false, false, true));
    assertThat(p.subtitleTracks()).extracting(SubtitleTrack::isText).containsExactly(true, false);
  }
}
