// npm run train: fits the learned scorers on the tuning gold (../shared/eval/dev/*.jsonl) and writes
// src/kb/models/{participants,meetings}.json. Deterministic: fixed order, fixed iterations, no
// randomness. The check set is never read. Participants are trained first; the meeting scorer is
// trained on the engine that already uses the participant scorer.
//   npm run train
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, docFor, type Engine } from '../engine/index.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { NEUTRAL, Scorer, type Features, type ModelFile } from '../engine/scorers/model.js';
import { fitLogistic, bestThreshold } from '../engine/scorers/fit.js';
import { labelMeetings, labelParticipants, type GoldDoc } from '../engine/scorers/labels.js';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const devDir = `${shared}eval/dev/`;
if (!existsSync(devDir)) {
  console.error(`npm run train: ${devDir} not found (the tuning gold must sit in ../shared next to this checkout)`);
  process.exit(2);
}
const files = readdirSync(devDir).filter((f) => f.endsWith('.jsonl')).sort();
const articles = new Map<string, { text: string; date?: string }>();
for (const f of readdirSync(`${shared}articles`).filter((x) => x.endsWith('.jsonl')).sort()) {
  for (const l of readFileSync(`${shared}articles/${f}`, 'utf8').split('\n')) if (l.trim()) { const a = JSON.parse(l); articles.set(a.id, a); }
}
const docs: GoldDoc[] = [];
for (const f of files) {
  for (const l of readFileSync(devDir + f, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const g = JSON.parse(l);
    const art = g.text ? g : articles.get(g.ref ?? g.id);
    if (!art?.text) throw new Error(`no text for ${g.id ?? g.ref}`);
    docs.push({ gold: g, text: art.text, publishedAt: g.publishedAt ?? art.date });
  }
}
const kb = loadKnowledgeBase();
const MODELS = new URL('../../src/kb/models/', import.meta.url);
const today = new Date().toISOString().slice(0, 10);

function collect(engine: Engine, kind: 'participants' | 'meetings'): { xs: Features[]; ys: number[]; groups: number[]; gold: number } {
  const xs: Features[] = [];
  const ys: number[] = [];
  const groups: number[] = [];
  let gold = 0;
  for (const [di, d] of docs.entries()) {
    const doc = engine.pipeline.run(Object.assign(docFor({ text: d.text, publishedAt: d.publishedAt }), { scorers: engine.scorers }), engine.compiled);
    const feats = doc.ann.features!;
    const labelled = kind === 'participants' ? labelParticipants(d.gold, doc.ann.participants!) : labelMeetings(d.gold, doc.ann.participants!, doc.ann.meetings!);
    gold += labelled.gold;
    labelled.labels.forEach((y, i) => {
      if (y === null) return;
      const x = (kind === 'participants' ? feats.participants : feats.meetings)[i];
      if (kind === 'participants' && doc.ann.participants![i].type !== 'person') return;
      xs.push(x);
      ys.push(y);
      groups.push(di % FOLDS);
    });
  }
  return { xs, ys, groups, gold };
}

const FOLDS = 5;
const L2_GRID = [0.01, 0.03, 0.1, 0.3, 1];
const FIT = { iterations: 3000, rate: 0.5 };

/** Out-of-fold probabilities for one regularisation strength (folds by article, so no article is scored by a model that saw it). */
function crossValidated(xs: Features[], ys: number[], groups: number[], l2: number): number[] {
  const out = new Array<number>(xs.length).fill(0.5);
  for (let f = 0; f < FOLDS; f++) {
    const train = xs.flatMap((x, i) => (groups[i] === f ? [] : [i]));
    const m = fitLogistic(train.map((i) => xs[i]), train.map((i) => ys[i]), { l2, ...FIT });
    const s = new Scorer({ ...NEUTRAL.model, bias: m.bias, weights: m.weights });
    xs.forEach((x, i) => {
      if (groups[i] === f) out[i] = s.score(x);
    });
  }
  return out;
}

const logLoss = (p: number[], y: number[]) => -p.reduce((a, pi, i) => a + (y[i] ? Math.log(Math.max(pi, 1e-9)) : Math.log(Math.max(1 - pi, 1e-9))), 0) / Math.max(1, p.length);

function train(kind: 'participants' | 'meetings', engine: Engine, decision: string): ModelFile {
  const t0 = performance.now();
  const { xs, ys, groups, gold } = collect(engine, kind);
  // the regularisation and the threshold are chosen on out-of-fold predictions (5 folds by article)
  let best = { l2: L2_GRID[0], loss: Infinity, probs: [] as number[] };
  for (const l2 of L2_GRID) {
    const probs = crossValidated(xs, ys, groups, l2);
    const loss = logLoss(probs, ys);
    if (loss < best.loss - 1e-9) best = { l2, loss, probs };
  }
  const { bias, weights } = fitLogistic(xs, ys, { l2: best.l2, ...FIT });
  const model: ModelFile = { decision, trainedOn: { files: files.map((f) => `../shared/eval/dev/${f}`), items: ys.length, positives: ys.reduce((a, b) => a + b, 0), date: today }, threshold: 0, bias, weights };
  const t = bestThreshold(best.probs, ys, gold);
  model.threshold = t.threshold;
  model.fit = { l2: best.l2, crossValidatedLogLoss: Math.round(best.loss * 1e4) / 1e4, crossValidatedF1AtThreshold: Math.round(t.f1 * 1e4) / 1e4, crossValidatedF1KeepAll: Math.round(t.f1KeepAll * 1e4) / 1e4, goldItems: gold, ms: Math.round(performance.now() - t0) };
  writeFileSync(new URL(`${kind}.json`, MODELS), JSON.stringify(model, null, 2) + '\n');
  console.log(`${kind}: ${ys.length} candidates (${model.trainedOn.positives} right) of ${gold} gold; L2 ${best.l2}, out-of-fold log-loss ${best.loss.toFixed(3)}; threshold ${t.threshold.toFixed(2)}: out-of-fold F1 ${t.f1KeepAll.toFixed(3)} -> ${t.f1.toFixed(3)}`);
  return model;
}

const participants = train('participants', createEngine(kb, { scorers: { participants: NEUTRAL, meetings: NEUTRAL } }), 'Whether a person found in the text is a participant of the story (a real, named person the gold lists).');
train('meetings', createEngine(kb, { scorers: { participants: new Scorer(participants), meetings: NEUTRAL } }), 'Whether a meeting found in the text is an encounter the gold lists (matching at least two of its people).');
