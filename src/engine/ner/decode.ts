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

// The unrolled loops below spell out L = 7: O, then B and I of PER, LOC, ORG (labels.ts).
if (L !== 7) throw new Error('decode.ts is written for 7 labels');

/**
 * Best label path of positions [0, n) into `out` (back-pointers in `back`, n * L). Unrolled over
 * the BIO structure (an I-X only after B-X or I-X): 34 moves a position instead of 49, no
 * index arithmetic; ties go to the lower label.
 */
export function viterbi(emit: Float64Array, n: number, trans: Float64Array, out: Uint8Array | Int32Array, back: Uint8Array): void {
  if (n === 0) return;
  const s00 = trans[7], s01 = trans[8], s03 = trans[10], s05 = trans[12], s10 = trans[14], s11 = trans[15], s12 = trans[16];
  const s13 = trans[17], s15 = trans[19], s20 = trans[21], s21 = trans[22], s22 = trans[23], s23 = trans[24], s25 = trans[26];
  const s30 = trans[28], s31 = trans[29], s33 = trans[31], s34 = trans[32], s35 = trans[33], s40 = trans[35], s41 = trans[36];
  const s43 = trans[38], s44 = trans[39], s45 = trans[40], s50 = trans[42], s51 = trans[43], s53 = trans[45], s55 = trans[47];
  const s56 = trans[48], s60 = trans[49], s61 = trans[50], s63 = trans[52], s65 = trans[54], s66 = trans[55];
  let v0 = trans[0] + emit[0], v1 = trans[1] + emit[1], v2 = trans[2] + emit[2], v3 = trans[3] + emit[3], v4 = trans[4] + emit[4], v5 = trans[5] + emit[5], v6 = trans[6] + emit[6];
  for (let k = 1; k < n; k++) {
    const o = k * L;
    let b0 = v0 + s00, a0 = 0;
    if (v1 + s10 > b0) (b0 = v1 + s10), (a0 = 1);
    if (v2 + s20 > b0) (b0 = v2 + s20), (a0 = 2);
    if (v3 + s30 > b0) (b0 = v3 + s30), (a0 = 3);
    if (v4 + s40 > b0) (b0 = v4 + s40), (a0 = 4);
    if (v5 + s50 > b0) (b0 = v5 + s50), (a0 = 5);
    if (v6 + s60 > b0) (b0 = v6 + s60), (a0 = 6);
    let b1 = v0 + s01, a1 = 0;
    if (v1 + s11 > b1) (b1 = v1 + s11), (a1 = 1);
    if (v2 + s21 > b1) (b1 = v2 + s21), (a1 = 2);
    if (v3 + s31 > b1) (b1 = v3 + s31), (a1 = 3);
    if (v4 + s41 > b1) (b1 = v4 + s41), (a1 = 4);
    if (v5 + s51 > b1) (b1 = v5 + s51), (a1 = 5);
    if (v6 + s61 > b1) (b1 = v6 + s61), (a1 = 6);
    let b3 = v0 + s03, a3 = 0;
    if (v1 + s13 > b3) (b3 = v1 + s13), (a3 = 1);
    if (v2 + s23 > b3) (b3 = v2 + s23), (a3 = 2);
    if (v3 + s33 > b3) (b3 = v3 + s33), (a3 = 3);
    if (v4 + s43 > b3) (b3 = v4 + s43), (a3 = 4);
    if (v5 + s53 > b3) (b3 = v5 + s53), (a3 = 5);
    if (v6 + s63 > b3) (b3 = v6 + s63), (a3 = 6);
    let b5 = v0 + s05, a5 = 0;
    if (v1 + s15 > b5) (b5 = v1 + s15), (a5 = 1);
    if (v2 + s25 > b5) (b5 = v2 + s25), (a5 = 2);
    if (v3 + s35 > b5) (b5 = v3 + s35), (a5 = 3);
    if (v4 + s45 > b5) (b5 = v4 + s45), (a5 = 4);
    if (v5 + s55 > b5) (b5 = v5 + s55), (a5 = 5);
    if (v6 + s65 > b5) (b5 = v6 + s65), (a5 = 6);
    const i2 = v2 + s22 > v1 + s12;
    const i4 = v4 + s44 > v3 + s34;
    const i6 = v6 + s66 > v5 + s56;
    back[o] = a0; back[o + 1] = a1; back[o + 3] = a3; back[o + 5] = a5;
    back[o + 2] = i2 ? 2 : 1; back[o + 4] = i4 ? 4 : 3; back[o + 6] = i6 ? 6 : 5;
    const n2 = i2 ? v2 + s22 : v1 + s12, n4 = i4 ? v4 + s44 : v3 + s34, n6 = i6 ? v6 + s66 : v5 + s56;
    v0 = b0 + emit[o]; v1 = b1 + emit[o + 1]; v3 = b3 + emit[o + 3]; v5 = b5 + emit[o + 5];
    v2 = n2 + emit[o + 2]; v4 = n4 + emit[o + 4]; v6 = n6 + emit[o + 6];
  }
  const last = [v0, v1, v2, v3, v4, v5, v6];
  let arg = 0;
  for (let y = 1; y < L; y++) if (last[y] > last[arg]) arg = y;
  out[n - 1] = arg;
  for (let k = n - 1; k > 0; k--) out[k - 1] = back[k * L + out[k]];
}

/** Scaled forward values of positions [1, n) (row 0 and c[0] set by the caller), unrolled as viterbi. */
function forward(e: Float64Array, n: number, t: Float64Array, alpha: Float64Array, c: Float64Array): void {
  const t00 = t[7], t01 = t[8], t03 = t[10], t05 = t[12], t10 = t[14], t11 = t[15], t12 = t[16];
  const t13 = t[17], t15 = t[19], t20 = t[21], t21 = t[22], t22 = t[23], t23 = t[24], t25 = t[26];
  const t30 = t[28], t31 = t[29], t33 = t[31], t34 = t[32], t35 = t[33], t40 = t[35], t41 = t[36];
  const t43 = t[38], t44 = t[39], t45 = t[40], t50 = t[42], t51 = t[43], t53 = t[45], t55 = t[47];
  const t56 = t[48], t60 = t[49], t61 = t[50], t63 = t[52], t65 = t[54], t66 = t[55];
  for (let k = 1; k < n; k++) {
    const o = k * L;
    const p = o - L;
    const p0 = alpha[p], p1 = alpha[p + 1], p2 = alpha[p + 2], p3 = alpha[p + 3], p4 = alpha[p + 4], p5 = alpha[p + 5], p6 = alpha[p + 6];
    const x0 = (p0 * t00 + p1 * t10 + p2 * t20 + p3 * t30 + p4 * t40 + p5 * t50 + p6 * t60) * e[o + 0];
    const x1 = (p0 * t01 + p1 * t11 + p2 * t21 + p3 * t31 + p4 * t41 + p5 * t51 + p6 * t61) * e[o + 1];
    const x2 = (p1 * t12 + p2 * t22) * e[o + 2];
    const x3 = (p0 * t03 + p1 * t13 + p2 * t23 + p3 * t33 + p4 * t43 + p5 * t53 + p6 * t63) * e[o + 3];
    const x4 = (p3 * t34 + p4 * t44) * e[o + 4];
    const x5 = (p0 * t05 + p1 * t15 + p2 * t25 + p3 * t35 + p4 * t45 + p5 * t55 + p6 * t65) * e[o + 5];
    const x6 = (p5 * t56 + p6 * t66) * e[o + 6];
    const sum = x0 + x1 + x2 + x3 + x4 + x5 + x6;
    const inv = 1 / (c[k] = sum > 0 ? sum : 1);
    alpha[o] = x0 * inv; alpha[o + 1] = x1 * inv; alpha[o + 2] = x2 * inv; alpha[o + 3] = x3 * inv;
    alpha[o + 4] = x4 * inv; alpha[o + 5] = x5 * inv; alpha[o + 6] = x6 * inv;
  }
}

/** Backward values of positions [0, n) (scaled by the forward pass's c), unrolled as viterbi. */
function backward(e: Float64Array, n: number, t: Float64Array, beta: Float64Array, c: Float64Array): void {
  const t00 = t[7], t01 = t[8], t03 = t[10], t05 = t[12], t10 = t[14], t11 = t[15], t12 = t[16];
  const t13 = t[17], t15 = t[19], t20 = t[21], t21 = t[22], t22 = t[23], t23 = t[24], t25 = t[26];
  const t30 = t[28], t31 = t[29], t33 = t[31], t34 = t[32], t35 = t[33], t40 = t[35], t41 = t[36];
  const t43 = t[38], t44 = t[39], t45 = t[40], t50 = t[42], t51 = t[43], t53 = t[45], t55 = t[47];
  const t56 = t[48], t60 = t[49], t61 = t[50], t63 = t[52], t65 = t[54], t66 = t[55];
  const z = (n - 1) * L;
  for (let y = 0; y < L; y++) beta[z + y] = 1;
  for (let k = n - 2; k >= 0; k--) {
    const o = k * L;
    const q = o + L;
    const inv = 1 / c[k + 1];
    const q0 = e[q] * beta[q] * inv, q1 = e[q + 1] * beta[q + 1] * inv, q2 = e[q + 2] * beta[q + 2] * inv, q3 = e[q + 3] * beta[q + 3] * inv;
    const q4 = e[q + 4] * beta[q + 4] * inv, q5 = e[q + 5] * beta[q + 5] * inv, q6 = e[q + 6] * beta[q + 6] * inv;
    beta[o + 0] = t00 * q0 + t01 * q1 + t03 * q3 + t05 * q5;
    beta[o + 1] = t10 * q0 + t11 * q1 + t12 * q2 + t13 * q3 + t15 * q5;
    beta[o + 2] = t20 * q0 + t21 * q1 + t22 * q2 + t23 * q3 + t25 * q5;
    beta[o + 3] = t30 * q0 + t31 * q1 + t33 * q3 + t34 * q4 + t35 * q5;
    beta[o + 4] = t40 * q0 + t41 * q1 + t43 * q3 + t44 * q4 + t45 * q5;
    beta[o + 5] = t50 * q0 + t51 * q1 + t53 * q3 + t55 * q5 + t56 * q6;
    beta[o + 6] = t60 * q0 + t61 * q1 + t63 * q3 + t65 * q5 + t66 * q6;
  }
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
  const { e, t, alpha, c, beta } = lat;
  expRows(emit, n, temp, e);
  let sum = 0;
  for (let y = 0; y < L; y++) sum += alpha[y] = t[y] * e[y];
  c[0] = sum > 0 ? sum : 1;
  for (let y = 0; y < L; y++) alpha[y] /= c[0];
  forward(e, n, t, alpha, c);
  backward(e, n, t, beta, c);
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
