// Builds the playground (src/playground/web) into dist/playground with vite: scripts, styles,
// the Arabic web font and the map data bundled from npm packages, nothing fetched at run time.
// Runs after `tsc` in `npm run build`; skips when dist/playground is newer than its sources
// (pass --force to rebuild anyway).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(ROOT, 'src/playground/web');
const OUT = join(ROOT, 'dist/playground');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const mtime = (p) => {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
};

const sources = Math.max(newest(WEB), mtime(join(ROOT, 'src/schemas/extraction.ts')), mtime(join(ROOT, 'package-lock.json')), mtime(fileURLToPath(import.meta.url)));
if (!process.argv.includes('--force') && mtime(join(OUT, 'index.html')) > sources) {
  console.log('playground: dist/playground is up to date');
} else {
  await build({
    root: WEB,
    base: '/playground/',
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: OUT,
      emptyOutDir: true,
      assetsDir: 'assets',
      modulePreload: { polyfill: false },
      // Fonts and map data stay files (the page's CSP allows same-origin fonts, not data: fonts).
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 1024,
      target: 'es2022',
    },
  });
  console.log('playground: built dist/playground');
}
