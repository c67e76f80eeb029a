// Small helpers of the person components: countries of demonym and place hits, the lexicon entry
// of a title, roles (merging, office, display title), and name keys.
import type { Compiled } from '../compile.js';
import type { Doc } from '../doc.js';
import type { Hit } from '../entities/lexicons.js';
import { activeRoles } from '../entities/roles.js';
import type { Token } from '../text/tokenize.js';
import { normalizeString } from '../text/normalize.js';
import type { LexiconEntry, Person } from '../../kb/schema.js';
import type { Entity, TextRole } from './types.js';

export function countryOf(h: Hit): string | undefined {
  for (const p of h.payloads) if (p.kind === 'demonym') return p.country;
  return undefined;
}

export function placeCountry(c: Compiled, h: Hit): string | undefined {
  for (const p of h.payloads) if (p.kind === 'place' && c.places[p.place].country) return c.places[p.place].country;
  return undefined;
}

/** «الأمير» (Prince) and «أمير» (Emir) share a key once the article is split off: pick by the article. */
export function titleEntry(h: Hit, t: Token): LexiconEntry {
  const entries = h.payloads.flatMap((p) => (p.kind === 'lex' ? [p.entry] : []));
  if (entries.length > 1 && t.script === 'ar') {
    const article = t.norm.slice(h.prefix).startsWith('ال') || t.norm.slice(h.prefix).startsWith('ل');
    const fit = entries.find((e) => e.phrases.some((ph) => normalizeString(ph).startsWith('ال') === article));
    if (fit) return fit;
  }
  return entries[0];
}

/** Adds a role to a list; «الملك» and «خادم الحرمين الشريفين» (King of Saudi Arabia) are one role: keep the more specific. */
export function addRoleTo(roles: TextRole[], r: TextRole): void {
  const same = roles.findIndex((x) => x.office === r.office && (x.country === r.country || !x.country || !r.country) && (x.organization === r.organization || !x.organization || !r.organization));
  if (same < 0) roles.push({ ...r });
  else if ((!roles[same].country && r.country) || (!roles[same].organization && r.organization)) roles[same] = { ...r };
}

export function addRole(e: Entity, r: TextRole): void {
  addRoleTo(e.textRoles, r);
}

/** The office an entity holds: its first strong role from the text, else its knowledge-base role on the date. */
export function officeOf(c: Compiled, textRoles: TextRole[], kb: number | undefined, date: string): string | undefined {
  const strong = textRoles.find((r) => r.office !== 'official' && !r.former);
  if (strong) return strong.office;
  if (kb !== undefined) {
    const r = activeRoles(c.people[kb], date).find((x) => x.office !== 'official');
    if (r) return r.office;
  }
  return undefined;
}

const OFFICE_TITLES: Record<string, string> = {
  'head-of-state': 'President',
  'head-of-government': 'Prime Minister',
  'foreign-minister': 'Foreign Minister',
  'defence-minister': 'Defence Minister',
  'crown-prince': 'Crown Prince',
  'vice-president': 'Vice President',
  'secretary-general': 'Secretary-General',
  ambassador: 'Ambassador',
  envoy: 'Envoy',
  minister: 'Minister',
};
export function officeTitle(office: string): string {
  return OFFICE_TITLES[office] ?? office;
}

export function nameKey(doc: Doc, first: number, last: number, prefix = 0): string {
  const parts: string[] = [];
  // (the first word without the proclitic the span leaves out: «وماكس بلومنتال» is «ماكس بلومنتال»)
  for (let i = first; i < last; i++) parts.push(doc.tokens[i].reading(i === first ? prefix : 0).key);
  return parts.join(' ');
}

/** Whether the date falls within a person's years in office, give or take (8 years before, 15 after). */
export function nearTenure(p: Person, date: string): boolean {
  const y = Number(date.slice(0, 4));
  return p.roles.some((r) => Number(r.from.slice(0, 4)) - 8 <= y && y <= Number((r.to ?? '9999').slice(0, 4)) + 15);
}
