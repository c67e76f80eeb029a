// The extraction service the routes call: a worker pool, or the engine on the main thread.
import type { Extraction, ExtractInput } from '../schemas/extraction.js';

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
  stats(): ServiceStats;
  /** Lets extractions in flight finish, then stops the workers. */
  close(): Promise<void>;
}

/** What a worker is asked to do. */
export type WorkerTask = { kind: 'extract'; input: ExtractInput } | { kind: 'extract-json'; input: ExtractInput } | { kind: 'ping' };

export interface WorkerInit {
  kbDir?: string;
}

export interface Pong {
  kind: 'pong';
  kbFiles: number;
  kbLoadMs: number;
  /** The worker's V8 heap in use now, and right after start-up (bytes). */
  heapUsed: number;
  heapAfterStart: number;
}
