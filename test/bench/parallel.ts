// The ceiling of service efficiency on this machine: the engine alone (dist/, the compiled snapshot,
// as the workers run it) over the shared corpus on one worker thread, then on as many threads at
// once as there are cores, in one process, with no HTTP, no main-thread work and no client. Each
// thread warms up for WARM passes and is then timed for MEASURED passes. The figure that bounds
// `npm run bench`'s service efficiency is (one thread's time per article) ÷ (the time per article
// on `cores` threads at once ÷ cores × cores) = one-thread time ÷ parallel time: what running the
// engine on every core at once costs by itself (V8's helper threads for compilation and garbage
// collection have no idle core left, and the cores share caches and memory bandwidth).
//   npx tsx test/bench/parallel.ts [threads]      (after npm run build; run.ts calls parallelCeiling)
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { corpusArticles, ROOT } from './http.js';

const WARM = 8;
const MEASURED = 4;

interface ThreadResult { msPerArticle: number[] }

// the worker's own code, plain JavaScript over dist/ (a worker thread does not inherit tsx's loader)
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { loadCompiled } = await import(workerData.snapshot);
  const { createEngine } = await import(workerData.engine);
  const { compiled } = loadCompiled();
  const engine = createEngine(compiled.kb, { compiled });
  const msPerArticle = [];
  for (let p = 0; p < workerData.warm + workerData.measured; p++) {
    const t = performance.now();
    for (const i of workerData.inputs) engine.extract(i);
    if (p >= workerData.warm) msPerArticle.push((performance.now() - t) / workerData.inputs.length);
  }
  parentPort.postMessage({ msPerArticle });
})();
`;

/** Time per article of each thread's measured passes, with `threads` threads running at once. */
async function runThreads(threads: number): Promise<ThreadResult[]> {
  const inputs = corpusArticles().map((a) => ({ text: a.text, ...(a.date ? { publishedAt: a.date } : {}) }));
  const data = { inputs, warm: WARM, measured: MEASURED, snapshot: pathToFileURL(join(ROOT, 'dist/engine/snapshot.js')).href, engine: pathToFileURL(join(ROOT, 'dist/engine/index.js')).href };
  return Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<ThreadResult>((resolve, reject) => {
          const w = new Worker(WORKER, { eval: true, workerData: data });
          w.once('message', (m: ThreadResult) => {
            resolve(m);
            void w.terminate();
          });
          w.once('error', reject);
        }),
    ),
  );
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export interface Ceiling { oneThreadMs: number; parallelMs: number; threads: number; ceiling: number }

/** One thread, then `threads` at once; the ceiling is one thread's time per article ÷ the parallel time per article. */
export async function parallelCeiling(threads = availableParallelism()): Promise<Ceiling> {
  const one = mean((await runThreads(1))[0].msPerArticle);
  const many = mean((await runThreads(threads)).flatMap((r) => r.msPerArticle));
  return { oneThreadMs: one, parallelMs: many, threads, ceiling: one / many };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const c = await parallelCeiling(Number(process.argv[2] ?? availableParallelism()));
  console.log(`engine alone: ${c.oneThreadMs.toFixed(3)} ms per article on one thread, ${c.parallelMs.toFixed(3)} ms on each of ${c.threads} threads at once: ceiling of service efficiency ${c.ceiling.toFixed(2)}`);
}
