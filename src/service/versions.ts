// What a result was extracted with: the engine's version and the knowledge base's content hash.
// An archive that stores both can tell which results to re-run after an engine or knowledge update.
import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../kb/index.js';
import type { Extraction } from '../schemas/extraction.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The engine's version: the package version (bumped with every release that changes what the
 * engine extracts). src/engine has no version constant of its own.
 */
export const ENGINE_VERSION: string = pkg.version;

export interface KbFileSummary {
  file: string;
  kind: string;
  items: number;
  source: string;
  origin: 'built-in' | 'extra';
}

/** What was loaded, as GET /v1/kb and the start-up log report it. Plain data: it crosses from the workers. */
export interface KnowledgeInfo {
  engineVersion: string;
  kbVersion: string;
  currentTo?: string;
  loadMs: number;
  /** Items per kind of file (people, places, lexicon, …), all files together. */
  counts: Record<string, number>;
  files: KbFileSummary[];
}

export function knowledgeInfo(kb: KnowledgeBase): KnowledgeInfo {
  const counts: Record<string, number> = {};
  for (const f of kb.files) counts[f.kind] = (counts[f.kind] ?? 0) + f.items;
  return {
    engineVersion: ENGINE_VERSION,
    kbVersion: kb.version,
    ...(kb.currentTo ? { currentTo: kb.currentTo } : {}),
    loadMs: Math.round(kb.loadMs),
    counts,
    files: kb.files.map((f) => ({ file: f.file, kind: f.kind, items: f.items, source: f.source, origin: f.origin })),
  };
}

/** The extraction with the versions it was made with (the engine itself knows neither). */
export function stamp(out: Extraction, info: Pick<KnowledgeInfo, 'engineVersion' | 'kbVersion'>): Extraction {
  out.engineVersion = info.engineVersion;
  out.kbVersion = info.kbVersion;
  return out;
}
