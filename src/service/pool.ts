// Extraction in a piscina pool of worker threads. Each worker loads the knowledge base and
// builds the engine once at start-up (src/service/worker.ts). A task that exceeds the time
// limit is aborted: piscina stops its thread and starts a fresh one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ProblemError } from '../errors.js';
import type { Extraction, ExtractInput } from '../schemas/extraction.js';
import type { ExtractionService, KnowledgeInfo, Pong, ServiceObserver, WorkerDone, WorkerInit, WorkerTask } from './types.js';
import { createLoadLock } from './load-lock.js';

export interface PoolOptions {
  workers: number;
  timeoutMs: number;
  maxQueue: number;
  kbDir?: string;
  /** Share of 'extract-json' results checked against ExtractionSchema in the worker (default 1: every one). */
  outputCheckRate?: number;
  /** Worker module (tests point this at fixtures); default: ./worker.js next to this file. */
  filename?: string;
}

/** dist/service/worker.js when running compiled; src/service/worker.ts (through tsx) otherwise. */
export function defaultWorkerFile(): { filename: string; execArgv: string[] } {
  const js = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(js)) return { filename: js, execArgv: [] };
  const ts = fileURLToPath(new URL('./worker.ts', import.meta.url));
  return { filename: ts, execArgv: ['--import', 'tsx'] };
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || /aborted/i.test(e.message));
}

export function createPoolService(options: PoolOptions): ExtractionService {
  let pool: Piscina | undefined;
  let starting: Promise<void> | undefined;
  let ready = false;
  let closed = false;
  let knowledge: KnowledgeInfo | undefined;
  let observer: ServiceObserver | undefined;

  const start = async () => {
    const worker = options.filename
      ? { filename: options.filename, execArgv: options.filename.endsWith('.ts') ? ['--import', 'tsx'] : [] }
      : defaultWorkerFile();
    const init: WorkerInit = { kbDir: options.kbDir, outputCheckRate: options.outputCheckRate ?? 1, loadLock: createLoadLock() };
    pool = new Piscina({
      filename: worker.filename,
      execArgv: worker.execArgv,
      minThreads: options.workers,
      maxThreads: options.workers,
      idleTimeout: Infinity,
      workerData: init,
      // crashed or stopped workers are replaced by piscina (minThreads)
    });
    // Uncaught errors outside a task: log-worthy, never fatal for the server.
    pool.on('error', () => {});
    // Threads created once the pool is up replace a stopped (timed-out) or crashed worker.
    pool.on('workerCreate', () => {
      if (ready && !closed) observer?.workerRestarted();
    });
    // One round-trip proves a worker loaded the knowledge base and built the engine; a bad
    // knowledge file rejects here with the loader's message. Piscina gives each of the first
    // threads one ping, and they load in turn (load-lock.ts): the first answer makes the service
    // ready, whichever thread loaded first; the others answer when they have loaded.
    const pings = Array.from({ length: options.workers }, () => pool!.run({ kind: 'ping' } satisfies WorkerTask) as Promise<Pong>);
    for (const p of pings) p.catch(() => {}); // the first to settle is awaited below; a later failure is the same one
    const pong = await Promise.race(pings);
    knowledge = pong.knowledge;
    ready = true;
  };

  const runTask = async <T>(task: WorkerTask & { input: ExtractInput }): Promise<T> => {
    if (!pool || !ready || closed) throw new ProblemError('not-ready', 'The extraction workers are not ready.');
    if (pool.queueSize >= options.maxQueue) {
      throw new ProblemError('overloaded', `${pool.queueSize} extractions are already waiting for a worker.`);
    }
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), options.timeoutMs);
    try {
      const done = (await pool.run(task, { signal: ac.signal })) as WorkerDone<T>;
      observer?.extracted(done.language, done.engineMs, done.bytes);
      return done.value;
    } catch (e) {
      if (ac.signal.aborted && isAbort(e)) {
        observer?.timedOut();
        throw new ProblemError('extraction-timeout', `The extraction did not finish within ${options.timeoutMs} ms.`);
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    get ready() {
      return ready && !closed;
    },
    start() {
      starting ??= start().catch(async (e: unknown) => {
        await pool?.destroy().catch(() => {});
        throw e;
      });
      return starting;
    },
    async extract(input: ExtractInput): Promise<Extraction> {
      return runTask<Extraction>({ kind: 'extract', input });
    },
    async extractJson(input: ExtractInput): Promise<string> {
      return runTask<string>({ kind: 'extract-json', input });
    },
    async extractJsonBytes(input: ExtractInput): Promise<Uint8Array> {
      return runTask<Uint8Array>({ kind: 'extract-json-bytes', input });
    },
    knowledge: () => (ready ? knowledge : undefined),
    observe(o) {
      observer = o;
    },
    stats() {
      return { mode: 'workers', workers: pool?.threads.length ?? 0, queued: pool?.queueSize ?? 0, completed: pool?.completed ?? 0 };
    },
    async close() {
      closed = true;
      if (starting) await starting.catch(() => {});
      await pool?.close();
    },
  };
}
