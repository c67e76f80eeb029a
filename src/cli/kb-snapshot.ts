// `npm run build` (postbuild): writes dist/engine/kb-snapshot.json, the compiled snapshot of the
// built-in knowledge base that every worker reads instead of compiling src/kb/data itself
// (src/engine/snapshot.ts). Run from dist/ (node dist/cli/kb-snapshot.js) so that the snapshot
// carries the hash of the compiled code that made it.
import { SNAPSHOT_FILE, writeSnapshot } from '../engine/snapshot.js';

const t0 = performance.now();
const { bytes, kbVersion } = writeSnapshot();
console.log(`kb snapshot: ${SNAPSHOT_FILE} (${(bytes / 2 ** 20).toFixed(1)} MiB, ${kbVersion}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
