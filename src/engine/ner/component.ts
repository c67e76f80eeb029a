// The pipeline component "ner": the name tagger (tagger.ts) run once over the document, its
// spans stored on the Doc (doc.ann.ner) with token and character ranges, label and probability,
// for later components to take as evidence beside the knowledge base, titles and the gazetteer
// (the tagger-candidate generator of the person components, the participant scorer's features).
// The models are loaded once per compiled knowledge base, when the engine is built (loadTaggers).
import type { Compiled } from '../compile.js';
import type { Doc } from '../doc.js';
import type { Component } from '../pipeline.js';
import type { EntityType } from './labels.js';
import { loadTagger, type Tagger } from './tagger.js';

/** One tagger span on the Doc: tokens [first, last), characters [start, end) of the original text. */
export interface DocNerSpan {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  label: EntityType;
  /** P(exactly these tokens form an entity of this label | sentence). */
  score: number;
  reason: 'ner';
}

const LANGS = ['ar', 'en'] as const;
const taggers = new WeakMap<Compiled, Map<string, Tagger>>();

/** Loads the committed tagger models for `c` (once; later calls return the same taggers). */
export function loadTaggers(c: Compiled): ReadonlyMap<string, Tagger> {
  let m = taggers.get(c);
  if (!m) {
    m = new Map();
    for (const lang of LANGS) {
      const t = loadTagger(c, lang);
      if (t) m.set(lang, t);
    }
    taggers.set(c, m);
  }
  return m;
}

/** The tagger's spans of a document, in token order. */
export function nerSpans(doc: Doc, c: Compiled): DocNerSpan[] {
  const tagger = loadTaggers(c).get(doc.language);
  if (!tagger || doc.tokens.length === 0) return [];
  const out: DocNerSpan[] = [];
  for (const s of tagger.tag(doc, doc.matches)) {
    const start = doc.tokens[s.first].start;
    const end = doc.tokens[s.last - 1].end;
    out.push({ first: s.first, last: s.last, start, end, text: doc.text.slice(start, end), label: s.label, score: s.score, reason: 'ner' });
  }
  return out;
}

export const nerComponent: Component = {
  name: 'ner',
  requires: ['match'],
  run(doc, c) {
    doc.ann.ner = nerSpans(doc, c);
  },
};
