// Name tagger (src/engine/ner): a statistical sequence tagger for PER, LOC and ORG in Arabic
// and English, one more pipeline component beside the knowledge-base, title and gazetteer
// evidence (its spans are candidates with scores, not an override).
//
// Model: linear chain over BIO labels (labels.ts), averaged structured perceptron (perceptron.ts),
// Viterbi decoding and forward-backward span probabilities (decode.ts). Features (features.ts,
// extract.ts, doccues.ts) are computed on the engine's own tokens (buildDoc: same normaliser and
// tokenizer as at run time) and hashed to 2^20 rows: the normalised form and every clitic-split
// reading («وبومبيو» → «بومبيو»), prefixes and suffixes of the stem, nisba «ـي/ـية», word sets
// (name particles بن/عبد/أبو/آل/al-, stop words, common words, name blockers, first and last
// words of the knowledge base's people's names), each also as its own feature, shapes of the
// token and its neighbours (Latin case, digits, punctuation, headline capitals), the neighbours'
// forms and stems (±2), matches of the compiled automaton over and around the token (known
// people, gazetteer places, given names, organisations, demonyms, titles, honorifics, speech
// verbs, meeting triggers …), a title or honorific 1–3 tokens before, and document-level cues
// (the same word elsewhere in the document after a given name or a title, or matched as a person
// or place). The previous tag enters through the transition scores.
//
// API:
//   const tagger = loadTagger(compiled, 'ar');          // once at start-up; undefined if no model
//   const spans = tagger.tag(doc, c.trie.matchAll(doc.tokens));
//   // NerSpan = { first, last /* token indices, last exclusive */, label: 'PER'|'LOC'|'ORG',
//   //             score /* P(exactly this span with this label | sentence), forward-backward */ }
// Spans never cross a sentence of doc.sentences. Cost: linear in the number of tokens (a fixed
// number of features per token; per-word partial sums cached, see scorer.ts).
//
// Weights: src/kb/data/ner/tagger-{ar,en}.bin (model.ts: sparse rows, 16-bit weights) with a
// JSON manifest tagger-{ar,en}.manifest (not *.json: src/kb/index.ts reads every *.json under
// src/kb/data as a knowledge file). `npm run train:ner` regenerates both deterministically from
// ../shared/eval (CoNLL-2003 train, ANERcorp first half; the last fifth of each held out, see
// heldout.ts; nothing from the tuning gold ../shared/eval/dev) and prints the held-out figures; `npm run eval -- --ner` prints them again.
export { loadTagger, taggerFromBytes, Tagger, type NerSpan } from './tagger.js';
export { ENTITY_TYPES, LABELS, type EntityType } from './labels.js';
