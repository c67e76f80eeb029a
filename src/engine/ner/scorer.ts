// Run-time emission scores. The word group of features (see extract.ts) depends on words only,
// so each word's five partial sums (its own features; what it gives the token after it, before
// it, two after, two before) are computed once and cached on its WordInfo; a token then costs
// five vector additions plus its few token features — a handful of table look-ups instead of
// ~50. The token features come in small groups with few distinct values (the lexicon masks of
// the token and of each neighbour, the document cues, a title before, the shape of a sentence's
// first token): their sums are cached by value too, so nothing is hashed per token.
// Sums the same weights as the training view (test/engine/ner checks they agree).
import type { WordInfo } from './context.js';
import {
  capsFeature, capsSentence, placeFeature, firstFeature, MAX_TOKEN_FEATURES, pushCues, pushLex, shapeFeatures, shapeTriple, STARTS, titleBefore, titleFeature, wordShapeFeature, type TokenFacts,
} from './extract.js';
import { EDGE, T } from './features.js';
import { NUM_LABELS as L } from './labels.js';
import type { Model } from './model.js';

const SELF = 0;
const AS_L1 = L;
const AS_R1 = 2 * L;
const AS_L2 = 3 * L;
const AS_R2 = 4 * L;

export class Scorer {
  private readonly edge: Float32Array;
  private readonly scratch = new Int32Array(MAX_TOKEN_FEATURES);
  /** Summed shape features by shape triple (16^3 possible, a few dozen seen). */
  private readonly shapes: Array<Float32Array | undefined> = new Array(1 << 12);
  /** Summed lexicon features by mask value (what a mask gives its own token and its neighbours). */
  private readonly lex = new Map<number, LexSums>();
  private lexRow: Array<LexSums | undefined> = [];
  /** By cues * 64 + own cues; by shape (first token, headline); by titleBefore value. */
  private readonly cueVecs: Array<Float32Array | undefined> = new Array(64 * 64);
  private readonly firstVecs: Array<Float32Array | undefined> = new Array(16);
  private readonly capsVecs: Array<Float32Array | undefined> = new Array(16);
  private readonly titleVecs: Array<Float32Array | undefined> = new Array(8);
  private readonly placeVecs: Array<Float32Array | undefined> = new Array(64);
  constructor(readonly model: Model) {
    this.edge = this.sums(EDGE);
  }

  /** A word's own sums plus its word-and-shape row (one word, one shape most of the time: always in Arabic). */
  private selfShape(w: WordInfo, sh: number): Float32Array {
    if (w.shapeSeen === sh) return w.selfShape!;
    const v = this.vec(w).slice(SELF, SELF + L);
    const r = this.model.index[wordShapeFeature(w, sh) & this.model.mask];
    if (r >= 0) for (let y = 0; y < L; y++) v[y] += this.model.weights[r + y];
    w.shapeSeen = sh;
    w.selfShape = v;
    return v;
  }

  private one(id: number): Float32Array {
    this.scratch[0] = id;
    const v = new Float32Array(L);
    this.add(this.scratch, 1, v, 0);
    return v;
  }

  private lexSums(mask: number): LexSums {
    let v = this.lex.get(mask);
    if (v === undefined) {
      if (this.lex.size >= 4096) this.lex.clear();
      const near = (t: number, m: number) => {
        const out = new Float32Array(L);
        this.add(this.scratch, pushLex(this.scratch, 0, t, m, -1), out, 0);
        return out;
      };
      const starts = mask & STARTS;
      v = { mask, self: new Array(16), l1: near(T.LexL, mask), r1: near(T.LexR, mask), l2: starts ? near(T.LexL2, starts) : undefined, r2: starts ? near(T.LexR2, starts) : undefined };
      this.lex.set(mask, v);
    }
    return v;
  }

  /** What a mask gives its own token of shape sh (template Lex, with and without the shape). */
  private lexSelf(v: LexSums, sh: number): Float32Array {
    let s = v.self[sh];
    if (!s) {
      s = new Float32Array(L);
      this.add(this.scratch, pushLex(this.scratch, 0, T.Lex, v.mask, sh), s, 0);
      v.self[sh] = s;
    }
    return s;
  }

  private cueVec(c: number, own: number): Float32Array {
    const key = c * 64 + own;
    let v = this.cueVecs[key];
    if (!v) {
      v = new Float32Array(L);
      this.add(this.scratch, pushCues(this.scratch, 0, c, own), v, 0);
      this.cueVecs[key] = v;
    }
    return v;
  }

  /** The token features of token k in sentence [a, b) added to out[o..] (the sums of extract.ts tokenFeatures). */
  private tokenPart(x: TokenFacts, k: number, a: number, b: number, caps: boolean, out: Float64Array, o: number): void {
    const sh = x.shape[k];
    const masks = x.masks;
    if (k === a) acc(out, o, (this.firstVecs[sh] ??= this.one(firstFeature(sh))));
    if (caps) acc(out, o, (this.capsVecs[sh] ??= this.one(capsFeature(sh))));
    const rows = this.lexRow;
    const j = k - a;
    if (rows[j]) acc(out, o, this.lexSelf(rows[j]!, sh));
    if (k > a && rows[j - 1]) acc(out, o, rows[j - 1]!.l1);
    if (k + 1 < b && rows[j + 1]) acc(out, o, rows[j + 1]!.r1);
    if (k > a + 1 && rows[j - 2]?.l2) acc(out, o, rows[j - 2]!.l2!);
    if (k + 2 < b && rows[j + 2]?.r2) acc(out, o, rows[j + 2]!.r2!);
    if (x.cues[k] !== 0) acc(out, o, this.cueVec(x.cues[k], x.own[k]));
    const t = titleBefore(masks, k, a);
    if (t !== 0) acc(out, o, (this.titleVecs[t] ??= this.one(titleFeature(t))));
    const pl = x.places[k];
    if (pl !== 0) acc(out, o, (this.placeVecs[pl] ??= this.one(placeFeature(pl))));
  }

  private add(ids: Int32Array, count: number, out: Float32Array | Float64Array, o: number): void {
    const { index, weights, mask } = this.model;
    for (let i = 0; i < count; i++) {
      const r = index[ids[i] & mask];
      if (r < 0) continue;
      for (let y = 0; y < L; y++) out[o + y] += weights[r + y];
    }
  }

  private sums(w: WordInfo): Float32Array {
    const v = new Float32Array(5 * L);
    this.add(w.feats, w.feats.length, v, SELF);
    this.add(w.asL1, w.asL1.length, v, AS_L1);
    this.add(w.asR1, w.asR1.length, v, AS_R1);
    this.add(w.asL2, w.asL2.length, v, AS_L2);
    this.add(w.asR2, w.asR2.length, v, AS_R2);
    return v;
  }

  private shapeVec(triple: number): Float32Array {
    let v = this.shapes[triple];
    if (!v) {
      v = new Float32Array(L);
      this.add(this.scratch, shapeFeatures(triple, this.scratch), v, 0);
      this.shapes[triple] = v;
    }
    return v;
  }

  private vec(w: WordInfo): Float32Array {
    return (w.v ??= this.sums(w));
  }

  /** Emission scores of sentence [a, b) into out[(k - a) * L + y]. */
  emissions(x: TokenFacts, a: number, b: number, out: Float64Array): void {
    const caps = capsSentence(x.shape, a, b);
    const words = x.words;
    // each token's mask looked up once; its neighbours read what it gives them
    const rows = this.lexRow;
    for (let k = a; k < b; k++) rows[k - a] = x.masks[k] !== 0 ? this.lexSums(x.masks[k]) : undefined;
    for (let k = a; k < b; k++) {
      const o = (k - a) * L;
      const l1 = k > a ? this.vec(words[k - 1]) : this.edge;
      const r1 = k + 1 < b ? this.vec(words[k + 1]) : this.edge;
      const l2 = k > a + 1 ? this.vec(words[k - 2]) : this.edge;
      const r2 = k + 2 < b ? this.vec(words[k + 2]) : this.edge;
      const sv = this.shapeVec(shapeTriple(x, k, a, b));
      const self = this.selfShape(words[k], x.shape[k]);
      for (let y = 0; y < L; y++) out[o + y] = self[y] + l1[AS_L1 + y] + r1[AS_R1 + y] + l2[AS_L2 + y] + r2[AS_R2 + y] + sv[y];
      this.tokenPart(x, k, a, b, caps, out, o);
    }
  }
}

function acc(out: Float64Array, o: number, v: Float32Array): void {
  for (let y = 0; y < L; y++) out[o + y] += v[y];
}

/** What one lexicon mask value contributes: to its own token by shape, to the tokens 1 and 2 away. */
interface LexSums {
  mask: number;
  self: Array<Float32Array | undefined>;
  l1: Float32Array;
  r1: Float32Array;
  l2: Float32Array | undefined;
  r2: Float32Array | undefined;
}
