// Compiles the knowledge base and lexicons into one token trie (the matching automaton)
// plus lookup tables. Done once per process (or worker); read-only afterwards.
import type { KnowledgeBase } from '../kb/index.js';
import type { Country, LexiconEntry, Organization, Person, Place } from '../kb/schema.js';
import { phraseKeys, TokenTrie } from './match/trie.js';
import { normalizeString } from './text/normalize.js';
import { ARAB_STATES } from './entities/places.js';

export interface ResWord {
  role: 'anchor' | 'body' | 'filler' | 'year' | 'decree' | 'list';
  body?: 'UNSC' | 'UNGA' | 'HRC';
  plural?: boolean;
  un?: boolean;
}

/** What a trie match can stand for. */
export type Payload =
  | { kind: 'res'; word: ResWord }
  | { kind: 'place'; place: number; lang: 'ar' | 'en' }
  | { kind: 'demonym'; country: string; lang: 'ar' | 'en' }
  | { kind: 'person'; person: number; lang: 'ar' | 'en' }
  | { kind: 'org'; org: number; lang: 'ar' | 'en' }
  | { kind: 'given'; lang: 'ar' | 'en'; ambiguous: boolean }
  | { kind: 'lex'; lexicon: string; slot: string; lang: 'ar' | 'en'; entry: LexiconEntry };

/** A place of the gazetteer, countries included (type country/territory). */
export interface GazPlace {
  index: number;
  id: number; // GeoNames id (negative: hand-added without one)
  type: Place['type'];
  countryCode?: string;
  lat: number;
  lon: number;
  population: number;
  capital: boolean;
  /** A small town the news names far beyond its size (a summit venue): kept where small towns are not. */
  venue?: boolean;
  nameEn: string;
  nameAr?: string;
  /** ISO code when this place is a country. */
  country?: string;
  /**
   * A one-word Arabic name starts with the article («اليمن»): one word read with the article names
   * the place. Others never take it: «المالي» is not Mali, and «السورية» (the adjective) is not
   * «سورية», whatever longer names the country has («الجمهورية العربية السورية»).
   */
  arArticle: boolean;
}

export interface Compiled {
  trie: TokenTrie<Payload>;
  resolutionTopics: Map<string, { topic: string; year?: number; body?: string }>;
  unscFirstByYear: Array<[year: number, first: number]>;
  places: GazPlace[];
  countries: Map<string, Country>;
  countryPlace: Map<string, number>;
  people: Person[];
  organizations: Organization[];
  lexicons: Map<string, LexiconEntry[]>;
  /** Last word of every multi-word alias -> people who carry it («هادي» -> Hadi, "Reagan" -> Ronald Reagan). */
  surnames: Map<string, number[]>;
  /** Every alias (its keys joined by spaces) -> people: for spellings the automaton cannot see ("Trumps"). */
  aliases: Map<string, number[]>;
  /** First word of every alias of two words or more -> people («سلمان» -> Salman bin Abdulaziz, …): royals by given name. */
  firstNames: Map<string, number[]>;
  kb: KnowledgeBase;
  buildMs: number;
}

/** Lexicons read as word sets (see entities/lexicons.ts stopwordSet), not matched as phrases. */
const SET_LEXICONS = new Set(['stopwords', 'place-stopwords', 'common-words', 'name-particles', 'name-blockers', 'toponym-heads']);

export function compile(kb: KnowledgeBase): Compiled {
  const t0 = performance.now();
  const trie = new TokenTrie<Payload>();
  const lexicons = compileLexicons(kb, trie);
  const { places, countries, countryPlace } = compileGazetteer(kb, trie);
  const { surnames, aliases, firstNames } = compilePeople(kb, trie);
  kb.organizations.forEach((o, org) => {
    for (const lang of ['en', 'ar'] as const) for (const n of o.names[lang]) trie.add(n, { kind: 'org', org, lang });
  });
  compileGivenNames(kb, trie);
  return {
    trie,
    ...resolutionTables(kb),
    places,
    countries,
    countryPlace,
    people: kb.people,
    organizations: kb.organizations,
    lexicons,
    surnames,
    aliases,
    firstNames,
    kb,
    buildMs: performance.now() - t0,
  };
}

/** The resolution facts as the engine reads them. */
export function resolutionTables(kb: KnowledgeBase): Pick<Compiled, 'resolutionTopics' | 'unscFirstByYear'> {
  const resolutionTopics = new Map<string, { topic: string; year?: number; body?: string }>();
  for (const [k, v] of Object.entries(kb.resolutions.topics)) resolutionTopics.set(k, v);
  const unscFirstByYear = Object.entries(kb.resolutions.unscFirstByYear)
    .map(([y, n]) => [Number(y), n] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  return { resolutionTopics, unscFirstByYear };
}

/** Lexicon phrases into the automaton (word lists consulted as sets stay out of it). */
function compileLexicons(kb: KnowledgeBase, trie: TokenTrie<Payload>): Map<string, LexiconEntry[]> {
  const lexicons = new Map<string, LexiconEntry[]>();
  for (const [key, file] of kb.lexicons) {
    lexicons.set(key, file.entries);
    // word lists consulted as sets (function words, particles, common words) stay out of the automaton
    if (file.set === true || SET_LEXICONS.has(file.lexicon)) continue;
    for (const entry of file.entries) {
      for (const phrase of entry.phrases) {
        if (file.lexicon === 'resolution-words') trie.add(phrase, { kind: 'res', word: entry as unknown as ResWord });
        else trie.add(phrase, { kind: 'lex', lexicon: file.lexicon, slot: `lex:${file.lexicon}`, lang: file.lang, entry });
      }
    }
  }
  return lexicons;
}

/** Countries first (they win ties), then places; names and demonyms into the automaton. */
function compileGazetteer(kb: KnowledgeBase, trie: TokenTrie<Payload>): Pick<Compiled, 'places' | 'countries' | 'countryPlace'> {
  const places: GazPlace[] = [];
  const countries = new Map<string, Country>();
  const countryPlace = new Map<string, number>();
  const byGeonames = new Map<number, number>();
  for (const c of kb.countries) {
    countries.set(c.code, c);
    const index = places.length;
    places.push({
      index,
      id: c.geonamesId ?? -100000 - index,
      type: c.type,
      countryCode: c.code,
      lat: c.lat,
      lon: c.lon,
      population: c.population ?? 0,
      capital: false,
      nameEn: c.names.en[0] ?? c.code,
      nameAr: c.names.ar[0],
      country: c.code,
      arArticle: c.names.ar.some(oneWordWithArticle),
    });
    if (c.geonamesId) byGeonames.set(c.geonamesId, index);
    countryPlace.set(c.code, index);
    for (const lang of ['en', 'ar'] as const) for (const n of c.names[lang]) trie.add(n, { kind: 'place', place: index, lang });
    for (const lang of ['en', 'ar'] as const) for (const n of c.demonyms[lang]) trie.add(n, { kind: 'demonym', country: c.code, lang });
  }
  for (const p of kb.places) {
    const existing = byGeonames.get(p.id);
    const index = existing ?? places.length;
    if (existing === undefined) {
      places.push(gazPlace(p, index));
      byGeonames.set(p.id, index);
    }
    if (p.names.ar.some(oneWordWithArticle)) places[index].arArticle = true;
    for (const lang of ['en', 'ar'] as const) for (const n of p.names[lang]) trie.add(n, { kind: 'place', place: index, lang });
  }
  return { places, countries, countryPlace };
}

/** A one-word Arabic name with the article («اليمن», «الرياض»). */
function oneWordWithArticle(name: string): boolean {
  const n = normalizeString(name).trim();
  return n.startsWith('ال') && !/\s/.test(n);
}

function gazPlace(p: Place, index: number): GazPlace {
  return {
    index,
    id: p.id,
    type: p.type,
    countryCode: p.countryCode,
    lat: p.lat,
    lon: p.lon,
    population: p.population,
    capital: p.capital ?? false,
    ...(p.venue ? { venue: true } : {}),
    // English readers' spelling: "Geneva", not GeoNames' first name "Genève", when the list has both
    nameEn: p.names.en.find((n) => /^[\x20-\x7e]+$/.test(n)) ?? p.names.en[0] ?? p.names.ar[0] ?? String(p.id),
    nameAr: p.names.ar[0],
    arArticle: false,
  };
}

/** People's names into the automaton, with the surname and alias tables. */
function compilePeople(kb: KnowledgeBase, trie: TokenTrie<Payload>): Pick<Compiled, 'surnames' | 'aliases' | 'firstNames'> {
  const surnames = new Map<string, number[]>();
  const aliases = new Map<string, number[]>();
  const firstNames = new Map<string, number[]>();
  const given = new Set([...kb.givenNames.ar, ...kb.givenNames.arAmbiguous].map((n) => phraseKeys(n).join(' ')));
  const links = nasabLinkKeys(kb);
  // (the link the Gulf spelling inserts: the first of the Arabic lexicon's, «بن»)
  const link = kb.lexicons.get('ar/nasab-links')?.entries[0]?.phrases[0];
  kb.people.forEach((p, person) => {
    for (const lang of ['en', 'ar'] as const) {
      for (const n of lang === 'ar' ? withNasabVariants(p, withTransliterationVariants(p), given, links, link) : p.names[lang]) {
        trie.add(n, { kind: 'person', person, lang });
        const keys = phraseKeys(n);
        // the alias and its leading parts of two words or more («إسماعيل ولد الشيخ» of «… أحمد»)
        for (let len = Math.min(2, keys.length); len <= keys.length; len++) {
          addPerson(aliases, (len === keys.length ? '' : 'prefix:') + keys.slice(0, len).join(' '), person);
        }
        if (keys.length >= 2) addPerson(firstNames, keys[0], person);
        // («Hussein bin Abdullah»: the word after «bin» is the father's name, no surname of the person's)
        if (keys.length < 2 || links.has(keys[keys.length - 2])) continue;
        addPerson(surnames, keys[keys.length - 1], person);
      }
    }
  });
  return { surnames, aliases, firstNames };
}

/** Given names; a name is ambiguous when any spelling that folds to the same key is («إيدي» / «أيدي»). */
function compileGivenNames(kb: KnowledgeBase, trie: TokenTrie<Payload>): void {
  const ambiguousKeys = new Set([...kb.givenNames.arAmbiguous, ...kb.givenNames.enAmbiguous].map((n) => phraseKeys(n).join(' ')));
  for (const [list, lang, ambiguous] of [
    [kb.givenNames.ar, 'ar', false],
    [kb.givenNames.en, 'en', false],
    [kb.givenNames.arAmbiguous, 'ar', true],
    [kb.givenNames.enAmbiguous, 'en', true],
  ] as const) {
    for (const n of list) trie.add(n, { kind: 'given', lang, ambiguous: ambiguous || ambiguousKeys.has(phraseKeys(n).join(' ')) });
  }
}

/** Adds `person` to the list at `key` (once). */
function addPerson(index: Map<string, number[]>, key: string, person: number): void {
  const list = index.get(key);
  if (!list) index.set(key, [person]);
  else if (!list.includes(person)) list.push(person);
}

/** The keys of lexicon nasab-links (both languages): «بن», "bin" … */
function nasabLinkKeys(kb: KnowledgeBase): Set<string> {
  const keys = new Set<string>();
  for (const lang of ['ar', 'en']) for (const e of kb.lexicons.get(`${lang}/nasab-links`)?.entries ?? []) for (const p of e.phrases) keys.add(phraseKeys(p).join(' '));
  return keys;
}

/**
 * Gulf papers join a person's own name to the father's with «بن» («إياد بن أمين مدني», «عادل بن
 * أحمد الجبير») where others write the names side by side: for an Arab person's name of three words
 * or more whose first two are given names and that has no nasab link, the spelling with «بن» too
 * (lexicon nasab-links).
 */
function withNasabVariants(p: KnowledgeBase['people'][number], names: string[], given: ReadonlySet<string>, links: ReadonlySet<string>, link: string | undefined): string[] {
  const arab = p.roles.every((r) => !r.country) || p.roles.some((r) => r.country && ARAB_STATES.has(r.country));
  if (!arab || !link) return names;
  const out = [...names];
  for (const n of names) {
    const words = n.split(/\s+/);
    const keys = phraseKeys(n);
    if (words.length < 3 || keys.length !== words.length || keys.some((k) => links.has(k))) continue;
    if (!given.has(keys[0]) || !given.has(keys[1])) continue;
    const v = [words[0], link, ...words.slice(1)].join(' ');
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/**
 * Arabic spellings of a foreign person's names, with the other spelling of a hard "g": Gulf and
 * Levantine papers write «غ» (سيرغي، غوردون), Egyptian ones «ج» (سيرجي، جوردون). Names of two
 * words or more only (a one-word variant could be an everyday word).
 */
function withTransliterationVariants(p: KnowledgeBase['people'][number]): string[] {
  const names = p.names.ar;
  if (p.roles.length === 0 || p.roles.some((r) => r.country && ARAB_STATES.has(r.country))) return names;
  const out = [...names];
  for (const n of names) {
    if (!n.includes(' ')) continue;
    for (const v of [n.replaceAll('غ', 'ج'), n.replaceAll('ج', 'غ')]) if (v !== n && !out.includes(v)) out.push(v);
  }
  return out;
}
