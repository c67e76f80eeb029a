// npm run kb:coverage: how much of the tuning gold's people the knowledge base holds.
// Loads the knowledge base as the server does (loadKnowledgeBase, KB_DIR as extra directory)
// and reads the tuning gold only (../shared/eval/dev/*.jsonl). A gold participant (not
// optional) is held when one of a KB person's names, normalised with normalizeString, equals
// the gold name, one of its aliases or one of its variants, normalised the same way.
// Prints, per language and overall, the share of gold participants held and the share of
// office-holders (gold participants with a `role`) held, then the knowledge base's size.
//   npm run kb:coverage
//   npm run kb:coverage -- --missing     lists the office-holders the KB lacks (tuning gold only)
// The check set is scored, never studied: any argument naming it is refused.
import { loadKnowledgeBase } from '../kb/index.js';
import { heldBy, kbNameSet, readTuningGold, tuningGoldFlags } from './tuning-gold.js';

interface Tally {
  people: number;
  held: number;
  officeHolders: number;
  officeHeld: number;
}

const listMissing = tuningGoldFlags('kb:coverage', process.argv.slice(2), ['--missing']).has('--missing');

const kb = loadKnowledgeBase({ extraDir: process.env.KB_DIR });
const kbNames = kbNameSet(kb);
let roles = 0;
for (const p of kb.people) roles += p.roles.length;
const held = (g: Parameters<typeof heldBy>[1]): boolean => heldBy(kbNames, g);
const { files, articles } = readTuningGold('npm run kb:coverage');

const tallies = new Map<string, Tally>();
const missing: string[] = [];
for (const a of articles) {
  const t = tallies.get(a.lang) ?? { people: 0, held: 0, officeHolders: 0, officeHeld: 0 };
  tallies.set(a.lang, t);
  for (const g of a.participants ?? []) {
    if (g.optional) continue;
    const h = held(g);
    t.people++;
    if (h) t.held++;
    if (!g.role) continue;
    t.officeHolders++;
    if (h) t.officeHeld++;
    else missing.push(`${a.lang}\t${g.country ?? '--'}\t${g.name}\t${g.role}\t${[...(g.aliases ?? []), ...(g.variants ?? [])].join(' | ')}\t${a.id ?? a.ref}`);
  }
}

const pct = (a: number, b: number): string => (b === 0 ? '   n/a' : `${((100 * a) / b).toFixed(1).padStart(5)} %`);
const row = (label: string, t: Tally): string =>
  `${label.padEnd(8)} participants ${String(t.held).padStart(4)}/${String(t.people).padEnd(4)} ${pct(t.held, t.people)}   office-holders ${String(t.officeHeld).padStart(4)}/${String(t.officeHolders).padEnd(4)} ${pct(t.officeHeld, t.officeHolders)}`;
const all: Tally = { people: 0, held: 0, officeHolders: 0, officeHeld: 0 };
console.log(`knowledge-base coverage of the tuning gold (${files.join(', ')}), non-optional participants`);
for (const [lang, t] of [...tallies.entries()].sort()) {
  console.log(row(lang, t));
  all.people += t.people;
  all.held += t.held;
  all.officeHolders += t.officeHolders;
  all.officeHeld += t.officeHeld;
}
console.log(row('overall', all));
console.log(`knowledge base: ${kb.people.length} people, ${roles} roles, ${kbNames.size} distinct normalised names`);
if (listMissing) {
  console.log(`\nmissing office-holders (${missing.length}): lang, country, name, role, aliases and variants, article`);
  for (const m of missing.sort()) console.log(m);
}
