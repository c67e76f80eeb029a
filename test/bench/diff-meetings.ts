// Lists the shared articles whose meetings or participants differ between two engine builds, one line per build
// with each meeting as type/status [people] @places date — to explain every difference a change makes.
//   npx tsx test/bench/diff-meetings.ts <distA> <distB>
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const load = async (dir: string) => {
  const root = pathToFileURL(resolve(dir) + '/').href;
  const { createEngine } = await import(`${root}engine/index.js`);
  const { loadKnowledgeBase } = await import(`${root}kb/index.js`);
  return createEngine(loadKnowledgeBase());
};
const [A, B] = [await load(process.argv[2]), await load(process.argv[3])];
const shared = new URL('../../../shared/articles/', import.meta.url).pathname;
const arts: any[] = [];
for (const f of ['ar.jsonl', 'en.jsonl']) for (const l of readFileSync(shared + f, 'utf8').split('\n')) if (l.trim()) arts.push(JSON.parse(l));
const show = (r: any) => r.meetings.map((m: any) => `${m.type}/${m.status} [${m.participantIds.map((id: string) => r.participants.find((p: any) => p.id === id)?.name).join(', ')}] @${m.locationIds.map((id: string) => r.locations.find((l: any) => l.id === id)?.name).join('+')} ${m.date?.value ?? ''}`).join(' | ');
for (const a of arts) for (const d of [a.date, undefined]) {
  const ra = A.extract({ text: a.text, publishedAt: d }); const rb = B.extract({ text: a.text, publishedAt: d });
  if (JSON.stringify(ra.meetings) === JSON.stringify(rb.meetings) && JSON.stringify(ra.participants) === JSON.stringify(rb.participants)) continue;
  console.log(a.id, d ? 'dated' : 'undated'); console.log('  A', show(ra)); console.log('  B', show(rb));
}
