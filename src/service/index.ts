import type { Config } from '../config.js';
import { createInProcessService } from './in-process.js';
import { createPoolService } from './pool.js';
import type { ExtractionService } from './types.js';

export type { ExtractionService, KnowledgeInfo, ServiceObserver, ServiceStats } from './types.js';

/** The service the configuration asks for: a worker pool, or in-process when WORKERS=0. */
export function createExtractionService(config: Config): ExtractionService {
  if (config.WORKERS === 0) return createInProcessService({ kbDir: config.KB_DIR });
  return createPoolService({
    workers: config.WORKERS,
    timeoutMs: config.EXTRACT_TIMEOUT_MS,
    maxQueue: config.MAX_QUEUE,
    outputCheckRate: config.OUTPUT_CHECK_RATE,
    kbDir: config.KB_DIR,
  });
}
