// npm run train: fits the learned scorers on the tuning gold (../shared/eval/dev/*.jsonl) and writes
// src/kb/models/{participants,places,meetings}.json. Deterministic: fixed order, fixed iterations, no
// randomness. The check set is never read. Participants are trained first; the meeting scorer is
// trained on the engine that already uses the participant scorer.
//   npm run train                      (all three, in order)
//   npm run train -- --only places     (refit the named scorers; the others are read from src/kb/models)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, docFor, type Engine } from '../engine/index.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { NEUTRAL, Scorer, type Features, type ModelFile } from '../engine/scorers/model.js';
import { bestThreshold, choiceProbabilities, fitChoice, fitLogistic } from '../engine/scorers/fit.js';
import { labelMeetings, labelParticipants, labelPlaces, type GoldDoc } from '../engine/scorers/labels.js';
import { defaultScorers } from '../engine/scorers/index.js';

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

const logit = (p: number) => Math.log(Math.max(p, 1e-9) / Math.max(1 - p, 1e-9));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Platt scaling: the slope and offset that make σ(a·logit(p) + b) fit the labels (unregularised). */
function platt(probs: number[], ys: number[]): { a: number; b: number } {
  const m = fitLogistic(probs.map((p) => ({ z: logit(p) })), ys, { l2: 0, iterations: 3000, rate: 0.5 });
  return { a: m.weights.z ?? 0, b: m.bias };
}

const logLoss = (p: number[], y: number[]) => -p.reduce((a, pi, i) => a + (y[i] ? Math.log(Math.max(pi, 1e-9)) : Math.log(Math.max(1 - pi, 1e-9))), 0) / Math.max(1, p.length);

function train(kind: 'participants' | 'meetings', engine: Engine, decision: string, calibrate = false): ModelFile {
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
  // confidence that means what it says: the out-of-fold scores, rescaled by a fitted slope and offset
  // (participants only: for meetings it raised the tuning set's calibration error, 0.071 -> 0.092)
  const calibration = calibrate ? platt(best.probs, ys) : undefined;
  const probs = calibration ? best.probs.map((p) => sigmoid(calibration.a * logit(p) + calibration.b)) : best.probs;
  const model: ModelFile = { decision, trainedOn: { files: files.map((f) => `../shared/eval/dev/${f}`), items: ys.length, positives: ys.reduce((a, b) => a + b, 0), date: today }, threshold: 0, bias, weights, ...(calibration ? { calibration } : {}) };
  const t = bestThreshold(probs, ys, gold);
  model.threshold = t.threshold;
  model.fit = { l2: best.l2, crossValidatedLogLoss: Math.round(best.loss * 1e4) / 1e4, crossValidatedF1AtThreshold: Math.round(t.f1 * 1e4) / 1e4, crossValidatedF1KeepAll: Math.round(t.f1KeepAll * 1e4) / 1e4, goldItems: gold, ms: Math.round(performance.now() - t0) };
  writeFileSync(new URL(`${kind}.json`, MODELS), JSON.stringify(model, null, 2) + '\n');
  console.log(`${kind}: ${ys.length} candidates (${model.trainedOn.positives} right) of ${gold} gold; L2 ${best.l2}, out-of-fold log-loss ${best.loss.toFixed(3)}${calibration ? ` (calibrated ${logLoss(probs, ys).toFixed(3)}: a ${calibration.a}, b ${calibration.b})` : ''}; threshold ${t.threshold.toFixed(2)}: out-of-fold F1 ${t.f1KeepAll.toFixed(3)} -> ${t.f1.toFixed(3)}`);
  return model;
}

/** Every meeting's candidate places with their labels (meetings matched to a required gold meeting only). */
interface PlaceGroup { doc: number; xs: Features[]; ys: number[]; goldPlace: boolean; ladderRight: boolean }
function collectPlaces(engine: Engine): PlaceGroup[] {
  const out: PlaceGroup[] = [];
  for (const [di, d] of docs.entries()) {
    const doc = engine.pipeline.run(Object.assign(docFor({ text: d.text, publishedAt: d.publishedAt }), { scorers: engine.scorers }), engine.compiled);
    const cands = doc.ann.features!.places;
    const labels = labelPlaces(d.gold, doc.ann.participants!, doc.ann.meetings!, doc.ann.locations!.items, cands);
    labels.forEach((l, i) => {
      if (!l) return;
      // (the evidence ladder's pick, for comparison: the engine runs with it while the place scorer is neutral)
      const ladder = cands[i].candidates.findIndex((c) => c.id === (doc.ann.meetings![cands[i].meeting].locationIds[0] ?? ''));
      out.push({ doc: di, xs: cands[i].candidates.map((c) => c.x), ys: l.ys, goldPlace: l.goldPlace, ladderRight: ladder >= 0 && l.ys[ladder] === 1 });
    });
  }
  return out;
}

/** Index of each group's right candidate, or -1 (the engine offered no right one). */
const rightOf = (g: PlaceGroup) => g.ys.indexOf(1);

/** Share of meetings whose place comes out right (the gold place, or none where the gold gives none) when each takes its likeliest candidate. */
function placeAccuracy(groups: PlaceGroup[], weights: (g: number) => Record<string, number>): number {
  let ok = 0;
  groups.forEach((g, i) => {
    const p = choiceProbabilities(g.xs, weights(i));
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    if (g.ys[best] === 1) ok++;
  });
  return ok / Math.max(1, groups.length);
}

function trainPlaces(engine: Engine): ModelFile {
  const t0 = performance.now();
  const groups = collectPlaces(engine);
  const learnable = groups.filter((g) => rightOf(g) >= 0);
  const fit = (gs: PlaceGroup[], l2: number) => fitChoice(gs.map((g) => g.xs), gs.map(rightOf), { l2, ...FIT });
  // the regularisation is chosen on out-of-fold choices (5 folds by article)
  let best = { l2: L2_GRID[0], acc: -1 };
  for (const l2 of L2_GRID) {
    const models = [...Array(FOLDS).keys()].map((f) => fit(learnable.filter((g) => g.doc % FOLDS !== f), l2));
    const acc = placeAccuracy(groups, (i) => models[groups[i].doc % FOLDS]);
    if (acc > best.acc + 1e-9) best = { l2, acc };
  }
  const weights = fit(learnable, best.l2);
  const ys = groups.flatMap((g) => g.ys);
  const model: ModelFile = {
    decision: 'Where a meeting took place: the likeliest of its candidate places (of its sentences, the three before, the two after, the dateline) or "none" (a conditional logit over the group).',
    trainedOn: { files: files.map((f) => `../shared/eval/dev/${f}`), items: ys.length, positives: ys.reduce((a, b) => a + b, 0), date: today },
    threshold: 0,
    bias: 0,
    weights,
    fit: { l2: best.l2, crossValidatedPlaceAccuracy: Math.round(best.acc * 1e4) / 1e4, evidenceLadderAccuracy: Math.round((groups.filter((g) => g.ladderRight).length / Math.max(1, groups.length)) * 1e4) / 1e4, meetings: groups.length, meetingsWithARightCandidate: learnable.length, ms: Math.round(performance.now() - t0) },
  };
  writeFileSync(new URL('places.json', MODELS), JSON.stringify(model, null, 2) + '\n');
  const ladder = groups.filter((g) => g.ladderRight).length / Math.max(1, groups.length);
  console.log(`places: ${groups.length} meetings (${learnable.length} with a right candidate), ${ys.length} candidates; L2 ${best.l2}: out-of-fold accuracy ${best.acc.toFixed(3)}, in-sample ${placeAccuracy(groups, () => weights).toFixed(3)} (the evidence ladder: ${ladder.toFixed(3)})`);
  return model;
}

const KINDS = ['participants', 'places', 'meetings'] as const;
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : [...KINDS];
for (const k of only) if (!(KINDS as readonly string[]).includes(k)) {
  console.error(`npm run train: --only takes a comma-separated list of ${KINDS.join(', ')} (got "${k}")`);
  process.exit(2);
}
const committed = defaultScorers();
const participants = only.includes('participants') ? new Scorer(train('participants', createEngine(kb, { scorers: { participants: NEUTRAL, meetings: NEUTRAL, places: NEUTRAL } }), 'Whether a person found in the text is a participant of the story (a real, named person the gold lists).', true)) : committed.participants;
const places = only.includes('places') ? new Scorer(trainPlaces(createEngine(kb, { scorers: { participants, meetings: NEUTRAL, places: NEUTRAL } }))) : committed.places;
if (only.includes('meetings')) train('meetings', createEngine(kb, { scorers: { participants, meetings: NEUTRAL, places } }), 'Whether a meeting found in the text is an encounter the gold lists (matching at least two of its people).');
