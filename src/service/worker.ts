// Piscina worker entry: loads the knowledge base and builds the engine once when the
// thread starts, then runs one extraction per task. A loading error is kept and thrown
// from every task (the start-up ping reports it with the loader's message).
import { workerData } from 'piscina';
import { createEngine, type Engine } from '../engine/index.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../kb/index.js';
import type { Extraction } from '../schemas/extraction.js';
import type { Pong, WorkerInit, WorkerTask } from './types.js';

const init = (workerData ?? {}) as WorkerInit;
let kb: KnowledgeBase | undefined;
let engine: Engine | undefined;
let failure: Error | undefined;
try {
  kb = loadKnowledgeBase({ extraDir: init.kbDir });
  engine = createEngine(kb);
} catch (e) {
  failure = e instanceof Error ? e : new Error(String(e));
}

export default function run(task: WorkerTask): Extraction | Pong {
  if (failure || !kb || !engine) throw failure ?? new Error('engine not built');
  if (task.kind === 'ping') return { kind: 'pong', kbFiles: kb.files.length, kbLoadMs: kb.loadMs };
  return engine.extract(task.input);
}
