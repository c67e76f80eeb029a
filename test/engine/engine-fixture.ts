// One engine over the built-in knowledge base, shared by the engine tests of a worker.
import { createEngine, type Engine } from '../../src/engine/index.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';

let cached: Engine | undefined;
export function engine(): Engine {
  cached ??= createEngine(loadKnowledgeBase());
  return cached;
}
