// Same output? Runs two builds of the engine over every shared article (with and without the
// publication date, debug on) and reports the articles whose extraction differs.
//   npx tsx test/bench/same-output.ts <distA> <distB> [--show N]
import { readFileSync } from 'node:fs';
import { loadBuild, sharedArticles, SHARED_ARTICLES } from './builds.js';

const [a, b] = process.argv.slice(2, 4);
if (!a || !b) {
  console.error('usage: npx tsx test/bench/same-output.ts <distA> <distB> [--show N]');
  process.exit(2);
}
const show = Number(process.argv[process.argv.indexOf('--show') + 1]) || 0;
const articles = sharedArticles();
const [A, B] = [await loadBuild(a), await loadBuild(b)];
articles.push({ id: 'seed', text: readFileSync(SHARED_ARTICLES + 'seed-sochi-2019-ar.txt', 'utf8'), date: '2019-05-15' });
const strip = (x: Record<string, unknown>) => JSON.stringify({ ...x, debug: undefined });
let differ = 0;
let shown = 0;
const byPart = new Map<string, number>();
for (const art of articles) {
  for (const publishedAt of [art.date ?? undefined, undefined]) {
    const ra = A.extract({ text: art.text, publishedAt, debug: true });
    const rb = B.extract({ text: art.text, publishedAt, debug: true });
    if (strip(ra) === strip(rb)) continue;
    differ++;
    const parts = ['participants', 'meetings', 'locations', 'resolutions'].filter((k) => JSON.stringify(ra[k]) !== JSON.stringify(rb[k]));
    for (const p of parts) byPart.set(p, (byPart.get(p) ?? 0) + 1);
    if (shown++ < show) console.log(`${art.id ?? '?'} (${publishedAt ? 'dated' : 'undated'}): ${parts.join(', ')}\n  A ${JSON.stringify(parts.map((p) => ra[p]))}\n  B ${JSON.stringify(parts.map((p) => rb[p]))}`);
  }
}
console.log(`${articles.length} articles × 2 (dated, undated): ${differ} extractions differ${differ ? ` (${[...byPart].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
process.exit(differ ? 1 : 0);
