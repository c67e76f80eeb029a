// Same output? Runs two builds of the engine over every shared article (with and without the
// publication date, debug on) and reports the articles whose extraction differs.
//   npx tsx test/bench/same-output.ts <distA> <distB> [--show N]
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [a, b] = process.argv.slice(2, 4);
if (!a || !b) {
  console.error('usage: npx tsx test/bench/same-output.ts <distA> <distB> [--show N]');
  process.exit(2);
}
const show = Number(process.argv[process.argv.indexOf('--show') + 1]) || 0;
const shared = fileURLToPath(new URL('../../../shared/articles/', import.meta.url));
if (!existsSync(shared)) {
  console.error(`${shared} not found`);
  process.exit(2);
}
interface Engine { extract(input: { text: string; publishedAt?: string; debug?: boolean }): Record<string, unknown> }
const load = async (dir: string): Promise<Engine> => {
  const root = pathToFileURL(resolve(dir) + '/').href;
  const { createEngine } = await import(`${root}engine/index.js`);
  const { loadKnowledgeBase } = await import(`${root}kb/index.js`);
  return createEngine(loadKnowledgeBase());
};
const [A, B] = [await load(a), await load(b)];
const articles: Array<{ id?: string; text: string; date?: string }> = [];
for (const f of ['ar.jsonl', 'en.jsonl']) for (const l of readFileSync(shared + f, 'utf8').split('\n')) if (l.trim()) articles.push(JSON.parse(l));
articles.push({ id: 'seed', text: readFileSync(shared + 'seed-sochi-2019-ar.txt', 'utf8'), date: '2019-05-15' });
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
