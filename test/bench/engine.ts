// Engine benchmark (one thread): every article in ../shared/articles, then scaling with
// article size. Prints articles/s, MB/s, median and p99 per article, and time per KiB.
//   npx tsx test/bench/engine.ts [--rounds 5]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as EngineModule from '../../src/engine/index.js';
import type * as KbModule from '../../src/kb/index.js';

// The compiled engine that `npm start` runs (dist/, built by `npm run bench`), else the sources through tsx
// (tsx wraps every named closure in a helper call, ~3 % slower than what production runs).
const dist = new URL('../../dist/engine/index.js', import.meta.url);
const fromDist = existsSync(fileURLToPath(dist));
const { createEngine } = (await import(fromDist ? dist.href : '../../src/engine/index.js')) as typeof EngineModule;
const { loadKnowledgeBase } = (await import(fromDist ? new URL('../../dist/kb/index.js', import.meta.url).href : '../../src/kb/index.js')) as typeof KbModule;
console.log(`engine from ${fromDist ? 'dist/ (compiled)' : 'src/ (tsx)'}`);

const shared = fileURLToPath(new URL('../../../shared/articles/', import.meta.url));
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
const t0 = performance.now();
const kb = loadKnowledgeBase();
const t1 = performance.now();
const engine = createEngine(kb);
const t2 = performance.now();
console.log(`knowledge base: load ${(t1 - t0).toFixed(0)} ms, compile ${(t2 - t1).toFixed(0)} ms, ${kb.people.length} people, ${kb.places.length} places, ${engine.compiled.trie.size} trie entries`);

interface Article { text: string; date?: string; lang?: string }
const articles: Article[] = [];
if (existsSync(shared)) {
  for (const f of ['ar.jsonl', 'en.jsonl']) {
    for (const line of readFileSync(shared + f, 'utf8').split('\n')) if (line.trim()) articles.push(JSON.parse(line));
  }
} else console.log(`(${shared} absent: corpus benchmark skipped)`);

if (articles.length) {
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
  for (const a of articles) engine.extract({ text: a.text, publishedAt: a.date }); // warm-up
  const per: number[] = [];
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const a of articles) {
      const s = performance.now();
      engine.extract({ text: a.text, publishedAt: a.date });
      per.push(performance.now() - s);
    }
  }
  const total = (performance.now() - start) / 1000;
  per.sort((x, y) => x - y);
  const q = (p: number) => per[Math.min(per.length - 1, Math.floor(p * per.length))];
  const sizes = articles.map((a) => a.text.length).sort((x, y) => x - y);
  console.log(`corpus: ${articles.length} articles (median ${sizes[sizes.length >> 1]} chars), ${rounds} rounds`);
  console.log(`engine throughput: ${((articles.length * rounds) / total).toFixed(0)} articles/s, ${((bytes * rounds) / total / 1e6).toFixed(2)} MB/s, median ${q(0.5).toFixed(3)} ms, p99 ${q(0.99).toFixed(3)} ms per article`);
}

// scaling: time per KiB for growing Arabic text
const seedPath = shared + 'seed-sochi-2019-ar.txt';
const unit = existsSync(seedPath)
  ? readFileSync(seedPath, 'utf8')
  : 'التقى وزير الخارجية الأمريكي مايك بومبيو الرئيس الروسي فلاديمير بوتين في سوتشي أمس، وبحثا القرار 2254 بشأن سوريا.\n';
for (const kib of [1, 16, 256, 1024]) {
  let text = '';
  while (text.length < kib * 1024) text += unit;
  text = text.slice(0, kib * 1024);
  engine.extract({ text, publishedAt: '2019-05-15' });
  const reps = Math.max(2, Math.round(2048 / kib));
  const s = performance.now();
  for (let i = 0; i < reps; i++) engine.extract({ text, publishedAt: '2019-05-15' });
  const ms = (performance.now() - s) / reps;
  console.log(`scaling: ${String(kib).padStart(5)} KiB  ${ms.toFixed(2).padStart(9)} ms  ${(ms / kib).toFixed(4)} ms/KiB`);
}
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
