// Feature ids of every token of a document, sentence by sentence (neighbours never cross a
// sentence). Linear: a fixed number of features per token, word-level ones from a cache.
import type { Payload } from '../compile.js';
import type { Doc } from '../doc.js';
import type { TrieMatch } from '../match/trie.js';
import type { FeatureContext } from './context.js';
import { lexMasks, S, shapeOf, T, wordInfo, type Features } from './features.js';
import { mix } from './hash.js';
import { docCues } from './doccues.js';

const BOS = 0x5bd1e995 | 0;
const EOS = 0x27d4eb2d | 0;

interface TokenFacts {
  hash: Int32Array;
  stem: Int32Array;
  shape: Uint8Array;
  sets: Uint8Array;
  masks: Uint32Array;
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

class Buffer {
  ids: Int32Array;
  n = 0;
  constructor(size: number, readonly mask: number) {
    this.ids = new Int32Array(size);
  }
  push(id: number): void {
    if (this.n === this.ids.length) {
      const bigger = new Int32Array(this.ids.length * 2);
      bigger.set(this.ids);
      this.ids = bigger;
    }
    this.ids[this.n++] = id & this.mask;
  }
}

function tokenFacts(ctx: FeatureContext, doc: Doc, matches: readonly TrieMatch<Payload>[]): { facts: TokenFacts; feats: Int32Array[] } {
  const n = doc.tokens.length;
  const facts: TokenFacts = { hash: new Int32Array(n), stem: new Int32Array(n), shape: new Uint8Array(n), sets: new Uint8Array(n), masks: lexMasks(n, matches), own: new Uint8Array(n), cues: new Uint8Array(n) };
  const feats: Int32Array[] = new Array(n);
  const readings: Int32Array[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const t = doc.tokens[k];
    const w = wordInfo(ctx, t);
    facts.hash[k] = w.hash;
    facts.stem[k] = w.stem;
    facts.sets[k] = w.sets;
    facts.shape[k] = shapeOf(doc.text, t);
    feats[k] = w.feats;
    readings[k] = w.readings;
  }
  docCues(doc, readings, facts.masks, facts.sets, facts.own, facts.cues);
  return { facts, feats };
}

/** Whether most Latin words of tokens [a, b) are in capitals (a headline): case then tells little. */
function capsSentence(shape: Uint8Array, a: number, b: number): boolean {
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

function pushLex(out: Buffer, t: number, mask: number, shape: number): void {
  let m = mask;
  while (m !== 0) {
    const bit = 31 - Math.clz32(m);
    m &= ~(1 << bit);
    out.push(f1(t, bit));
    if (shape >= 0) out.push(f2(t, bit, shape));
  }
}

function emitToken(out: Buffer, x: TokenFacts, own: Int32Array, k: number, a: number, b: number, caps: boolean): void {
  for (let i = 0; i < own.length; i++) out.push(own[i]);
  const sh = x.shape[k];
  const hL = k > a ? x.hash[k - 1] : BOS;
  const hR = k + 1 < b ? x.hash[k + 1] : EOS;
  const sL = k > a ? x.shape[k - 1] : S.Bos;
  const sR = k + 1 < b ? x.shape[k + 1] : S.Eos;
  out.push(f1(T.Bias, 0));
  out.push(f1(T.Shape, sh));
  out.push(f2(T.WordShape, x.hash[k], sh));
  out.push(f1(T.ShapeL, sL));
  out.push(f1(T.ShapeR, sR));
  out.push(f2(T.Shape3, sL * 16 + sh, sR));
  out.push(f1(T.WordL, hL));
  out.push(f1(T.WordR, hR));
  out.push(f1(T.WordL2, k > a + 1 ? x.hash[k - 2] : BOS));
  out.push(f1(T.WordR2, k + 2 < b ? x.hash[k + 2] : EOS));
  out.push(f1(T.StemL, k > a ? x.stem[k - 1] : BOS));
  out.push(f1(T.StemR, k + 1 < b ? x.stem[k + 1] : EOS));
  out.push(f2(T.BigramL, hL, x.hash[k]));
  out.push(f2(T.BigramR, x.hash[k], hR));
  if (k === a) out.push(f1(T.First, sh));
  if (caps) out.push(f1(T.CapsSentence, sh));
  pushLex(out, T.Lex, x.masks[k], sh);
  if (k > a) pushLex(out, T.LexL, x.masks[k - 1], -1);
  if (k + 1 < b) pushLex(out, T.LexR, x.masks[k + 1], -1);
  if (k > a + 1) pushLex(out, T.LexL2, x.masks[k - 2] & 0x55555555, -1);
  if (k + 2 < b) pushLex(out, T.LexR2, x.masks[k + 2] & 0x55555555, -1);
  if (x.cues[k] !== 0) {
    out.push(f1(T.DocCue, x.cues[k]));
    out.push(f1(T.DocCueOther, x.cues[k] & ~x.own[k]));
  }
  out.push(f1(T.SetsL, k > a ? x.sets[k - 1] : 255));
  out.push(f1(T.SetsR, k + 1 < b ? x.sets[k + 1] : 255));
}

/** Feature ids of every token of `doc` (masked to `mask` = table size - 1). */
export function extractFeatures(ctx: FeatureContext, doc: Doc, matches: readonly TrieMatch<Payload>[], mask: number): Features {
  const n = doc.tokens.length;
  const { facts, feats } = tokenFacts(ctx, doc, matches);
  const out = new Buffer(Math.max(64, n * 48), mask);
  const offsets = new Int32Array(n + 1);
  for (const s of doc.sentences) {
    const caps = capsSentence(facts.shape, s.first, s.last);
    for (let k = s.first; k < s.last; k++) {
      offsets[k] = out.n;
      emitToken(out, facts, feats[k], k, s.first, s.last, caps);
    }
  }
  offsets[n] = out.n;
  return { offsets, ids: out.ids.subarray(0, out.n) };
}
