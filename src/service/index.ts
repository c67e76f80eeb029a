import { setFlagsFromString } from 'node:v8';
import type { Config } from '../config.js';
import { createInProcessService } from './in-process.js';
import { createPoolService } from './pool.js';
import type { ExtractionService } from './types.js';

export type { ExtractionService, KnowledgeInfo, ServiceObserver, ServiceStats } from './types.js';

/** The service the configuration asks for: a worker pool, or in-process when WORKERS=0. */
export function createExtractionService(config: Config): ExtractionService {
  applyHeapPolicy(config.HEAP_GROWTH_PERCENT);
  if (config.WORKERS === 0) return createInProcessService({ kbDir: config.KB_DIR });
  return createPoolService({
    workers: config.WORKERS,
    timeoutMs: config.EXTRACT_TIMEOUT_MS,
    maxQueue: config.MAX_QUEUE,
    outputCheckRate: config.OUTPUT_CHECK_RATE,
    kbDir: config.KB_DIR,
  });
}

/**
 * V8's heap growing factor, process-wide (the main thread and every worker isolate): after a full
 * collection a heap may grow by this share of what it kept before the next one. V8's own policy
 * (0 here) let a worker's heap reach 3–5 times its live size between collections: 520–540 MiB of
 * resident memory after eight passes of the shared corpus against 390–420 MiB at 30 %, peaks of
 * 700–712 against 512–531 MiB, for 3–4 % more time over those passes and 4–6 % at steady state
 * (a pass of the corpus at 8 connections after eight: 557–568 against 530–545 ms; three interleaved runs).
 */
export function applyHeapPolicy(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
