// Whether a token puts its sentence in the future: a future marker (word set future-markers:
// «سوف», «المقرر», 'will', 'due'), or a future construction followed by a word (phrase lexicon
// future-constructions: 'X is to visit Y'). Read by the meeting drafts (planned) and by the
// date resolver (the coming weekday).
import type { Doc } from '../doc.js';
import type { MatchIndex } from '../entities/lexicons.js';

export const FUTURE_CONSTRUCTIONS = 'future-constructions';

export function futureAt(doc: Doc, idx: MatchIndex, k: number): boolean {
  const t = doc.tokens[k];
  if (doc.words.futureMarkers.has(t)) return true;
  const h = idx.at(`lex:${FUTURE_CONSTRUCTIONS}`, k);
  if (!h) return false;
  const verb = doc.tokens[h.last];
  return verb !== undefined && verb.kind === 'word' && verb.sentence === t.sentence;
}
