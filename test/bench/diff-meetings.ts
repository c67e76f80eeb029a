// Lists the shared articles whose meetings or participants differ between two engine builds, one line per build
// with each meeting as type/status [people] @places date — to explain every difference a change makes.
//   npx tsx test/bench/diff-meetings.ts <distA> <distB>
import { loadBuild, sharedArticles } from './builds.js';

const [A, B] = [await loadBuild(process.argv[2]), await loadBuild(process.argv[3])];
const arts: any[] = sharedArticles();
const show = (r: any) => r.meetings.map((m: any) => `${m.type}/${m.status} [${m.participantIds.map((id: string) => r.participants.find((p: any) => p.id === id)?.name).join(', ')}] @${m.locationIds.map((id: string) => r.locations.find((l: any) => l.id === id)?.name).join('+')} ${m.date?.value ?? ''}`).join(' | ');
for (const a of arts) for (const d of [a.date, undefined]) {
  const ra = A.extract({ text: a.text, publishedAt: d }); const rb = B.extract({ text: a.text, publishedAt: d });
  if (JSON.stringify(ra.meetings) === JSON.stringify(rb.meetings) && JSON.stringify(ra.participants) === JSON.stringify(rb.participants)) continue;
  console.log(a.id, d ? 'dated' : 'undated'); console.log('  A', show(ra)); console.log('  B', show(rb));
}
