// Training one language's tagger (used by `npm run train:ner`, src/cli/train-ner.ts): project
// the corpus onto engine tokens, run the averaged perceptron for a fixed number of epochs in a
// seeded order, pick the epoch and the temperature on a development set, and score the
// held-out fifth with the encoded (quantised, pruned) model exactly as run time loads it.
import type { Compiled } from '../compile.js';
import type { Language } from '../lang/detect.js';
import { featureContext, type FeatureContext } from './context.js';
import { constrain, forwardBackward, marginal, viterbi, type Lattice } from './decode.js';
import { groupDocs, project, type CorpusSentence, type Projected } from './corpus.js';
import { extractFeatures } from './extract.js';
import { NUM_LABELS as L } from './labels.js';
import { denseEmissions, Perceptron, rng, shuffle, type DenseModel, type TrainSentence } from './perceptron.js';
import { count, newCounts, scores, type Counts, type TypeScore } from './score.js';

export interface Item {
  ex: Projected;
  sents: TrainSentence[];
}

/** Projects corpus sentences and computes their features (matches from the compiled automaton). */
export function prepare(c: Compiled, ctx: FeatureContext, corpus: CorpusSentence[], lang: Language, bits: number): { items: Item[]; unaligned: number; tokens: number } {
  const mask = (1 << bits) - 1;
  const items: Item[] = [];
  let unaligned = 0;
  let tokens = 0;
  for (const d of groupDocs(corpus)) {
    const ex = project(d, lang);
    unaligned += ex.unaligned;
    for (const s of d) tokens += s.tokens.length;
    const feats = extractFeatures(ctx, ex.doc, c.trie.matchAll(ex.doc.tokens), mask);
    const sents = ex.doc.sentences.map((sn) => ({ feats, first: sn.first, last: sn.last, gold: ex.gold.subarray(sn.first, sn.last) }));
    items.push({ ex, sents });
  }
  return { items, unaligned, tokens };
}

/** Best labels of an item under dense weights. */
function denseLabels(m: DenseModel, trans: Float64Array, item: Item): Uint8Array {
  const labels = new Uint8Array(item.ex.doc.tokens.length);
  for (const s of item.sents) {
    const n = s.last - s.first;
    const emit = new Float64Array(n * L);
    denseEmissions(m.weights, s, emit);
    const path = new Uint8Array(n);
    viterbi(emit, n, trans, path, new Uint8Array(n * L));
    labels.set(path, s.first);
  }
  return labels;
}

export function evaluateDense(m: DenseModel, items: Item[]): Record<string, TypeScore> {
  const counts: Counts[] = newCounts();
  const trans = constrain(m.transitions);
  for (const it of items) count(counts, it.ex, denseLabels(m, trans, it));
  return scores(counts);
}

function meanF1(s: Record<string, TypeScore>): number {
  return (s.PER.f1 + s.LOC.f1 + s.ORG.f1) / 3;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  seed: number;
  log?: (line: string) => void;
}

/** Trains for `epochs` epochs; with a dev set, returns the averaged weights of the best epoch. */
export function trainPerceptron(train: Item[], dev: Item[] | undefined, o: TrainOptions): { model: DenseModel; epoch: number; devScores?: Record<string, TypeScore> } {
  const p = new Perceptron(o.bits);
  const random = rng(o.seed);
  const sents = train.flatMap((it) => it.sents).filter((s) => s.last > s.first);
  let best: { model: DenseModel; epoch: number; devScores?: Record<string, TypeScore>; f: number } | undefined;
  for (let e = 1; e <= o.epochs; e++) {
    const order = shuffle(sents.length, random);
    let wrong = 0;
    for (let i = 0; i < order.length; i++) if (p.step(sents[order[i]])) wrong++;
    if (!dev && e < o.epochs) {
      o.log?.(`  epoch ${e}: ${wrong} of ${sents.length} sentences mistaken`);
      continue;
    }
    const model = p.averaged();
    const devScores = dev ? evaluateDense(model, dev) : undefined;
    const f = devScores ? meanF1(devScores) : 0;
    o.log?.(`  epoch ${e}: ${wrong} of ${sents.length} sentences mistaken${devScores ? `; dev F1 PER ${devScores.PER.f1} LOC ${devScores.LOC.f1} ORG ${devScores.ORG.f1}` : ''}`);
    if (!best || f > best.f || !dev) best = { model, epoch: e, devScores, f };
  }
  if (!best) throw new Error('no epochs');
  return { model: best.model, epoch: best.epoch, devScores: best.devScores };
}

/** The temperature (from a fixed grid) minimising the dev set's token-level negative log-likelihood. */
export function calibrate(m: DenseModel, dev: Item[]): number {
  const trans = constrain(m.transitions);
  const grid: number[] = [];
  for (let t = 0.25; t <= 64; t *= Math.SQRT2) grid.push(Math.round(t * 1000) / 1000);
  let best = { t: 1, nll: Infinity };
  for (const temp of grid) {
    const et = new Float64Array(trans.length);
    for (let i = 0; i < et.length; i++) et[i] = Math.exp(trans[i] / temp);
    let nll = 0;
    for (const it of dev) {
      for (const s of it.sents) {
        const n = s.last - s.first;
        if (n === 0) continue;
        const emit = new Float64Array(n * L);
        denseEmissions(m.weights, s, emit);
        const lat: Lattice = { e: new Float64Array(n * L), t: et, alpha: new Float64Array(n * L), beta: new Float64Array(n * L), c: new Float64Array(n), tmp: new Float64Array(L) };
        forwardBackward(emit, n, trans, temp, lat);
        for (let k = 0; k < n; k++) nll -= Math.log(Math.max(1e-12, marginal(lat, k, s.gold[k])));
      }
    }
    if (nll < best.nll) best = { t: temp, nll };
  }
  return best.t;
}

export { featureContext };
