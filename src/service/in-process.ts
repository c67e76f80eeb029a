// WORKERS=0: the engine runs on the main thread (tests, tiny deployments, debugging).
// Extractions block the event loop while they run and EXTRACT_TIMEOUT_MS cannot interrupt them.
// The engine and knowledge base are imported when the service starts, not when the app is built.
import type { Engine } from '../engine/index.js';
import { ProblemError } from '../errors.js';
import type { ExtractionService, KnowledgeInfo, ServiceObserver } from './types.js';
import { knowledgeInfo, stamp } from './versions.js';

export interface InProcessOptions {
  kbDir?: string;
}

export function createInProcessService(options: InProcessOptions = {}): ExtractionService {
  let engine: Engine | undefined;
  let starting: Promise<void> | undefined;
  let completed = 0;
  let knowledge: KnowledgeInfo | undefined;
  let observer: ServiceObserver | undefined;
  const start = async () => {
    const [{ createEngine }, { loadCompiled }] = await Promise.all([import('../engine/index.js'), import('../engine/snapshot.js')]);
    const { compiled } = loadCompiled({ extraDir: options.kbDir });
    engine = createEngine(compiled.kb, { compiled });
    knowledge = knowledgeInfo(compiled.kb);
  };
  return {
    get ready() {
      return engine !== undefined;
    },
    start() {
      starting ??= start();
      return starting;
    },
    async extract(input) {
      if (!engine || !knowledge) throw new ProblemError('not-ready', 'The knowledge base is still loading.');
      const t0 = performance.now();
      const out = stamp(engine.extract(input), knowledge);
      completed++;
      observer?.extracted(out.language, performance.now() - t0, Buffer.byteLength(input.text));
      return out;
    },
    knowledge: () => knowledge,
    observe(o) {
      observer = o;
    },
    stats: () => ({ mode: 'in-process', workers: 0, queued: 0, completed }),
    async close() {},
  };
}
