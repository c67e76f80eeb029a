// npm run eval:romanise: how often the romaniser gives the English press name of an Arabic-named
// person the knowledge base does not hold. Reads the tuning gold only (../shared/eval/dev): for each
// non-optional participant of an Arabic article that the knowledge base lacks (each person once), every Arabic-script
// alias or variant is romanised (src/engine/names/romanise.ts) and counts as a match when it equals
// the gold English name or one of its Latin-script variants, compared case-blind with hyphens as
// spaces ("al-Jubeir" = "Al Jubeir"). A person matches when any of their Arabic names does.
//   npm run eval:romanise
//   npm run eval:romanise -- --misses     lists each person's romanisations beside the gold names
import { loadKnowledgeBase } from '../kb/index.js';
import { compile } from '../engine/compile.js';
import { romaniser } from '../engine/names/romanise.js';
import { hasArabicLetter } from '../engine/names/letters.js';
import { heldBy, kbNameSet, readTuningGold, tuningGoldFlags, type GoldParticipant } from './tuning-gold.js';

const flags = tuningGoldFlags('eval:romanise', process.argv.slice(2), ['--misses']);

const comparable = (s: string): string => s.toLowerCase().replace(/[-‐‑'’`]/g, ' ').replace(/\s+/g, ' ').trim();

const kb = loadKnowledgeBase({ extraDir: process.env.KB_DIR });
const kbNames = kbNameSet(kb);
const r = romaniser(compile(kb));
const { articles } = readTuningGold('npm run eval:romanise');

function verdict(g: GoldParticipant): { ok: boolean; tried: string[]; latin: string[] } {
  const all = [g.name, ...(g.aliases ?? []), ...(g.variants ?? [])];
  const latin = all.filter((n) => !hasArabicLetter(n));
  const want = new Set(latin.map(comparable));
  const tried = all.filter(hasArabicLetter).map((n) => r.romanise(n) ?? '');
  return { ok: tried.some((t) => want.has(comparable(t))), tried, latin };
}

let persons = 0;
let matched = 0;
const misses: string[] = [];
const seen = new Set<string>(); // a person counts once, however many articles name them
for (const a of articles) {
  if (a.lang !== 'ar') continue;
  for (const g of a.participants ?? []) {
    if (g.optional || heldBy(kbNames, g)) continue;
    const v = verdict(g);
    if (v.tried.length === 0 || seen.has(comparable(g.name))) continue;
    seen.add(comparable(g.name));
    persons++;
    if (v.ok) matched++;
    else misses.push(`${v.tried.join(' | ')}\t<- gold: ${v.latin.join(' | ')}`);
  }
}
const share = persons === 0 ? 0 : matched / persons;
console.log(`romanised names of Arabic-named persons the knowledge base lacks (tuning gold): ${matched}/${persons} match the gold English name or a variant (${(100 * share).toFixed(1)} %; target ≥ 60 %)`);
if (flags.has('--misses')) for (const m of misses.sort()) console.log(m);
