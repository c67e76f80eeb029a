// The learned scorers' fitting and the committed models: a logistic scorer separates what its
// features separate, the conditional logit (places) learns to pick the right candidate of a group,
// "none" included, and every committed model file loads and names its training data.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choiceProbabilities, fitChoice, fitLogistic } from '../../src/engine/scorers/fit.js';
import { loadScorer, Scorer, type Features } from '../../src/engine/scorers/model.js';
import { choosePlace, NONE } from '../../src/engine/meetings/place-ranker.js';

const FIT = { l2: 0.01, iterations: 2000, rate: 0.5 };

describe('calibration', () => {
  it("a model's Platt scaling rescales its score: σ(a·z + b)", () => {
    const base = { decision: 't', trainedOn: { files: [], items: 0, positives: 0, date: '' }, threshold: 0, bias: 1, weights: { f: 2 } };
    const raw = new Scorer(base);
    const scaled = new Scorer({ ...base, calibration: { a: 1.5, b: -1 } });
    expect(raw.score({ f: 1 })).toBeCloseTo(1 / (1 + Math.exp(-3)), 12);
    expect(scaled.score({ f: 1 })).toBeCloseTo(1 / (1 + Math.exp(-(1.5 * 3 - 1))), 12);
    expect(scaled.score({})).toBeCloseTo(1 / (1 + Math.exp(-(1.5 * 1 - 1))), 12);
  });

  it('the committed participant scorer carries the calibration npm run train fits', () => {
    const m = loadScorer(new URL('../../src/kb/models/participants.json', import.meta.url)).model;
    expect(m.calibration).toBeDefined();
    expect(m.calibration!.a).toBeGreaterThan(0);
  });
});

describe('fitting', () => {
  it('logistic regression weighs a feature that separates the labels', () => {
    const xs: Features[] = [{ a: 1 }, { a: 1 }, { b: 1 }, { b: 1 }];
    const m = fitLogistic(xs, [1, 1, 0, 0], FIT);
    expect(m.weights.a).toBeGreaterThan(0);
    expect(m.weights.b).toBeLessThan(0);
  });

  it('the conditional logit learns which candidate of a group is right, and when "none" is', () => {
    // the locative candidate is right whatever its kind; with no locative in the group, "none" is
    const group = (loc: boolean): Features[] => [{ 'type:city': 1, ...(loc ? { locative: 1 } : {}) }, { 'type:country': 1 }, { none: 1, ...(loc ? {} : { 'none:no-locative': 1 }) }];
    const groups = [group(true), group(false), group(true), group(false)];
    const right = [0, 2, 0, 2];
    const w = fitChoice(groups, right, FIT);
    groups.forEach((g, i) => {
      const p = choiceProbabilities(g, w);
      expect(p.indexOf(Math.max(...p))).toBe(right[i]);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    });
    // the same data gives the same weights (deterministic training)
    expect(fitChoice(groups, right, FIT)).toEqual(w);
  });

  it('choosePlace returns the likeliest place, and nothing when "none" is likeliest', () => {
    const scorer = new Scorer({ decision: 't', trainedOn: { files: [], items: 0, positives: 0, date: '' }, threshold: 0, bias: 0, weights: { locative: 2, none: 1 } });
    expect(choosePlace([{ id: 'l1', x: { locative: 1 } }, { id: NONE, x: { none: 1 } }], scorer)?.id).toBe('l1');
    expect(choosePlace([{ id: 'l1', x: { 'type:city': 1 } }, { id: NONE, x: { none: 1 } }], scorer)).toBeUndefined();
  });
});

describe('committed models', () => {
  const dir = new URL('../../src/kb/models/', import.meta.url);
  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('%s loads and names its training data', (f) => {
    const s = loadScorer(new URL(f, dir));
    expect(s.model.trainedOn.files.length).toBeGreaterThan(0);
    expect(Object.keys(s.model.weights).length).toBeGreaterThan(0);
  });
});
