// Linking a name span to a knowledge-base person: `candidatesFor` lists the people the span may
// name, each with a prior and the evidence behind it (the generator's own link, an alias inside
// the span, a surname fitting the title's office, a possessive, the leading words of a name);
// `link` takes the best. Also the surname look-ups the generators use.
import { activeRoles, pickPerson } from '../entities/roles.js';
import type { PersonContext } from './context.js';
import type { Candidate, TextRole } from './types.js';
import { nearTenure } from './util.js';
import { phraseKeys } from '../match/trie.js';

export interface LinkCandidate {
  person: number;
  prior: number;
  reason: 'generator' | 'alias-in-span' | 'surname-of-officeholder' | 'royal-given-name' | 'possessive' | 'name-prefix' | 'near-spelling';
}

/** The people span `k` may name, best first. */
export function candidatesFor(ctx: PersonContext, k: Candidate, title: TextRole | undefined): LinkCandidate[] {
  if (k.kb !== undefined) return [{ person: k.kb, prior: 0.95, reason: 'generator' }];
  const out: LinkCandidate[] = [];
  const inSpan = k.rule === 'name:longer-than-alias' ? undefined : aliasInSpan(ctx, k);
  if (inSpan !== undefined) out.push({ person: inSpan, prior: 0.9, reason: 'alias-in-span' });
  const royal = byRoyalName(ctx, k, title);
  // (a royal the article names in full whom the knowledge base does not know: no one else either)
  if (royal === null) return out;
  if (royal !== undefined) out.push({ person: royal, prior: 0.8, reason: 'royal-given-name' });
  const surname = bySurname(ctx, k.first, k.last, title);
  if (surname !== undefined) out.push({ person: surname, prior: 0.8, reason: 'surname-of-officeholder' });
  const possessive = byPossessive(ctx, k.first, k.last);
  if (possessive !== undefined) out.push({ person: possessive, prior: 0.7, reason: 'possessive' });
  const prefix = byPrefix(ctx, k.first, k.last);
  if (prefix !== undefined) out.push({ person: prefix, prior: 0.6, reason: 'name-prefix' });
  if (out.length === 0) {
    const near = byNearSpelling(ctx, k.first, k.last);
    if (near !== undefined) out.push({ person: near, prior: 0.6, reason: 'near-spelling' });
  }
  return out;
}

export function link(ctx: PersonContext, k: Candidate, title: TextRole | undefined): number | undefined {
  return candidatesFor(ctx, k, title)[0]?.person;
}

/** A knowledge-base alias inside the span: the whole name, or going on only with a nasab («محمد بن سلمان بن عبدالعزيز»), never the father's after «بن». */
function aliasInSpan(ctx: PersonContext, k: Candidate): number | undefined {
  const { idx, tokens } = ctx;
  for (let i = k.first; i < k.last; i++) {
    const h = idx.at('person', i);
    if (!h || h.last > k.last) continue;
    const rest = h.last < k.last ? tokens[h.last] : undefined;
    if (rest && !(rest.script === 'ar' && ctx.doc.words.nasab.has(rest))) continue;
    if (i > k.first && tokens[i].script === 'latin') continue;
    // «تركي بن محمد بن سلمان»: a known name after «بن» is the father's
    if (i > k.first && ctx.doc.words.nasabLinks.has(tokens[i - 1])) continue;
    if (tokens[i].norm === 'علي' && ctx.parser.isStop(i)) continue; // «على محمود عباس» is not «علي محمود عباس»
    return pickPerson(ctx.c, h.payloads.map((p) => (p.kind === 'person' ? p.person : -1)).filter((x) => x >= 0), ctx.doc.date);
  }
  return undefined;
}

/** A one-word name that is the surname of exactly one known person in office (matching the title, if any). */
export function bySurname(ctx: PersonContext, first: number, last: number, role: TextRole | undefined): number | undefined {
  if (last - first !== 1) return undefined;
  const { c, doc } = ctx;
  const people = c.surnames.get(doc.tokens[first].analyses[0].key);
  if (!people) return undefined;
  const fits = people.filter((i) => {
    const p = c.people[i];
    // «المخلوع صالح», "former President Carter": an office that ended before the article
    const roles = role?.former ? p.roles.filter((r) => r.to && r.to < doc.date && nearTenure(p, doc.date)) : activeRoles(p, doc.date);
    return roles.some((r) => !role || ((role.office === 'official' || r.office === role.office) && (!role.country || r.country === role.country)));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** «المخلوع صالح», "former President Carter": the surname of someone who held that office. */
export function formerHolder(ctx: PersonContext, k: number, role: TextRole): number | undefined {
  return bySurname(ctx, k, k + 1, role);
}

const LEADERS: ReadonlySet<string> = new Set(['head-of-state', 'head-of-government']);

/** A one-word surname of exactly one known person around his years in office, of a country the text names when several fit. */
export function leaderBySurname(ctx: PersonContext, k: number, countries: Set<string>): number | undefined {
  const { c, doc } = ctx;
  const people = c.surnames.get(doc.tokens[k].analyses[0].key);
  if (!people) return undefined;
  let fits = people.filter((i) => nearTenure(c.people[i], doc.date));
  if (fits.length > 1) fits = fits.filter((i) => c.people[i].roles.some((r) => r.country && countries.has(r.country)));
  // «قوات صالح»: of a leader and his son, minister or commander, the surname alone is the leader's
  if (fits.length > 1) fits = fits.filter((i) => c.people[i].roles.some((r) => LEADERS.has(r.office)));
  return fits.length === 1 ? fits[0] : undefined;
}

/** «إسماعيل ولد الشيخ»: the leading words (two or more) of exactly one known person's name. */
function byPrefix(ctx: PersonContext, first: number, last: number): number | undefined {
  if (last - first < 2) return undefined;
  // «جان مارك دو لا سابليير» is not Jean-Marc Ayrault: the name must end where the prefix ends
  if (!ctx.parser.boundaryAt(last)) return undefined;
  const keys: string[] = [];
  for (let i = first; i < last; i++) if (ctx.tokens[i].kind === 'word') keys.push(ctx.tokens[i].analyses[0].key);
  const people = ctx.c.aliases.get(`prefix:${keys.join(' ')}`);
  return people && people.length === 1 ? people[0] : undefined;
}

/**
 * «الملك سلمان», "King Abdullah", «الشيخ تميم»: a royal title and a given name alone name the one
 * royal the article names in full with that given name, or else the one known person of that given
 * name holding the title's office (and country) on the article's date; undefined when several fit.
 * Null (no one, by any other evidence either) when the article names in full by that given name
 * someone the knowledge base does not know, or several people.
 */
function byRoyalName(ctx: PersonContext, k: Candidate, title: TextRole | undefined): number | null | undefined {
  const { tokens, c, doc } = ctx;
  if (!title || k.last - k.first !== 1 || !doc.words.royalTitles.hasNorm(title.title.split(' ').pop()!.toLowerCase())) return undefined;
  const t = tokens[k.first];
  const key = t.reading(k.prefix).key;
  const people = c.firstNames.get(key) ?? [];
  const named = new Set<number>();
  for (const o of doc.ann.persons?.kept ?? []) {
    if (o.last - o.first < 2 || o.org !== undefined) continue;
    if (tokens[o.first].reading(o.prefix).key !== key) continue;
    const kb = o.kb ?? aliasInSpan(ctx, o);
    if (kb === undefined) return null;
    named.add(kb);
  }
  if (named.size > 0) return named.size === 1 && people.includes([...named][0]) ? [...named][0] : null;
  if (!doc.dateGiven) return undefined;
  const fits = people.filter((i) => activeRoles(c.people[i], doc.date).some((r) => (!title.country || r.country === title.country) && (title.office === 'official' || r.office === title.office)));
  return fits.length === 1 ? fits[0] : undefined;
}

/** "Donald Trumps", "Bashar al-Assads": a known name with a possessive s that lost its apostrophe. */
function byPossessive(ctx: PersonContext, first: number, last: number): number | undefined {
  const t = ctx.tokens[last - 1];
  if (t.script !== 'latin' || !t.norm.endsWith('s') || t.norm.length < 4) return undefined;
  const keys: string[] = [];
  for (let i = first; i < last - 1; i++) keys.push(ctx.tokens[i].norm);
  keys.push(t.norm.slice(0, -1));
  const people = ctx.c.aliases.get(keys.join(' '));
  return people && people.length === 1 ? people[0] : undefined;
}

/** Shortest given name a one-letter slip may stand in ("Barrack", "Antnio"; not "Jon" for "John"). */
const MIN_SLIP_WORD = 5;

/**
 * "Barrack Obama", "Antnio Guterres", "Bashar al Assad": an English name of two to four words that is
 * exactly one known person's name but for one letter in a long given name, or for its spacing and
 * hyphens; the surname must be the same, and the person near his years in office.
 */
function byNearSpelling(ctx: PersonContext, first: number, last: number): number | undefined {
  const { c, doc, tokens } = ctx;
  if (tokens[first].script !== 'latin') return undefined;
  const words: string[] = [];
  for (let i = first; i < last; i++) if (tokens[i].kind === 'word') words.push(tokens[i].analyses[0].key);
  if (words.length < 2 || words.length > 4) return undefined;
  const people = c.surnames.get(words[words.length - 1]);
  if (!people) return undefined;
  const found = new Set<number>();
  for (const i of people) {
    if (!nearTenure(c.people[i], doc.date)) continue;
    for (const n of c.people[i].names.en) if (slipOf(words, nameWords(n))) found.add(i);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

// a knowledge-base name's words, once per name (bounded by the knowledge base's names, not the input)
const WORDS_OF_NAME = new Map<string, string[]>();
function nameWords(name: string): string[] {
  let w = WORDS_OF_NAME.get(name);
  if (!w) WORDS_OF_NAME.set(name, (w = phraseKeys(name).filter((x) => /[a-z]/.test(x))));
  return w;
}

/** The same words but for the spacing of a particle ("al Assad"), or one letter in one long word. */
function slipOf(words: string[], name: string[]): boolean {
  if (name.length === 0 || name[name.length - 1] !== words[words.length - 1]) return false;
  if (words.join('') === name.join('')) return true;
  if (name.length !== words.length) return false;
  let slips = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === name[i]) continue;
    if (++slips > 1 || Math.min(words[i].length, name[i].length) < MIN_SLIP_WORD || words[i][0] !== name[i][0] || !oneEdit(words[i], name[i])) return false;
  }
  return slips === 1;
}

/** Whether a and b differ by one insertion, deletion, substitution or swap of neighbours. */
function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
