// Plays one stream in Debian's headless Chromium through player/index.html and prints the
// player's final state as JSON on stdout. Exit 0 when playback reached the end (or --seconds of
// media) without a fatal hls.js error, 1 otherwise.
//   node player/tests/play.mjs <player-url-with-?src=> [--seconds N] [--timeout-ms N]
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const url = args[0];
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const wantSeconds = opt('--seconds', Infinity);
const timeoutMs = opt('--timeout-ms', 90000);
if (!url) { console.error('usage: play.mjs <url> [--seconds N] [--timeout-ms N]'); process.exit(2); }

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
});
let state = null;
let ok = false;
try {
  const page = await browser.newPage();
  await page.goto(url);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    state = await page.evaluate(() => {
      const v = document.getElementById('video');
      return Object.assign({}, window.hlsforgePlayer, { currentTime: v.currentTime, ended: v.ended,
        duration: isFinite(v.duration) ? v.duration : null, videoWidth: v.videoWidth, videoHeight: v.videoHeight });
    });
    if (state.fatal) break;
    if (state.ended || state.currentTime >= wantSeconds) { ok = true; break; }
    await new Promise(r => setTimeout(r, 250));
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(state));
process.exit(ok ? 0 : 1);
