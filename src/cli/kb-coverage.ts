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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../kb/index.js';
import { normalizeString } from '../engine/text/normalize.js';

interface GoldParticipant {
  name: string;
  aliases?: string[];
  variants?: string[];
  country?: string;
  role?: string;
  optional?: boolean;
}
interface GoldArticle {
  id?: string;
  ref?: string;
  lang: string;
  participants?: GoldParticipant[];
}
interface Tally {
  people: number;
  held: number;
  officeHolders: number;
  officeHeld: number;
}

const argv = process.argv.slice(2);
if (argv.some((a) => /check|sealed/i.test(a))) {
  console.error('npm run kb:coverage reads the tuning gold (../shared/eval/dev) only: the check set is scored, never studied.');
  process.exit(2);
}
const unknown = argv.filter((a) => a !== '--missing');
if (unknown.length > 0) {
  console.error(`npm run kb:coverage: unknown argument ${unknown[0]} (usage: npm run kb:coverage [-- --missing])`);
  process.exit(2);
}
const listMissing = argv.includes('--missing');

const devDir = fileURLToPath(new URL('../../../shared/eval/dev/', import.meta.url));
if (!existsSync(devDir)) {
  console.error(`npm run kb:coverage: ${devDir} not found (the tuning gold lives in ../shared/eval/dev next to this checkout).`);
  process.exit(2);
}

const kb = loadKnowledgeBase({ extraDir: process.env.KB_DIR });
const kbNames = new Set<string>();
let roles = 0;
for (const p of kb.people) {
  roles += p.roles.length;
  for (const n of [...p.names.en, ...p.names.ar, ...(p.names.fr ?? [])]) {
    const k = normalizeString(n).trim();
    if (k) kbNames.add(k);
  }
}

function held(g: GoldParticipant): boolean {
  for (const n of [g.name, ...(g.aliases ?? []), ...(g.variants ?? [])]) if (kbNames.has(normalizeString(n).trim())) return true;
  return false;
}

const tallies = new Map<string, Tally>();
const missing: string[] = [];
const files = readdirSync(devDir).filter((f) => f.endsWith('.jsonl')).sort();
for (const file of files) {
  for (const line of readFileSync(devDir + file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as GoldArticle;
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
