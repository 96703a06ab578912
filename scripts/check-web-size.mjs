import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The gate on the web application's initial JavaScript: the entry index.html loads, the modules it imports, and the
 * ones it imports as it starts (the app itself, which a page the server drew evaluates only after its first frame),
 * with theirs, gzipped, at most 200 kB, so the member's meeting page opens quickly on a phone. Read from the build's
 * manifest (`build.manifest` in apps/web/vite.config.ts); run after `npm run build`.
 */
const LIMIT_BYTES = 200 * 1024;
const webDir = process.argv[2] ?? 'dist/web';
const manifest = JSON.parse(readFileSync(join(webDir, '.vite', 'manifest.json'), 'utf8'));
const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entries.length === 0) {
  console.error(`No entry in ${webDir}/.vite/manifest.json`);
  process.exit(1);
}
const loaded = new Set();
const load = (key, withDynamic) => {
  if (loaded.has(key)) return;
  loaded.add(key);
  const chunk = manifest[key];
  for (const imported of chunk.imports ?? []) load(imported, false);
  if (withDynamic) for (const imported of chunk.dynamicImports ?? []) load(imported, false);
};
for (const entry of entries) load(entry, true);
let total = 0;
for (const key of loaded) {
  const file = manifest[key].file;
  const gzipped = gzipSync(readFileSync(join(webDir, file))).length;
  total += gzipped;
  console.log(`/${file}: ${(gzipped / 1024).toFixed(1)} kB gzipped`);
}
console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} kB gzipped (limit ${LIMIT_BYTES / 1024} kB)`);
if (total > LIMIT_BYTES) {
  console.error('The web application loads more JavaScript at start than the 200 kB gate allows.');
  process.exit(1);
}
