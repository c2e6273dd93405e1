// Plays streams in Debian's headless Chromium, one page after another in one browser, and prints a
// JSON array with each page's final state. A page is player/index.html (hls.js) or
// player/tests/shaka.html (Shaka Player): both have a <video id="video"> and publish
// window.hlsforgePlayer. Exit 0 when every stream played to its end (or --seconds of media) without
// a fatal player error, 1 otherwise.
//   node player/tests/play.mjs <player-url-with-?src=>... [--seconds N] [--timeout-ms N]
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const urls = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const wantSeconds = opt('--seconds', Infinity);
const timeoutMs = opt('--timeout-ms', 90000);
if (urls.length === 0) { console.error('usage: play.mjs <url>... [--seconds N] [--timeout-ms N]'); process.exit(2); }

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
});
const results = [];
let allOk = true;
try {
  for (const url of urls) {
    const page = await browser.newPage();
    let state = null;
    let ok = false;
    try {
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
      await page.close();
    }
    results.push(Object.assign({ url, ok }, state));
    allOk = allOk && ok;
  }
} finally {
  await browser.close();
}
// Exit only once the results are written: process.exit() right after a write to a pipe cuts it
// at the pipe's 64 KiB.
process.stdout.write(JSON.stringify(results) + '\n', () => process.exit(allOk ? 0 : 1));
