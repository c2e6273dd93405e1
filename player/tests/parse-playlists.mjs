// Parses every .m3u8 under the given directories with videojs' m3u8-parser (an implementation
// independent of hlsforge's) and prints {"playlists": N, "warnings": [...]} as JSON. Exit 0 when
// there are no warnings, 1 otherwise.
//   node player/tests/parse-playlists.mjs <dir>...
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'm3u8-parser';

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith('.m3u8')) yield path;
  }
}

const warnings = [];
let playlists = 0;
for (const root of process.argv.slice(2)) {
  for (const file of walk(root)) {
    const parser = new Parser();
    parser.on('warn', w => warnings.push({ file, message: w.message }));
    parser.push(readFileSync(file, 'utf8'));
    parser.end();
    const m = parser.manifest;
    const isMaster = Array.isArray(m.playlists) && m.playlists.length > 0;
    if (!isMaster && !(m.segments && m.segments.length > 0)) {
      warnings.push({ file, message: 'parsed as neither a master nor a media playlist with segments' });
    }
    if (!isMaster && !m.endList) warnings.push({ file, message: 'no EXT-X-ENDLIST seen by the parser' });
    playlists++;
  }
}
console.log(JSON.stringify({ playlists, warnings }));
process.exit(warnings.length === 0 && playlists > 0 ? 0 : 1);
