// Fitting the scorers: L2-regularised logistic regression by batch gradient descent (deterministic:
// features in sorted order, fixed iterations), and the threshold that maximises F1 on the data.
import type { Features } from './model.js';

export function fitLogistic(xs: Features[], ys: number[], opt: { l2: number; iterations: number; rate: number }): { bias: number; weights: Record<string, number> } {
  const names = [...new Set(xs.flatMap((x) => Object.keys(x)))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = xs.map((x) => Object.entries(x).map(([k, v]) => [index.get(k)!, v] as [number, number]));
  const w = new Float64Array(names.length);
  let b = 0;
  const n = Math.max(1, xs.length);
  for (let it = 0; it < opt.iterations; it++) {
    const g = new Float64Array(names.length);
    let gb = 0;
    for (let i = 0; i < rows.length; i++) {
      let z = b;
      for (const [j, v] of rows[i]) z += w[j] * v;
      const err = 1 / (1 + Math.exp(-z)) - ys[i];
      gb += err;
      for (const [j, v] of rows[i]) g[j] += err * v;
    }
    b -= (opt.rate * gb) / n;
    for (let j = 0; j < w.length; j++) w[j] -= opt.rate * (g[j] / n + opt.l2 * w[j]);
  }
  const weights: Record<string, number> = {};
  names.forEach((k, j) => {
    if (Math.abs(w[j]) >= 1e-4) weights[k] = Math.round(w[j] * 1e4) / 1e4;
  });
  return { bias: Math.round(b * 1e4) / 1e4, weights };
}

/** The threshold (0 … 0.7, step 0.01) that maximises F1, with `gold` required items in all. */
export function bestThreshold(probs: number[], ys: number[], gold: number): { threshold: number; f1: number; f1KeepAll: number } {
  const f1At = (t: number) => {
    let tp = 0;
    let fp = 0;
    probs.forEach((p, i) => {
      if (p < t) return;
      if (ys[i]) tp++;
      else fp++;
    });
    const fn = gold - tp;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  };
  let best = { threshold: 0, f1: f1At(0) };
  for (let k = 1; k <= 70; k++) {
    const t = k / 100;
    const f = f1At(t);
    if (f > best.f1 + 1e-9) best = { threshold: t, f1: f };
  }
  return { ...best, f1KeepAll: f1At(0) };
}

/**
 * A conditional logit (softmax over the candidates of each group) by batch gradient descent: the
 * weights that make each group's right candidate (`right[g]`, an index into `groups[g]`) the most
 * likely one. For choices among candidates (which place), where a logistic scorer would weigh each
 * candidate on its own. Deterministic, as fitLogistic.
 */
export function fitChoice(groups: Features[][], right: number[], opt: { l2: number; iterations: number; rate: number }): Record<string, number> {
  const names = [...new Set(groups.flatMap((g) => g.flatMap((x) => Object.keys(x))))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = groups.map((g) => g.map((x) => Object.entries(x).map(([k, v]) => [index.get(k)!, v] as [number, number])));
  const w = new Float64Array(names.length);
  const n = Math.max(1, groups.length);
  for (let it = 0; it < opt.iterations; it++) {
    const grad = new Float64Array(names.length);
    for (let gi = 0; gi < rows.length; gi++) {
      const zs = rows[gi].map((r) => r.reduce((z, [j, v]) => z + w[j] * v, 0));
      const max = Math.max(...zs);
      const es = zs.map((z) => Math.exp(z - max));
      const sum = es.reduce((a, b) => a + b, 0);
      rows[gi].forEach((r, k) => {
        const err = es[k] / sum - (k === right[gi] ? 1 : 0);
        for (const [j, v] of r) grad[j] += err * v;
      });
    }
    for (let j = 0; j < w.length; j++) w[j] -= opt.rate * (grad[j] / n + opt.l2 * w[j]);
  }
  const weights: Record<string, number> = {};
  names.forEach((k, j) => {
    if (Math.abs(w[j]) >= 1e-4) weights[k] = Math.round(w[j] * 1e4) / 1e4;
  });
  return weights;
}

/** Each candidate's probability under a conditional logit's weights (softmax over the group). */
export function choiceProbabilities(group: readonly Features[], weights: Record<string, number>): number[] {
  const zs = group.map((x) => Object.entries(x).reduce((z, [k, v]) => z + (weights[k] ?? 0) * v, 0));
  const max = Math.max(...zs);
  const es = zs.map((z) => Math.exp(z - max));
  const sum = es.reduce((a, b) => a + b, 0);
  return es.map((e) => e / sum);
}
