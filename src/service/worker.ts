// Piscina worker entry: loads the knowledge base (its compiled snapshot when that matches the
// files) and builds the engine once when the thread starts, then runs one extraction per task.
// A loading error is kept and thrown from every task (the start-up ping reports it with the loader's message).
// 'extract-json' serialises the result here (checking it against the response schema first, for
// a sampled share of the results), so the main thread only receives a string (see ExtractionService.extractJson).
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { createEngine, type Engine } from '../engine/index.js';
import type { KnowledgeBase } from '../kb/index.js';
import { loadCompiled } from '../engine/snapshot.js';
import { acquireLoadLock, releaseLoadLock } from './load-lock.js';
import { type Extraction, ExtractionSchema } from '../schemas/extraction.js';
import { compileSerializer } from '../schemas/serialize.js';
import type { Pong, WorkerDone, WorkerInit, WorkerTask } from './types.js';
import { type KnowledgeInfo, knowledgeInfo, stamp } from './versions.js';

const init = (workerData ?? {}) as WorkerInit;
let kb: KnowledgeBase | undefined;
let engine: Engine | undefined;
let info: KnowledgeInfo | undefined;
let failure: Error | undefined;
// the pool's threads load one at a time (load-lock.ts)
const held = acquireLoadLock(init.loadLock);
try {
  // the compiled snapshot of the built-in knowledge base when it matches the files (src/engine/snapshot.ts)
  const { compiled } = loadCompiled({ extraDir: init.kbDir });
  kb = compiled.kb;
  engine = createEngine(kb, { compiled });
  info = knowledgeInfo(kb);
} catch (e) {
  failure = e instanceof Error ? e : new Error(String(e));
} finally {
  releaseLoadLock(init.loadLock, held);
}

// V8 collects lazily: after a 1 MiB article a worker holds ~100 MB of garbage until its next major
// collection, and the grown heap stays resident (four 1 MiB extractions took the server from
// ~340 to 740–960 MiB RSS). A worker whose heap has grown past twice its size after start-up
// collects before it takes the next task after a large article (LARGE_INPUT bytes); after ordinary
// articles only once the heap has grown past six times that size, a bound on memory. Forced full
// collections are costly beyond their own time: forced at twice the size after ordinary articles (1–2
// times per pass of the shared corpus), they took one worker thread from 300–395 to 142–166 articles/s
// (3–4 against 10–11 ms of process CPU per article); at six times, 227–239 articles/s.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
collect();
const heapAfterStart = getHeapStatistics().used_heap_size;
const collectAbove = 2 * heapAfterStart;
const collectAnyway = 6 * heapAfterStart;
const LARGE_INPUT = 256 * 1024;

// The engine's types are the response schema's: zod's full check (~2/3 of the cost of turning a
// result into JSON) runs on a sampled share of the results (OUTPUT_CHECK_RATE; 1 in the tests).
const checkRate = init.outputCheckRate ?? 1;
const serialize = compileSerializer(ExtractionSchema);

export default function run(task: WorkerTask): WorkerDone<Extraction> | WorkerDone<string> | WorkerDone<Uint8Array> | Pong {
  if (failure || !kb || !engine || !info) throw failure ?? new Error('engine not built');
  if (task.kind === 'ping') return { kind: 'pong', knowledge: info, kbFiles: kb.files.length, kbLoadMs: kb.loadMs, heapUsed: getHeapStatistics().used_heap_size, heapAfterStart };
  const t0 = performance.now();
  const out = stamp(engine.extract(task.input), info);
  const engineMs = performance.now() - t0;
  const bytes = Buffer.byteLength(task.input.text);
  if (task.kind === 'extract') return collected({ kind: 'done', value: out, language: out.language, engineMs, bytes });
  if (checkRate >= 1 || (checkRate > 0 && Math.random() < checkRate)) check(out);
  // the bytes JSON.stringify(ExtractionSchema.encode(out)) would give, without zod's copy of the tree
  const json = serialize(out);
  if (task.kind === 'extract-json') return collected({ kind: 'done', value: json, language: out.language, engineMs, bytes });
  // UTF-8 here, and the buffer moved to the main thread rather than the string copied (its own
  // ArrayBuffer: TextEncoder does not allocate from Buffer's shared pool)
  const utf8 = encoder.encode(json);
  const done: WorkerDone<Uint8Array> = collected({ kind: 'done', value: utf8, language: out.language, engineMs, bytes });
  return move({ [transferableSymbol]: utf8.buffer, [valueSymbol]: done }) as unknown as WorkerDone<Uint8Array>;
}

const encoder = new TextEncoder();

/** The response serializer's (fastify-type-provider-zod's) check: a result outside the schema is an error (a 500). */
function check(out: Extraction): void {
  const checked = ExtractionSchema.safeEncode(out);
  if (checked.success) return;
  const where = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('/') || '(root)'}: ${i.code}`);
  throw new Error(`extraction outside the response schema: ${where.join('; ')}`);
}

function collected<V>(result: WorkerDone<V>): WorkerDone<V> {
  const used = getHeapStatistics().used_heap_size;
  if (used > collectAnyway || (result.bytes >= LARGE_INPUT && used > collectAbove)) {
    collect();
    // the pages the first collection freed go back to the system only with the next one: after a
    // large article a second collection takes a worker's heap from ~120 to ~90 MB (53 MB live)
    if (result.bytes >= LARGE_INPUT) collect();
  }
  return result;
}
