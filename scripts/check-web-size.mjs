import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The gate on the web application's initial JavaScript: the scripts index.html loads, and the modules they preload,
 * gzipped, at most 200 kB, so the member's meeting page opens quickly on a phone. Run after `npm run build`.
 */
const LIMIT_BYTES = 200 * 1024;
const webDir = process.argv[2] ?? 'dist/web';
const html = readFileSync(join(webDir, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((match) => match[1]);
if (scripts.length === 0) {
  console.error(`No script found in ${webDir}/index.html`);
  process.exit(1);
}
let total = 0;
for (const script of scripts) {
  const gzipped = gzipSync(readFileSync(join(webDir, script.replace(/^\//, '')))).length;
  total += gzipped;
  console.log(`${script}: ${(gzipped / 1024).toFixed(1)} kB gzipped`);
}
console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} kB gzipped (limit ${LIMIT_BYTES / 1024} kB)`);
if (total > LIMIT_BYTES) {
  console.error('The web application loads more JavaScript at start than the 200 kB gate allows.');
  process.exit(1);
}
