// What the name tagger component costs in the engine: the default pipeline against
// TAGGER_PIPELINE (the same with component "ner"), two engines of one build in one process,
// interleaved over ../shared/articles (machine load hits both alike), and the models' load time.
//   npm run build && npx tsx test/bench/ner-ab.ts [--rounds 8]
import { sharedArticles } from './builds.js';

type EngineModule = typeof import('../../src/engine/index.js');
const dist = new URL('../../dist/', import.meta.url).href;
const { createEngine, DEFAULT_PIPELINE, TAGGER_PIPELINE } = (await import(`${dist}engine/index.js`)) as EngineModule;
const { compile } = (await import(`${dist}engine/compile.js`)) as typeof import('../../src/engine/compile.js');
const { loadTaggers } = (await import(`${dist}engine/ner/component.js`)) as typeof import('../../src/engine/ner/component.js');
const { loadKnowledgeBase } = (await import(`${dist}kb/index.js`)) as typeof import('../../src/kb/index.js');
type Engine = ReturnType<EngineModule['createEngine']>;

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 8;
const articles = sharedArticles();
const kb = loadKnowledgeBase();
const t0 = performance.now();
loadTaggers(compile(kb));
console.log(`tagger models (ar, en) loaded in ${(performance.now() - t0).toFixed(0)} ms`);
const A = createEngine(kb, { pipeline: DEFAULT_PIPELINE });
const B = createEngine(kb, { pipeline: TAGGER_PIPELINE });
const run = (e: Engine) => {
  const s = performance.now();
  for (const x of articles) e.extract({ text: x.text, publishedAt: x.date ?? undefined });
  return performance.now() - s;
};
run(A);
run(B);
let ta = 0;
let tb = 0;
for (let r = 0; r < rounds; r++) {
  ta += run(A);
  tb += run(B);
}
const rate = (t: number) => ((articles.length * rounds) / t) * 1000;
console.log(`default pipeline: ${rate(ta).toFixed(0)} articles/s   with "ner": ${rate(tb).toFixed(0)} articles/s   time ${(tb / ta).toFixed(3)}x`);
