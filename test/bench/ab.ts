// A/B of two builds of the engine in one process, interleaved, so machine load hits both alike:
//   git worktree add ../base <commit> && (cd ../base && npm ci && npm run build)
//   npm run build && npx tsx test/bench/ab.ts ../base/dist dist [--rounds 8]
// Prints articles/s for each over ../shared/articles and the time ratio B/A (< 1: B is faster).
// AB_KB=<dir> loads the same knowledge-base directory into both (compares engine code alone).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [a, b] = process.argv.slice(2, 4);
if (!a || !b) {
  console.error('usage: npx tsx test/bench/ab.ts <distA> <distB> [--rounds 8]');
  process.exit(2);
}
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 8;
const shared = fileURLToPath(new URL('../../../shared/articles/', import.meta.url));
if (!existsSync(shared)) {
  console.error(`${shared} not found`);
  process.exit(2);
}
interface Engine { extract(input: { text: string; publishedAt?: string }): unknown }
const load = async (dir: string): Promise<Engine> => {
  const root = pathToFileURL(resolve(dir) + '/').href;
  const { createEngine } = await import(`${root}engine/index.js`);
  const { loadKnowledgeBase } = await import(`${root}kb/index.js`);
  return createEngine(loadKnowledgeBase(process.env.AB_KB ? { baseDir: process.env.AB_KB } : {}));
};
const [A, B] = [await load(a), await load(b)];
const articles: Array<{ text: string; date?: string }> = [];
for (const f of ['ar.jsonl', 'en.jsonl']) for (const l of readFileSync(shared + f, 'utf8').split('\n')) if (l.trim()) articles.push(JSON.parse(l));
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
console.log(`A ${a}: ${rate(ta).toFixed(0)} articles/s   B ${b}: ${rate(tb).toFixed(0)} articles/s   time B/A ${(tb / ta).toFixed(3)}`);
