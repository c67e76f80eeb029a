// Linear-chain decoding over BIO labels: Viterbi (best path) and forward-backward in the
// probability domain with per-position scaling (exact span probabilities). Scores are
// emission[k * L + y] plus trans[(a + 1) * L + b] (row 0: sentence start). Invalid moves
// (I-X not after B-X/I-X) are never taken.
import { allowed, NUM_LABELS as L } from './labels.js';

/** Transition scores with invalid moves at -Infinity, (L + 1) x L (row 0 = start). */
export function constrain(trans: Float64Array | Float32Array): Float64Array {
  const out = new Float64Array((L + 1) * L);
  for (let a = -1; a < L; a++) for (let b = 0; b < L; b++) out[(a + 1) * L + b] = allowed(a, b) ? trans[(a + 1) * L + b] : -Infinity;
  return out;
}

/** For each label: the labels that may precede it (an I-X only after B-X or I-X). */
const PRED: Int8Array[] = [];
for (let b = 0; b < L; b++) {
  const list: number[] = [];
  for (let a = 0; a < L; a++) if (allowed(a, b)) list.push(a);
  PRED.push(Int8Array.from(list));
}

/** For each label: the labels that may follow it. */
const SUCC: Int8Array[] = [];
for (let a = 0; a < L; a++) {
  const list: number[] = [];
  for (let b = 0; b < L; b++) if (allowed(a, b)) list.push(b);
  SUCC.push(Int8Array.from(list));
}

let vPrev = new Float64Array(L);
let vCur = new Float64Array(L);

/** Best label path of positions [0, n) into `out` (back-pointers in `back`, n * L). */
export function viterbi(emit: Float64Array, n: number, trans: Float64Array, out: Uint8Array | Int32Array, back: Uint8Array): void {
  if (n === 0) return;
  let prev = vPrev;
  let cur = vCur;
  for (let y = 0; y < L; y++) prev[y] = trans[y] + emit[y];
  for (let k = 1; k < n; k++) {
    for (let y = 0; y < L; y++) {
      const pred = PRED[y];
      let arg = pred[0];
      let best = prev[arg] + trans[(arg + 1) * L + y];
      for (let i = 1; i < pred.length; i++) {
        const a = pred[i];
        const s = prev[a] + trans[(a + 1) * L + y];
        if (s > best) {
          best = s;
          arg = a;
        }
      }
      cur[y] = best + emit[k * L + y];
      back[k * L + y] = arg;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  vPrev = prev;
  vCur = cur;
  let arg = 0;
  for (let y = 1; y < L; y++) if (prev[y] > prev[arg]) arg = y;
  out[n - 1] = arg;
  for (let k = n - 1; k > 0; k--) out[k - 1] = back[k * L + out[k]];
}

export interface Lattice {
  /** exp(emission / temperature) per position, normalised by its row max. */
  e: Float64Array;
  /** exp(transition / temperature). */
  t: Float64Array;
  /** Scaled forward and backward values and the scale factors. */
  alpha: Float64Array;
  beta: Float64Array;
  c: Float64Array;
  /** Scratch row (L). */
  tmp: Float64Array;
}

function expRows(emit: Float64Array, n: number, temp: number, e: Float64Array): void {
  for (let k = 0; k < n; k++) {
    let max = -Infinity;
    for (let y = 0; y < L; y++) if (emit[k * L + y] > max) max = emit[k * L + y];
    for (let y = 0; y < L; y++) e[k * L + y] = Math.exp((emit[k * L + y] - max) / temp);
  }
}

/** Forward-backward over positions [0, n): fills the lattice (its arrays hold at least n * L). */
export function forwardBackward(emit: Float64Array, n: number, trans: Float64Array, temp: number, lat: Lattice): void {
  const { e, t, alpha, beta, c, tmp } = lat;
  expRows(emit, n, temp, e);
  let sum = 0;
  for (let y = 0; y < L; y++) sum += alpha[y] = t[y] * e[y];
  c[0] = sum > 0 ? sum : 1;
  for (let y = 0; y < L; y++) alpha[y] /= c[0];
  for (let k = 1; k < n; k++) {
    sum = 0;
    const o = k * L;
    const p = o - L;
    for (let y = 0; y < L; y++) {
      const pred = PRED[y];
      let s = 0;
      for (let i = 0; i < pred.length; i++) s += alpha[p + pred[i]] * t[(pred[i] + 1) * L + y];
      s *= e[o + y];
      alpha[o + y] = s;
      sum += s;
    }
    const inv = 1 / (c[k] = sum > 0 ? sum : 1);
    for (let y = 0; y < L; y++) alpha[o + y] *= inv;
  }
  for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 1;
  for (let k = n - 2; k >= 0; k--) {
    const o = k * L;
    const q = o + L;
    const inv = 1 / c[k + 1];
    for (let y = 0; y < L; y++) tmp[y] = e[q + y] * beta[q + y] * inv;
    for (let a = 0; a < L; a++) {
      let s = 0;
      const row = (a + 1) * L;
      const succ = SUCC[a];
      for (let i = 0; i < succ.length; i++) s += t[row + succ[i]] * tmp[succ[i]];
      beta[o + a] = s;
    }
  }
}

/** Marginal probability that position k has label y. */
export function marginal(lat: Lattice, k: number, y: number): number {
  return lat.alpha[k * L + y] * lat.beta[k * L + y];
}

/**
 * Probability that positions [first, last) carry exactly the labels B-X I-X … and that the entity
 * ends there (position `last`, if any, is not I-X). `n` is the sequence length.
 */
export function spanProbability(lat: Lattice, first: number, last: number, begin: number, n: number): number {
  const { e, t, alpha, beta, c } = lat;
  const inside = begin + 1;
  // forward mass of the path up to `last - 1`, in the scaled domain
  let p = alpha[first * L + begin];
  let y = begin;
  for (let k = first + 1; k < last; k++) {
    p *= (t[(y + 1) * L + inside] * e[k * L + inside]) / c[k];
    y = inside;
  }
  const whole = p * beta[(last - 1) * L + y];
  if (last >= n) return Math.min(1, Math.max(0, whole));
  const goesOn = (p * t[(y + 1) * L + inside] * e[last * L + inside] * beta[last * L + inside]) / c[last];
  return Math.min(1, Math.max(0, whole - goesOn));
}
