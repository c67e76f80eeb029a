// Feature ids of every token of a document, sentence by sentence (neighbours never cross a
// sentence). Linear: a fixed number of features per token. Two groups: word features (the
// token's own word-level ones and what its neighbours' words give it, see features.ts
// neighbourFeats) that depend on words only, and token features (shapes, matches,
// document cues). Training lists both as ids; run time sums the word group once per word.
import type { Payload } from '../compile.js';
import type { Doc } from '../doc.js';
import type { TrieMatch } from '../match/trie.js';
import type { FeatureContext, WordInfo } from './context.js';
import { docCues } from './doccues.js';
import { EDGE, lexMasks, placeRanks, S, shapeOf, T, wordInfo, type Features } from './features.js';
import { mix } from './hash.js';

export interface TokenFacts {
  words: WordInfo[];
  shape: Uint8Array;
  masks: Uint32Array;
  /** Gazetteer rank of the place matches starting at and covering each token (features.ts placeRanks). */
  places: Uint8Array;
  /** Document-level cues (see doccues.ts): the token's own, and the whole document's for its word. */
  own: Uint8Array;
  cues: Uint8Array;
}

function f1(t: number, a: number): number {
  return mix(Math.imul(t, 0x2545f491), a) | 0;
}
function f2(t: number, a: number, b: number): number {
  return mix(mix(Math.imul(t, 0x2545f491), a), b) | 0;
}

export function tokenFacts(ctx: FeatureContext, doc: Doc, matches: readonly TrieMatch<Payload>[]): TokenFacts {
  const n = doc.tokens.length;
  const words: WordInfo[] = new Array(n);
  const shape = new Uint8Array(n);
  const sets = new Uint8Array(n);
  const readings: Int32Array[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const t = doc.tokens[k];
    const w = wordInfo(ctx, t);
    words[k] = w;
    sets[k] = w.sets;
    readings[k] = w.readings;
    shape[k] = shapeOf(doc.text, t);
  }
  const facts: TokenFacts = { words, shape, masks: lexMasks(n, matches), places: placeRanks(ctx, n, matches), own: new Uint8Array(n), cues: new Uint8Array(n) };
  docCues(doc, readings, facts.masks, sets, facts.own, facts.cues);
  return facts;
}

/** Whether most Latin words of tokens [a, b) are in capitals (a headline): case then tells little. */
export function capsSentence(shape: Uint8Array, a: number, b: number): boolean {
  let upper = 0;
  let words = 0;
  for (let k = a; k < b; k++) {
    const s = shape[k];
    if (s === S.Lower || s === S.Cap || s === S.Upper || s === S.Mixed) {
      words++;
      if (s === S.Upper) upper++;
    }
  }
  return words >= 2 && upper * 2 > words;
}

/** Lexicon features of template t for the bits of `mask` (with the token's shape, if shape >= 0) into out[n..]. */
export function pushLex(out: Int32Array, n: number, t: number, mask: number, shape: number): number {
  let m = mask;
  while (m !== 0) {
    const bit = 31 - Math.clz32(m);
    m &= ~(1 << bit);
    out[n++] = f1(t, bit);
    if (shape >= 0) out[n++] = f2(t, bit, shape);
  }
  return n;
}

/** Document-cue features (doccues.ts) of a token with cues c, own cues `own`, into out[n..]. */
export function pushCues(out: Int32Array, n: number, c: number, own: number): number {
  const other = c & ~own;
  out[n++] = f1(T.DocCue, c);
  out[n++] = f1(T.DocCueOther, other);
  for (let bit = 1; bit <= c; bit <<= 1) if (c & bit) out[n++] = f2(T.CueBit, bit, other & bit ? 1 : 0);
  return n;
}

/** Masks of a neighbour two tokens away keep their start bits only. */
export const STARTS = 0x55555555;

/** Feature of a sentence's first token, of a headline's token, of a title before (tokenFeatures). */
export function firstFeature(shape: number): number {
  return f1(T.First, shape);
}
export function capsFeature(shape: number): number {
  return f1(T.CapsSentence, shape);
}
export function placeFeature(rank: number): number {
  return f1(T.PlaceRank, rank);
}
export function titleFeature(t: number): number {
  return f1(T.TitleBefore, t);
}

/** Longest list of token features (lexicon bits are few: 2 per kind at most). */
export const MAX_TOKEN_FEATURES = 16 + 4 * 32 + 4 * 32;

/** The word-and-shape feature of a token ("US" and "us" share a normalised form). */
export function wordShapeFeature(w: WordInfo, shape: number): number {
  return f2(T.WordShape, w.hash, shape);
}

/** Shape code of tokens k-1, k, k+1 in one number (sentence edges included). */
export function shapeTriple(x: TokenFacts, k: number, a: number, b: number): number {
  const sL = k > a ? x.shape[k - 1] : S.Bos;
  const sR = k + 1 < b ? x.shape[k + 1] : S.Eos;
  return (sL << 8) | (x.shape[k] << 4) | sR;
}

/** The features that depend on the shape triple only (few distinct values: run time caches their sums). */
export function shapeFeatures(triple: number, out: Int32Array): number {
  const sL = triple >> 8;
  const sh = (triple >> 4) & 15;
  const sR = triple & 15;
  out[0] = f1(T.Bias, 0);
  out[1] = f1(T.Shape, sh);
  out[2] = f1(T.ShapeL, sL);
  out[3] = f1(T.ShapeR, sR);
  out[4] = f2(T.Shape3, sL * 16 + sh, sR);
  return 5;
}

/** The other token features of token k in sentence [a, b) (sentence position, matches, document cues). */
export function tokenFeatures(x: TokenFacts, k: number, a: number, b: number, caps: boolean, out: Int32Array): number {
  const sh = x.shape[k];
  const masks = x.masks;
  let n = 0;
  if (k === a) out[n++] = firstFeature(sh);
  if (caps) out[n++] = capsFeature(sh);
  if (masks[k] !== 0) n = pushLex(out, n, T.Lex, masks[k], sh);
  if (k > a && masks[k - 1] !== 0) n = pushLex(out, n, T.LexL, masks[k - 1], -1);
  if (k + 1 < b && masks[k + 1] !== 0) n = pushLex(out, n, T.LexR, masks[k + 1], -1);
  if (k > a + 1 && masks[k - 2] !== 0) n = pushLex(out, n, T.LexL2, masks[k - 2] & STARTS, -1);
  if (k + 2 < b && masks[k + 2] !== 0) n = pushLex(out, n, T.LexR2, masks[k + 2] & STARTS, -1);
  if (x.cues[k] !== 0) n = pushCues(out, n, x.cues[k], x.own[k]);
  const t = titleBefore(masks, k, a);
  if (t !== 0) out[n++] = titleFeature(t);
  if (x.places[k] !== 0) out[n++] = placeFeature(x.places[k]);
  return n;
}

// mask bits (lexMasks): titles (kind 8) and honorifics (kind 9); what may stand between a title
// and the name: demonyms (5), places (1), given names (2, 3), more titles or honorifics
const TITLE_BITS = 0b1111 << 16;
const BETWEEN_BITS = TITLE_BITS | (0b11 << 10) | (0b11 << 2) | (0b1111 << 4);

/**
 * A title or honorific ending 1–3 tokens before token k («وزير الخارجية الأمريكي [مايك] …»):
 * 0 if none, else distance * 2 + (1 if every token between is a demonym, place, given name or title).
 */
export function titleBefore(masks: Uint32Array, k: number, a: number): number {
  let clean = 1;
  for (let j = k - 1; j >= a && j >= k - 3; j--) {
    const m = masks[j];
    if (m & TITLE_BITS) return (k - j) * 2 + clean;
    if ((m & BETWEEN_BITS) === 0) clean = 0;
  }
  return 0;
}

class IdBuffer {
  ids: Int32Array;
  n = 0;
  constructor(size: number, readonly mask: number) {
    this.ids = new Int32Array(size);
  }
  pushAll(src: Int32Array, count = src.length): void {
    if (this.n + count > this.ids.length) {
      const bigger = new Int32Array(Math.max(this.ids.length * 2, this.n + count));
      bigger.set(this.ids);
      this.ids = bigger;
    }
    for (let i = 0; i < count; i++) this.ids[this.n++] = src[i] & this.mask;
  }
}

/** Every feature id of every token of `doc` (masked to `mask` = table size - 1): the training view. */
export function extractFeatures(ctx: FeatureContext, doc: Doc, matches: readonly TrieMatch<Payload>[], mask: number): Features {
  const n = doc.tokens.length;
  const x = tokenFacts(ctx, doc, matches);
  const out = new IdBuffer(Math.max(64, n * 48), mask);
  const offsets = new Int32Array(n + 1);
  const scratch = new Int32Array(MAX_TOKEN_FEATURES);
  for (const s of doc.sentences) {
    const caps = capsSentence(x.shape, s.first, s.last);
    for (let k = s.first; k < s.last; k++) {
      offsets[k] = out.n;
      out.pushAll(x.words[k].feats);
      out.pushAll(k > s.first ? x.words[k - 1].asL1 : EDGE.asL1);
      out.pushAll(k + 1 < s.last ? x.words[k + 1].asR1 : EDGE.asR1);
      out.pushAll(k > s.first + 1 ? x.words[k - 2].asL2 : EDGE.asL2);
      out.pushAll(k + 2 < s.last ? x.words[k + 2].asR2 : EDGE.asR2);
      scratch[0] = wordShapeFeature(x.words[k], x.shape[k]);
      out.pushAll(scratch, 1);
      out.pushAll(scratch, shapeFeatures(shapeTriple(x, k, s.first, s.last), scratch));
      out.pushAll(scratch, tokenFeatures(x, k, s.first, s.last, caps, scratch));
    }
  }
  offsets[n] = out.n;
  return { offsets, ids: out.ids.subarray(0, out.n) };
}
