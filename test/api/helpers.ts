// Shared helpers for the API tests: build the app around the real in-process engine
// (WORKERS=0) or around a scripted stand-in service for fault cases.
import { buildApp } from '../../src/app.js';
import { type Config, defaultConfig } from '../../src/config.js';
import { ProblemError } from '../../src/errors.js';
import type { Extraction, ExtractInput } from '../../src/schemas/extraction.js';
import type { ExtractionService, KnowledgeInfo } from '../../src/service/index.js';

export const EMPTY: Omit<Extraction, 'language'> = { participants: [], meetings: [], locations: [], resolutions: [] };

/** What the fake service says it loaded. */
export const FAKE_KNOWLEDGE: KnowledgeInfo = { engineVersion: 'fake', kbVersion: 'kb-fake', loadMs: 0, counts: {}, files: [] };

/** A service scripted by the test: `extract` decides what happens. */
export function fakeService(extract: (input: ExtractInput) => Promise<Extraction> | Extraction = (i) => ({ id: i.id, language: 'en', ...EMPTY }), ready = true): ExtractionService {
  let isReady = false;
  return {
    get ready() {
      return isReady;
    },
    start: async () => {
      if (ready) isReady = true;
    },
    extract: async (input) => {
      if (!isReady) throw new ProblemError('not-ready', 'The knowledge base is still loading.');
      return extract(input);
    },
    stats: () => ({ mode: 'in-process', workers: 0, queued: 0, completed: 0 }),
    knowledge: () => (isReady ? FAKE_KNOWLEDGE : undefined),
    close: async () => {},
  };
}

/** Collects log lines in memory. */
export function memoryLog() {
  const lines: string[] = [];
  return { stream: { write: (s: string) => lines.push(...s.split('\n').filter(Boolean)) }, lines };
}

export async function makeApp(over: Partial<Config> = {}, service?: ExtractionService, logStream?: { write(line: string): unknown }) {
  const app = await buildApp({
    config: defaultConfig({ WORKERS: 0, ...over }),
    service,
    ...(logStream ? { logStream } : { logger: false }),
  });
  await app.ready();
  await app.extraction.start();
  return app;
}

export const PROBLEM_JSON = /^application\/problem\+json/;
