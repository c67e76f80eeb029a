// The decoder on a tiny hand-made model: Viterbi's exact path, and forward-backward span
// probabilities against brute-force enumeration of every label path.
import { describe, expect, it } from 'vitest';
import { constrain, forwardBackward, marginal, spanProbability, viterbi, type Lattice } from '../../../src/engine/ner/decode.js';
import { allowed, LABELS, NUM_LABELS as L } from '../../../src/engine/ner/labels.js';

const lab = (name: string) => LABELS.indexOf(name as (typeof LABELS)[number]);

function emissions(rows: Array<Record<string, number>>): Float64Array {
  const e = new Float64Array(rows.length * L);
  rows.forEach((r, k) => {
    for (const [name, v] of Object.entries(r)) e[k * L + lab(name)] = v;
  });
  return e;
}

function lattice(n: number, trans: Float64Array, temp: number): Lattice {
  const t = new Float64Array(trans.length);
  for (let i = 0; i < t.length; i++) t[i] = Math.exp(trans[i] / temp);
  return { e: new Float64Array(n * L), t, alpha: new Float64Array(n * L), beta: new Float64Array(n * L), c: new Float64Array(n), tmp: new Float64Array(L) };
}

describe('Viterbi', () => {
  it('finds the exact best path, and never an I-X without its B-X', () => {
    // "met Sergei Lavrov in Moscow": emissions alone would say O I-PER I-PER O B-LOC
    const emit = emissions([{ O: 2 }, { 'I-PER': 3, 'B-PER': 2 }, { 'I-PER': 3 }, { O: 1 }, { 'B-LOC': 2 }]);
    const trans = constrain(new Float64Array((L + 1) * L));
    const path = new Uint8Array(5);
    viterbi(emit, 5, trans, path, new Uint8Array(5 * L));
    expect([...path].map((l) => LABELS[l])).toEqual(['O', 'B-PER', 'I-PER', 'O', 'B-LOC']);
  });

  it('follows transition scores', () => {
    const emit = emissions([{ 'B-LOC': 1, 'B-PER': 1.1 }, { 'I-LOC': 1, 'I-PER': 0.5 }]);
    const raw = new Float64Array((L + 1) * L);
    const path = new Uint8Array(2);
    viterbi(emit, 2, constrain(raw), path, new Uint8Array(2 * L));
    expect([...path].map((l) => LABELS[l])).toEqual(['B-LOC', 'I-LOC']); // 2 > 1.6
    raw[(lab('B-PER') + 1) * L + lab('I-PER')] = 1;
    viterbi(emit, 2, constrain(raw), path, new Uint8Array(2 * L));
    expect([...path].map((l) => LABELS[l])).toEqual(['B-PER', 'I-PER']);
  });
});

describe('forward-backward', () => {
  const n = 3;
  const emit = emissions([{ 'B-PER': 1.5, 'B-LOC': 1 }, { 'I-PER': 1, O: 0.5, 'I-LOC': 0.7 }, { O: 1, 'I-PER': 0.8, 'B-ORG': 0.3 }]);
  const raw = new Float64Array((L + 1) * L);
  raw[(lab('B-PER') + 1) * L + lab('I-PER')] = 0.4;
  raw[lab('O')] = 0.2;
  const trans = constrain(raw);
  const temp = 1.7;
  // brute force: every valid path's weight exp(score / temp)
  const paths: Array<{ labels: number[]; w: number }> = [];
  for (let a = 0; a < L; a++)
    for (let b = 0; b < L; b++)
      for (let c = 0; c < L; c++) {
        const labels = [a, b, c];
        let score = 0;
        let ok = true;
        labels.forEach((y, k) => {
          const prev = k === 0 ? -1 : labels[k - 1];
          if (!allowed(prev, y)) ok = false;
          score += raw[(prev + 1) * L + y] + emit[k * L + y];
        });
        if (ok) paths.push({ labels, w: Math.exp(score / temp) });
      }
  const Z = paths.reduce((s, p) => s + p.w, 0);
  const lat = lattice(n, trans, temp);
  forwardBackward(emit, n, trans, temp, lat);

  it('gives the exact marginals', () => {
    for (let k = 0; k < n; k++) {
      let total = 0;
      for (let y = 0; y < L; y++) {
        const exact = paths.filter((p) => p.labels[k] === y).reduce((s, p) => s + p.w, 0) / Z;
        expect(marginal(lat, k, y)).toBeCloseTo(exact, 10);
        total += marginal(lat, k, y);
      }
      expect(total).toBeCloseTo(1, 10);
    }
  });

  it('gives the exact probability of a span', () => {
    const exact = (first: number, last: number, type: 'PER' | 'LOC') => {
      const B = lab(`B-${type}`);
      const I = lab(`I-${type}`);
      return paths.filter((p) => p.labels[first] === B && p.labels.slice(first + 1, last).every((y) => y === I) && (last >= n || p.labels[last] !== I)).reduce((s, p) => s + p.w, 0) / Z;
    };
    for (const [first, last, type] of [[0, 1, 'PER'], [0, 2, 'PER'], [0, 3, 'PER'], [0, 2, 'LOC'], [1, 3, 'PER']] as const) {
      expect(spanProbability(lat, first, last, lab(`B-${type}`), n)).toBeCloseTo(exact(first, last, type), 10);
    }
  });
});
