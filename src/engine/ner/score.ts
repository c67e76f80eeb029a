// Entity-level precision, recall and F1 per type on corpus tokens: a predicted span is
// right when its corpus token range and type equal a gold entity's (CoNLL convention).
import { ENTITY_TYPES, spansOf } from './labels.js';
import type { Projected } from './corpus.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface TypeScore {
  p: number;
  r: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function newCounts(): Counts[] {
  return ENTITY_TYPES.map(() => ({ tp: 0, fp: 0, fn: 0 }));
}

/** Adds one sentence's predictions (engine-token labels) to the counts. */
export function count(counts: Counts[], ex: Projected, predicted: ArrayLike<number>): void {
  const gold = new Set(ex.entities.map((e) => `${e.type}:${e.first}:${e.last}`));
  const found = new Set<string>();
  for (const sp of spansOf(predicted)) {
    const key = `${sp.type}:${ex.corpusIndex[sp.first]}:${ex.corpusIndex[sp.last - 1] + 1}`;
    if (found.has(key)) continue;
    found.add(key);
    if (gold.has(key)) counts[sp.type].tp++;
    else counts[sp.type].fp++;
  }
  for (const e of ex.entities) if (!found.has(`${e.type}:${e.first}:${e.last}`)) counts[e.type].fn++;
}

export function scores(counts: Counts[]): Record<string, TypeScore> {
  const out: Record<string, TypeScore> = {};
  counts.forEach((c, k) => {
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    const round = (x: number) => Math.round(x * 1000) / 1000;
    out[ENTITY_TYPES[k]] = { p: round(p), r: round(r), f1: round(f1), ...c };
  });
  return out;
}

export function formatScores(lang: string, s: Record<string, TypeScore>): string {
  return Object.entries(s)
    .map(([t, v]) => `${lang} ${t.padEnd(3)}  P ${v.p.toFixed(3)}  R ${v.r.toFixed(3)}  F1 ${v.f1.toFixed(3)}   (tp ${v.tp} fp ${v.fp} fn ${v.fn})`)
    .join('\n');
}
