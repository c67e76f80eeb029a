// A small learned scorer: logistic regression over named features, trained by `npm run train`
// (src/cli/train.ts) on the tuning gold and committed as a JSON file that names its training data.
// `score` gives a probability that the item is right (its confidence); `keep` drops items the
// scorer finds less likely right than the threshold chosen on the tuning set; `reasons` lists the
// features that weighed most, for `debug`.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const ModelFileSchema = z.object({
  /** What the model decides. */
  decision: z.string(),
  /** The training data, its size and when it was trained. */
  trainedOn: z.object({ files: z.array(z.string()), items: z.number().int(), positives: z.number().int(), date: z.string() }),
  /** Keep items scoring at least this (chosen on the tuning set to maximise F1). */
  threshold: z.number().min(0).max(1),
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  /** Platt scaling of the score, fitted on out-of-fold scores of the tuning set: p = σ(a·z + b). */
  calibration: z.object({ a: z.number(), b: z.number() }).optional(),
  /** Figures on the training data (for the record; the check set is measured separately). */
  fit: z.record(z.string(), z.number()).optional(),
});
export type ModelFile = z.infer<typeof ModelFileSchema>;

export type Features = Record<string, number>;

export class Scorer {
  constructor(readonly model: ModelFile) {}

  /** Probability that the item is right. */
  score(x: Features): number {
    let z = this.model.bias;
    for (const k in x) z += (this.model.weights[k] ?? 0) * x[k];
    const c = this.model.calibration;
    if (c) z = c.a * z + c.b;
    return 1 / (1 + Math.exp(-z));
  }

  keep(p: number): boolean {
    return p >= this.model.threshold;
  }

  /** The features that moved the score most, signed ("+place:sentence", "-people:1"). */
  reasons(x: Features, n = 4): string[] {
    const parts: Array<[string, number]> = [];
    for (const k in x) {
      const w = (this.model.weights[k] ?? 0) * x[k];
      if (w !== 0) parts.push([k, w]);
    }
    parts.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1));
    return parts.slice(0, n).map(([k, w]) => `${w > 0 ? '+' : '-'}${k}`);
  }
}

export function loadScorer(file: URL): Scorer {
  return new Scorer(ModelFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
}

/** A scorer that keeps everything and scores 0.5: what `npm run train` runs the engine with to see every candidate. */
export const NEUTRAL: Scorer = new Scorer({ decision: 'neutral', trainedOn: { files: [], items: 0, positives: 0, date: '' }, threshold: 0, bias: 0, weights: {} });
