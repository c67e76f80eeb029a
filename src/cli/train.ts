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

function collect(engine: Engine, kind: 'participants' | 'meetings'): { xs: Features[]; ys: number[]; gold: number } {
  const xs: Features[] = [];
  const ys: number[] = [];
  let gold = 0;
  for (const d of docs) {
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
    });
  }
  return { xs, ys, gold };
}

function train(kind: 'participants' | 'meetings', engine: Engine, decision: string): ModelFile {
  const t0 = performance.now();
  const { xs, ys, gold } = collect(engine, kind);
  const { bias, weights } = fitLogistic(xs, ys, { l2: 0.05, iterations: 3000, rate: 0.5 });
  const model: ModelFile = { decision, trainedOn: { files: files.map((f) => `../shared/eval/dev/${f}`), items: ys.length, positives: ys.reduce((a, b) => a + b, 0), date: today }, threshold: 0, bias, weights };
  const scorer = new Scorer(model);
  const probs = xs.map((x) => scorer.score(x));
  const t = bestThreshold(probs, ys, gold);
  model.threshold = t.threshold;
  model.fit = { f1AtThreshold: t.f1, f1KeepAll: t.f1KeepAll, goldItems: gold, ms: Math.round(performance.now() - t0) };
  writeFileSync(new URL(`${kind}.json`, MODELS), JSON.stringify(model, null, 2) + '\n');
  console.log(`${kind}: ${ys.length} candidates (${model.trainedOn.positives} right) of ${gold} gold; threshold ${t.threshold.toFixed(2)}: F1 ${t.f1KeepAll.toFixed(3)} -> ${t.f1.toFixed(3)} on the tuning set`);
  return model;
}

const participants = train('participants', createEngine(kb, { scorers: { participants: NEUTRAL, meetings: NEUTRAL } }), 'Whether a person found in the text is a participant of the story (a real, named person the gold lists).');
train('meetings', createEngine(kb, { scorers: { participants: new Scorer(participants), meetings: NEUTRAL } }), 'Whether a meeting found in the text is an encounter the gold lists (matching at least two of its people).');
