// The extraction engine: no Fastify imports. createEngine() compiles the knowledge base into the
// matching automaton once and builds the pipeline of named components (validated then: an unknown
// or misplaced component fails at start-up); engine.extract() runs it on one article:
// document -> match -> resolutions -> persons -> places -> meetings.
import type { Extraction, ExtractInput } from '../schemas/extraction.js';
import type { KnowledgeBase } from '../kb/index.js';
import { buildDoc, type Doc } from './doc.js';
import { compile, type Compiled } from './compile.js';
import { detectLanguage } from './lang/detect.js';
import { createPipeline, type Component, type Pipeline } from './pipeline.js';
import { MatchIndex } from './entities/lexicons.js';
import { engineWords } from './lexicon/words.js';
import { findResolutions } from './entities/resolutions.js';
import { resolutionItems } from './entities/resolution-items.js';
import { personComponents } from './persons/components.js';
import { placeComponent } from './entities/place-component.js';
import { meetingComponents } from './meetings/components.js';
import { defaultScorers, type Scorers } from './scorers/index.js';
import { requireLexicon } from './lexicon/words.js';
import { FUTURE_CONSTRUCTIONS } from './lexicon/future.js';
import { ADDRESSED_SPEECH } from './meetings/triggers.js';
import { loadTaggers, nerComponent } from './ner/component.js';

export interface Engine {
  extract(input: ExtractInput): Extraction;
  readonly compiled: Compiled;
  readonly pipeline: Pipeline;
  readonly scorers: Scorers;
}

export interface EngineOptions {
  /** Component names, in order (default: every component). */
  pipeline?: readonly string[];
  /** The learned scorers (default: src/kb/models). */
  scorers?: Scorers;
  /** Tables already compiled from `kb` (a snapshot, src/engine/snapshot.ts); default: compile(kb). */
  compiled?: Compiled;
}

/** Publication date as YYYY-MM-DD (today, UTC, when absent or unreadable). */
export function articleDate(publishedAt: string | undefined): { date: string; given: boolean } {
  if (publishedAt) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
    if (m) return { date: `${m[1]}-${m[2]}-${m[3]}`, given: true };
    const d = new Date(publishedAt);
    if (!Number.isNaN(d.getTime())) return { date: d.toISOString().slice(0, 10), given: true };
  }
  return { date: new Date().toISOString().slice(0, 10), given: false };
}

const matchComponent: Component = {
  name: 'match',
  requires: [],
  run(doc, c) {
    doc.words = engineWords(c);
    doc.matches = c.trie.matchAll(doc.tokens);
    doc.index = new MatchIndex(doc.matches);
  },
};

const resolutionComponent: Component = {
  name: 'resolutions',
  requires: ['match'],
  run(doc, c) {
    doc.ann.resolutions = resolutionItems(c, findResolutions(doc, c, doc.matches));
  },
};

/** Every component the engine knows, by name. */
export const COMPONENTS: ReadonlyMap<string, Component> = new Map(
  [matchComponent, resolutionComponent, nerComponent, ...personComponents, placeComponent, ...meetingComponents].map((c) => [c.name, c]),
);

/**
 * Components only a pipeline that lists them runs: the name tagger ("ner") costs about a third of
 * the engine's time and no default consumer uses its spans yet (the tagger candidates and
 * features did not lift the check set; README, "Name tagger").
 */
export const OPTIONAL_COMPONENTS: ReadonlySet<string> = new Set(['ner']);

/** The default pipeline, in order. */
export const DEFAULT_PIPELINE: readonly string[] = [...COMPONENTS.keys()].filter((n) => !OPTIONAL_COMPONENTS.has(n));

/** The default pipeline with the name tagger before the person components (spans on doc.ann.ner). */
export const TAGGER_PIPELINE: readonly string[] = [...COMPONENTS.keys()];

/** A Doc for one input (language detected, publication date resolved), before any component ran. */
export function docFor(input: ExtractInput): Doc {
  const language = input.language && input.language !== 'auto' ? input.language : detectLanguage(input.text);
  const { date, given } = articleDate(input.publishedAt);
  return buildDoc(input.text, language, date, given, input.debug === true);
}

export function createEngine(kb: KnowledgeBase, options: EngineOptions = {}): Engine {
  const c = options.compiled ?? compile(kb);
  const scorers = options.scorers ?? defaultScorers();
  engineWords(c); // every word set the components read exists (or this throws at start-up)
  requireLexicon(c, 'romanisation'); // and the romaniser's name parts (its table is built at its first use: src/engine/names/romanise.ts)
  requireLexicon(c, 'place-idioms'); // and the phrase lexicon the places component reads as lex:place-idioms
  requireLexicon(c, FUTURE_CONSTRUCTIONS); // and the one futureAt reads (meeting drafts, dates)
  requireLexicon(c, ADDRESSED_SPEECH); // and the speech verbs the meeting triggers read
  const pipeline = createPipeline(options.pipeline ?? DEFAULT_PIPELINE, COMPONENTS);
  if (pipeline.names.includes('ner')) loadTaggers(c); // the name tagger's models, once, at start-up
  return {
    compiled: c,
    pipeline,
    scorers,
    extract(input: ExtractInput): Extraction {
      const timings: Record<string, number> = {};
      const t0 = performance.now();
      const doc = docFor(input);
      doc.scorers = scorers;
      timings.document = Math.round((performance.now() - t0) * 1000) / 1000;
      pipeline.run(doc, c, timings);
      const out: Extraction = {
        ...(input.id !== undefined ? { id: input.id } : {}),
        language: doc.language,
        ...(doc.dateGiven ? { publishedAt: doc.date } : {}),
        participants: doc.ann.participants ?? [],
        meetings: doc.ann.meetings ?? [],
        locations: doc.ann.locations?.items ?? [],
        resolutions: doc.ann.resolutions ?? [],
      };
      if (doc.debug) out.debug = { timings };
      return out;
    },
  };
}

export type { Doc };
