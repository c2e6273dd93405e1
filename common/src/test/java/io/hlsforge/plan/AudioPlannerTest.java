package io.hlsforge.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.config.AudioSpec;
import io.hlsforge.media.AudioTrack;
import io.hlsforge.model.MediaAttributes;
import io.hlsforge.model.Selection;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class AudioPlannerTest {
  private static final AudioSpec SPEC =
      new AudioSpec("aac", 128, 2, 48000, 384, "all", List.of(), null);

  private static AudioTrack track(int index, int channels, String language) {
    return new AudioTrack(index, "aac", channels, 48000, language, null, index == 0, false, false);
  }

  /** English 5.1 main track, Spanish stereo, English director's commentary, English description. */
  private static final List<AudioTrack> FEATURE =
      List.of(
          track(0, 6, "eng"),
          track(1, 2, "spa"),
          new AudioTrack(2, "aac", 2, 48000, "eng", null, false, true, false),
          new AudioTrack(3, "aac", 2, 48000, "eng", "Described", false, false, true));

  private static String line(PlannedRendition r) {
    MediaAttributes m = r.media();
    return r.name()
        + " "
        + r.sourceTracks()
        + " "
        + r.audioChannels()
        + "ch "
        + m.language()
        + " '"
        + m.name()
        + "' "
        + m.selection()
        + (m.characteristics() == null ? "" : " " + m.characteristics());
  }

  @Test
  void everyTrackGetsStereoAndSurroundTracksAlsoA51RenditionInTheirOwnGroup() {
    List<PlannedRendition> plan = AudioPlanner.plan(FEATURE, SPEC, null);

    assertThat(plan)
        .extracting(AudioPlannerTest::line)
        .containsExactly(
            "audio-stereo [0] 2ch en 'English' DEFAULT",
            "audio-stereo-2 [1] 2ch es 'Spanish' AUTO",
            // A commentary in the main language is only picked on request (AUTOSELECT=NO).
            "audio-stereo-3 [2] 2ch en 'English commentary' MANUAL",
            // The described track differs by CHARACTERISTICS, so it may stay AUTOSELECT=YES.
            "audio-stereo-4 [3] 2ch en 'Described' AUTO public.accessibility.describes-video",
            "audio-51 [0] 6ch en 'English' DEFAULT");
  }

  @Test
  void thePreferredLanguageIsTheDefaultInEveryGroupThatHasIt() {
    AudioSpec preferSpanish =
        new AudioSpec("aac", 128, 2, 48000, 384, "all", List.of("fr", "es"), null);

    List<PlannedRendition> plan = AudioPlanner.plan(FEATURE, preferSpanish, null);

    assertThat(plan)
        .filteredOn(r -> r.media().selection() == Selection.DEFAULT)
        .extracting(PlannedRendition::name)
        // Spanish has no 5.1: the surround group's only member stays its default.
        .containsExactly("audio-stereo-2", "audio-51");
  }

  @Test
  void theCatalogueSelectionKeepsLanguagesAndTrackNumbersInItsOrder() {
    assertThat(AudioPlanner.plan(FEATURE, SPEC, "spa"))
        .extracting(AudioPlannerTest::line)
        .containsExactly("audio-stereo [1] 2ch es 'Spanish' DEFAULT");
    // Names follow the kept order (the second kept track's renditions end in -2).
    assertThat(AudioPlanner.plan(FEATURE, SPEC, "2, 1"))
        .extracting(PlannedRendition::name, PlannedRendition::sourceTracks)
        .containsExactly(
            Tuple.tuple("audio-stereo", List.of(1)),
            Tuple.tuple("audio-stereo-2", List.of(0)),
            Tuple.tuple("audio-51-2", List.of(0)));
    // A language the source does not have keeps its default track rather than none.
    assertThat(AudioPlanner.plan(FEATURE, SPEC, "de"))
        .extracting(PlannedRendition::sourceTracks)
        .containsOnly(List.of(0));
  }

  @Test
  void allMonoTracksOfABroadcastDeliveryBecomeOneStereoPairUnlessTheCatalogueSaysOtherwise() {
    List<AudioTrack> mono =
        List.of(track(0, 1, "eng"), track(1, 1, "eng"), track(2, 1, "fra"), track(3, 1, "fra"));

    assertThat(AudioPlanner.plan(mono, SPEC, null))
        .extracting(AudioPlannerTest::line)
        .containsExactly("audio-stereo [0, 1] 2ch en 'English' DEFAULT");
    assertThat(AudioPlanner.plan(mono, SPEC, "1+2,3+4"))
        .extracting(AudioPlannerTest::line)
        .containsExactly(
            "audio-stereo [0, 1] 2ch en 'English' DEFAULT",
            "audio-stereo-2 [2, 3] 2ch fr 'French' AUTO");
    assertThat(AudioPlanner.plan(mono, SPEC, "1+2").get(0).joinsMonoPair()).isTrue();
  }

  @Test
  void twoUntitledTracksOfOneLanguageGetDistinctNamesAndOneAutoselect() {
    List<PlannedRendition> plan =
        AudioPlanner.plan(List.of(track(0, 2, "eng"), track(1, 2, "eng")), SPEC, null);

    assertThat(plan)
        .extracting(AudioPlannerTest::line)
        .containsExactly(
            "audio-stereo [0] 2ch en 'English' DEFAULT",
            "audio-stereo-2 [1] 2ch en 'English 2' MANUAL");
  }

  @Test
  void aSelectionThatCannotBeMetSaysWhy() {
    assertThatThrownBy(() -> AudioPlanner.plan(FEATURE, SPEC, "5"))
        .hasMessage("Cannot keep audio track 5: the source has 4 audio tracks");
    assertThatThrownBy(() -> AudioPlanner.plan(FEATURE, SPEC, "1+2"))
        .hasMessage(
            "Cannot pair audio track 1 as one side of a stereo pair: it has 6 channels, not 1");
    assertThatThrownBy(() -> AudioPlanner.plan(FEATURE, SPEC, "eng;spa"))
        .hasMessageStartingWith("Cannot use audio selection 'eng;spa': 'eng;spa' is neither");
    assertThatThrownBy(() -> AudioPlanner.plan(FEATURE, SPEC, "0"))
        .hasMessage("Cannot use audio selection '0': track numbers count from 1, not 0");
  }
}
