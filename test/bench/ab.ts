// A/B of two builds of the engine in one process, interleaved, so machine load hits both alike:
//   git worktree add ../base <commit> && (cd ../base && npm ci && npm run build)
//   npm run build && npx tsx test/bench/ab.ts ../base/dist dist [--rounds 8]
// Prints articles/s for each over ../shared/articles and the time ratio B/A (< 1: B is faster).
// AB_KB=<dir> loads the same knowledge-base directory into both (compares engine code alone).
import { loadBuild, sharedArticles, type BuildEngine as Engine } from './builds.js';

const [a, b] = process.argv.slice(2, 4);
if (!a || !b) {
  console.error('usage: npx tsx test/bench/ab.ts <distA> <distB> [--rounds 8]');
  process.exit(2);
}
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 8;
const articles = sharedArticles();
const [A, B] = [await loadBuild(a), await loadBuild(b)];
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
