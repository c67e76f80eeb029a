// Cost of the name tagger on one thread, warm: the seed article (median of many runs), then
// 16 KiB and 1 MiB of Arabic text (the seed repeated), time per KiB, and the seed's cost by
// stage (token facts, emission scores, Viterbi, forward-backward over every sentence). The
// document and the trie matches are built beforehand: the engine builds them anyway; the tagger
// adds the rest. On a shared machine compare builds interleaved, and quote ratios.
//   npx tsx test/bench/ner.ts [--runs 2000]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from '../../src/engine/compile.js';
import { buildDoc } from '../../src/engine/doc.js';
import { forwardBackward, viterbi, type Lattice } from '../../src/engine/ner/decode.js';
import { tokenFacts } from '../../src/engine/ner/extract.js';
import { NUM_LABELS as L } from '../../src/engine/ner/labels.js';
import { Scorer } from '../../src/engine/ner/scorer.js';
import { loadTagger, type Tagger } from '../../src/engine/ner/tagger.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 2000;
const seedPath = fileURLToPath(new URL('../../../shared/articles/seed-sochi-2019-ar.txt', import.meta.url));
const seed = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : 'التقى وزير الخارجية الأمريكي مايك بومبيو الرئيس الروسي فلاديمير بوتين في سوتشي أمس.\n';
const c = compile(loadKnowledgeBase());
const t0 = performance.now();
const ar = loadTagger(c, 'ar');
const en = loadTagger(c, 'en');
console.log(`load both models: ${(performance.now() - t0).toFixed(0)} ms`);
if (!ar || !en) throw new Error('models missing: npm run train:ner');

function median(text: string, n: number): { ms: number; min: number; cpuMs: number; tokens: number } {
  const doc = buildDoc(text, 'ar', '2019-05-14', true, false);
  const matches = c.trie.matchAll(doc.tokens);
  for (let i = 0; i < Math.min(n, 200); i++) ar!.tag(doc, matches); // warm-up
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    ar!.tag(doc, matches);
    times.push(performance.now() - s);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  // on a shared machine wall time includes waiting for a core; user CPU time per run does not
  return { ms: times[times.length >> 1], min: times[0], cpuMs: cpu.user / 1000 / n, tokens: doc.tokens.length };
}

const s = median(seed, runs);
console.log(`seed article (${seed.length} chars, ${s.tokens} tokens): median ${(s.ms * 1000).toFixed(1)} µs, fastest ${(s.min * 1000).toFixed(1)} µs, user CPU ${(s.cpuMs * 1000).toFixed(1)} µs per tag() over ${runs} runs`);
for (const kib of [16, 1024]) {
  let text = '';
  while (text.length < kib * 1024) text += seed + '\n\n';
  const r = median(text, kib > 100 ? 5 : 200);
  console.log(`${kib} KiB (${r.tokens} tokens): median ${r.ms.toFixed(2)} ms, fastest ${r.min.toFixed(2)} ms, user CPU ${r.cpuMs.toFixed(2)} ms; ${((r.min * 1000) / (text.length / 1024)).toFixed(1)} µs per KiB (fastest)`);
}

/** The seed article's cost by stage (fastest block of 200 runs each, stages interleaved). */
function stages(t: Tagger, text: string): void {
  const doc = buildDoc(text, 'ar', '2019-05-14', true, false);
  const matches = c.trie.matchAll(doc.tokens);
  const n = doc.tokens.length;
  const x = tokenFacts(t.ctx, doc, matches);
  const scorer = new Scorer(t.model);
  const emit = new Float64Array(n * L);
  const sents = doc.sentences.map((s) => ({ s, e: emit.subarray(s.first * L, s.last * L), n: s.last - s.first }));
  const path = new Uint8Array(n);
  const back = new Uint8Array(n * L);
  const temp = t.model.header.temperature;
  const et = Float64Array.from(t.trans, (v) => Math.exp(v / temp));
  const lat: Lattice = { e: new Float64Array(n * L), t: et, alpha: new Float64Array(n * L), beta: new Float64Array(n * L), c: new Float64Array(n), tmp: new Float64Array(L) };
  const parts: Record<string, () => void> = {
    'token facts': () => tokenFacts(t.ctx, doc, matches),
    emissions: () => {
      for (const q of sents) scorer.emissions(x, q.s.first, q.s.last, q.e);
    },
    viterbi: () => {
      for (const q of sents) viterbi(q.e, q.n, t.trans, path, back);
    },
    'forward-backward': () => {
      for (const q of sents) forwardBackward(q.e, q.n, t.trans, temp, lat);
    },
    'tag()': () => t.tag(doc, matches),
  };
  const best: Record<string, number> = {};
  for (let round = 0; round < 10; round++) {
    for (const [name, f] of Object.entries(parts)) {
      for (let i = 0; i < 20; i++) f();
      const s = performance.now();
      for (let i = 0; i < 200; i++) f();
      best[name] = Math.min(best[name] ?? Infinity, ((performance.now() - s) / 200) * 1000);
    }
  }
  console.log(`seed article by stage (fastest of 10 blocks of 200): ${Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(1)} µs`).join(', ')}`);
}
stages(ar, seed);
