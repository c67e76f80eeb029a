// What the name tagger says about a span of the text, for the learned scorers: the tagger's
// spans of a document (doc.ann.ner) indexed once per document by token, so each question costs
// a look-up per token of the span asked about (linear over a document's mentions).
import type { Doc, Span } from '../doc.js';
import type { DocNerSpan } from './component.js';
import type { EntityType } from './labels.js';

export interface NerEvidence {
  /** The tagger span exactly over these characters (a glued proclitic aside), if any. */
  exact?: DocNerSpan;
  /** The best-scoring tagger span overlapping them, if any. */
  overlap?: DocNerSpan;
}

interface NerIndex {
  /** Per token: index into spans of the tagger span covering it, or -1. */
  at: Int32Array;
  spans: DocNerSpan[];
}

const indexes = new WeakMap<Doc, NerIndex>();

function nerIndex(doc: Doc): NerIndex {
  let ix = indexes.get(doc);
  if (!ix) {
    const spans = doc.ann.ner ?? [];
    const at = new Int32Array(doc.tokens.length).fill(-1);
    spans.forEach((s, i) => at.fill(i, s.first, s.last));
    indexes.set(doc, (ix = { at, spans }));
  }
  return ix;
}

/** Index of the token that contains character `pos` (tokens are in text order). */
function tokenAt(doc: Doc, pos: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.tokens[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The tagger's evidence over a span of the text, for spans of one label (or of any, when omitted). */
export function nerEvidence(doc: Doc, span: Pick<Span, 'start' | 'end'>, label?: EntityType): NerEvidence {
  const ix = nerIndex(doc);
  if (ix.spans.length === 0 || doc.tokens.length === 0) return {};
  const out: NerEvidence = {};
  const first = tokenAt(doc, span.start);
  for (let k = first; k < doc.tokens.length && doc.tokens[k].start < span.end; k++) {
    const i = ix.at[k];
    if (i < 0) continue;
    const s = ix.spans[i];
    if (label && s.label !== label) continue;
    if (!out.overlap || s.score > out.overlap.score) out.overlap = s;
    if (s.first === first && s.end === span.end && span.start - s.start <= 2) out.exact = s;
  }
  return out;
}
