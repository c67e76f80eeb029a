// Averaged structured perceptron (Collins 2002) over the linear-chain model: decode each
// sentence with the current weights; where the best path differs from the gold one, add the
// gold path's features and subtract the predicted path's. Averaging by the usual timestamp
// trick (w - u / c). Fixed seed and fixed epochs: the same data gives the same weights.
import { constrain, viterbi } from './decode.js';
import type { Features } from './features.js';
import { NUM_LABELS as L } from './labels.js';

export interface TrainSentence {
  feats: Features;
  /** Token range [first, last) within feats. */
  first: number;
  last: number;
  gold: Uint8Array;
}

export interface DenseModel {
  weights: Float64Array;
  transitions: Float64Array;
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle(n: number, random: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/** Emission scores of a sentence under dense weights. */
export function denseEmissions(w: Float64Array, s: TrainSentence, out: Float64Array): void {
  const { offsets, ids } = s.feats;
  for (let k = s.first; k < s.last; k++) {
    const o = (k - s.first) * L;
    for (let y = 0; y < L; y++) out[o + y] = 0;
    for (let i = offsets[k]; i < offsets[k + 1]; i++) {
      const base = ids[i] * L;
      for (let y = 0; y < L; y++) out[o + y] += w[base + y];
    }
  }
}

export class Perceptron {
  readonly w: Float64Array;
  readonly u: Float64Array;
  readonly tw = new Float64Array((L + 1) * L);
  readonly tu = new Float64Array((L + 1) * L);
  c = 1;
  private emit = new Float64Array(0);
  private back = new Uint8Array(0);
  private path = new Uint8Array(0);

  constructor(bits: number) {
    this.w = new Float64Array((1 << bits) * L);
    this.u = new Float64Array((1 << bits) * L);
  }

  private bump(arr: Float64Array, avg: Float64Array, i: number, d: number): void {
    arr[i] += d;
    avg[i] += this.c * d;
  }

  /** One perceptron step on a sentence; returns whether it was mistaken. */
  step(s: TrainSentence): boolean {
    const n = s.last - s.first;
    if (this.emit.length < n * L) {
      this.emit = new Float64Array(n * L * 2);
      this.back = new Uint8Array(n * L * 2);
      this.path = new Uint8Array(n * 2);
    }
    denseEmissions(this.w, s, this.emit);
    const trans = constrain(this.tw);
    viterbi(this.emit, n, trans, this.path, this.back);
    let wrong = false;
    for (let k = 0; k < n; k++) {
      const g = s.gold[k];
      const p = this.path[k];
      const gPrev = k === 0 ? -1 : s.gold[k - 1];
      const pPrev = k === 0 ? -1 : this.path[k - 1];
      if (g !== p) {
        wrong = true;
        const { offsets, ids } = s.feats;
        for (let i = offsets[s.first + k]; i < offsets[s.first + k + 1]; i++) {
          this.bump(this.w, this.u, ids[i] * L + g, 1);
          this.bump(this.w, this.u, ids[i] * L + p, -1);
        }
      }
      if (g !== p || gPrev !== pPrev) {
        this.bump(this.tw, this.tu, (gPrev + 1) * L + g, 1);
        this.bump(this.tw, this.tu, (pPrev + 1) * L + p, -1);
      }
    }
    this.c++;
    return wrong;
  }

  /** The averaged weights so far. */
  averaged(): DenseModel {
    const weights = new Float64Array(this.w.length);
    for (let i = 0; i < weights.length; i++) weights[i] = this.w[i] - this.u[i] / this.c;
    const transitions = new Float64Array(this.tw.length);
    for (let i = 0; i < transitions.length; i++) transitions[i] = this.tw[i] - this.tu[i] / this.c;
    return { weights, transitions };
  }
}
