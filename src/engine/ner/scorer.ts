// Run-time emission scores. The word group of features (see extract.ts) depends on words only,
// so each word's five partial sums (its own features; what it gives the token after it, before
// it, two after, two before) are computed once and cached on its WordInfo; a token then costs
// five vector additions plus its few token features — a handful of table look-ups instead of
// ~50. Sums the same weights as the training view (test/engine/ner checks they agree).
import type { WordInfo } from './context.js';
import { capsSentence, MAX_TOKEN_FEATURES, shapeFeatures, shapeTriple, tokenFeatures, wordShapeFeature, type TokenFacts } from './extract.js';
import { EDGE } from './features.js';
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
  constructor(readonly model: Model) {
    this.edge = this.sums(EDGE);
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
    for (let k = a; k < b; k++) {
      const o = (k - a) * L;
      const me = this.vec(words[k]);
      const l1 = k > a ? this.vec(words[k - 1]) : this.edge;
      const r1 = k + 1 < b ? this.vec(words[k + 1]) : this.edge;
      const l2 = k > a + 1 ? this.vec(words[k - 2]) : this.edge;
      const r2 = k + 2 < b ? this.vec(words[k + 2]) : this.edge;
      const sv = this.shapeVec(shapeTriple(x, k, a, b));
      for (let y = 0; y < L; y++) out[o + y] = me[SELF + y] + l1[AS_L1 + y] + r1[AS_R1 + y] + l2[AS_L2 + y] + r2[AS_R2 + y] + sv[y];
      // one word, one shape most of the time (always in Arabic): keep its row
      const w = words[k];
      const sh = x.shape[k];
      if (w.shapeSeen !== sh) {
        w.shapeSeen = sh;
        w.shapeRow = this.model.index[wordShapeFeature(w, sh) & this.model.mask];
      }
      const r = w.shapeRow!;
      if (r >= 0) for (let y = 0; y < L; y++) out[o + y] += this.model.weights[r + y];
      this.add(this.scratch, tokenFeatures(x, k, a, b, caps, this.scratch), out, o);
    }
  }
}
