// Shared by the preview (index.html) and the test pages (tests/*.html): the subtitle cues the
// browser has shown, as the player placed them on the timeline.
//
// Players remove cues behind the playhead (Shaka evicts the text buffer, hls.js clears a track on
// switches), so a cue read only once, at the end, may already be gone. The log keeps every cue seen
// on any showing or hidden text track, once, in the order first seen.
window.hlsforgeCueLog = function (video) {
  const seen = new Map();
  function collect() {
    for (const t of Array.from(video.textTracks)) {
      if (t.mode === 'disabled' || !t.cues) continue;
      for (const c of Array.from(t.cues)) {
        const key = t.language + '|' + c.startTime + '|' + c.endTime + '|' + c.text;
        if (!seen.has(key)) seen.set(key, { language: t.language, start: c.startTime, end: c.endTime, text: c.text });
      }
    }
  }
  // A track gains cues without a media event: cuechange and addtrack catch what timeupdate would miss.
  function watch(t) { t.addEventListener('cuechange', collect); }
  Array.from(video.textTracks).forEach(watch);
  video.textTracks.addEventListener('addtrack', e => { watch(e.track); collect(); });
  return { cues() { collect(); return Array.from(seen.values()); } };
};
