// The extraction service the routes call: a worker pool, or the engine on the main thread.
import type { Extraction, ExtractInput } from '../schemas/extraction.js';
import type { KnowledgeInfo } from './versions.js';

export type { KnowledgeInfo } from './versions.js';

export interface ServiceStats {
  mode: 'workers' | 'in-process';
  workers: number;
  /** Extractions waiting for a worker. */
  queued: number;
  completed: number;
}

export interface ExtractionService {
  /** True once the knowledge base is loaded and the engine is built. */
  readonly ready: boolean;
  /** Loads the knowledge base and builds the engine; idempotent (returns the same promise). */
  start(): Promise<void>;
  /** Throws ProblemError for not-ready / overloaded / extraction-timeout; anything else is a 500. */
  extract(input: ExtractInput): Promise<Extraction>;
  /**
   * The same extraction, already checked against ExtractionSchema (unknown keys dropped, as the
   * response serializer does) and serialised as JSON, for POST /v1/extract to send as it is.
   * The worker pool does this in the worker, so the event loop neither copies the result object
   * across threads nor validates and stringifies it (tens of milliseconds for a 1 MiB article).
   * Optional: without it the route uses extract() and the response serializer.
   */
  extractJson?(input: ExtractInput): Promise<string>;
  /**
   * The same JSON as extractJson, as UTF-8 bytes: the worker pool encodes it in the worker and
   * transfers the buffer (no copy of the string between threads, no encoding on the event loop).
   * Optional: POST /v1/extract prefers it, then extractJson, then extract().
   */
  extractJsonBytes?(input: ExtractInput): Promise<Uint8Array>;
  stats(): ServiceStats;
  /** What the engine was built from (versions, files, counts); undefined until ready. */
  knowledge(): KnowledgeInfo | undefined;
  /** Tells `observer` about every extraction, time-out and worker restart (the metrics plugin listens). */
  observe?(observer: ServiceObserver): void;
  /** Lets extractions in flight finish, then stops the workers. */
  close(): Promise<void>;
}

/** Events the service reports; every method must be cheap (it runs once per article). */
export interface ServiceObserver {
  /** One article extracted: its language, the engine's time (ms) and the text's size (UTF-8 bytes). */
  extracted(language: string, engineMs: number, bytes: number): void;
  /** An extraction exceeded EXTRACT_TIMEOUT_MS. */
  timedOut(): void;
  /** A worker thread was replaced (after a time-out or a crash). */
  workerRestarted(): void;
}

/** What a worker is asked to do. */
export type WorkerTask = { kind: 'extract' | 'extract-json' | 'extract-json-bytes'; input: ExtractInput } | { kind: 'ping' };

export interface WorkerInit {
  kbDir?: string;
  /** Share of 'extract-json' results checked against ExtractionSchema (default 1: every one). */
  outputCheckRate?: number;
  /**
   * One Int32 on a SharedArrayBuffer, shared by the pool's threads: 1 while a thread loads the
   * knowledge base. Threads load one at a time, so the first is ready (and the service with it)
   * without sharing the cores with the others (see src/service/load-lock.ts).
   */
  loadLock?: Int32Array;
}

/** A worker's answer to an extraction task: the value, with what the metrics need. */
export interface WorkerDone<T> {
  kind: 'done';
  value: T;
  language: string;
  engineMs: number;
  /** The article text's size in UTF-8 bytes. */
  bytes: number;
}

export interface Pong {
  kind: 'pong';
  knowledge: KnowledgeInfo;
  kbFiles: number;
  kbLoadMs: number;
  /** The worker's V8 heap in use now, and right after start-up (bytes). */
  heapUsed: number;
  heapAfterStart: number;
}
