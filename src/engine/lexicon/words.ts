// Word sets: lexicons of single words (`"set": true` in their JSON file under
// src/kb/data/lexicons/{ar,en}/) consulted as sets, compiled with the same normaliser and
// tokenizer as the text, so an entry written «بمدينة» meets the token «بمدينة» (normalised
// «بمدينه»). Asking for a lexicon no file declares is an error (the engine asks for every name
// its components use when it is built, so a typo fails at start-up).
import type { Compiled } from '../compile.js';
import { normalizeText } from '../text/normalize.js';
import { tokenize, type Token } from '../text/tokenize.js';

export class UnknownLexiconError extends Error {
  constructor(name: string, known: string[]) {
    super(`unknown lexicon "${name}" (no file under src/kb/data/lexicons or KB_DIR declares it; known: ${known.join(', ')})`);
    this.name = 'UnknownLexiconError';
  }
}

export class WordSet {
  constructor(
    readonly name: string,
    /** Normalised forms (what `Token.norm` holds). */
    private readonly norms: ReadonlySet<string>,
  ) {}

  /** Whether the token, as written (normalised, with its clitics), is in the set. */
  has(t: Token | undefined): boolean {
    return t !== undefined && this.norms.has(t.norm);
  }

  /** Whether a normalised form (a token's `norm`, or the key of one of its clitic readings) is in the set. */
  hasNorm(norm: string): boolean {
    return this.norms.has(norm);
  }

  get size(): number {
    return this.norms.size;
  }
}

const cache = new WeakMap<Compiled, Map<string, WordSet>>();

/** The word set of lexicon `name` (both languages' files together). */
export function wordSet(c: Compiled, name: string): WordSet {
  let sets = cache.get(c);
  if (!sets) cache.set(c, (sets = new Map()));
  let set = sets.get(name);
  if (set) return set;
  const files = (['ar', 'en'] as const).map((lang) => c.kb.lexicons.get(`${lang}/${name}`)).filter((f) => f !== undefined);
  if (files.length === 0) throw new UnknownLexiconError(name, lexiconNames(c));
  const norms = new Set<string>();
  for (const f of files) {
    for (const e of f.entries) {
      for (const phrase of e.phrases) {
        const { norm, toOrig } = normalizeText(phrase);
        const { tokens } = tokenize(phrase, norm, toOrig);
        if (tokens.length !== 1) throw new Error(`lexicon "${name}" (${f.lang}): "${phrase}" is not one word; a word set holds single words`);
        norms.add(tokens[0].norm);
      }
    }
  }
  sets.set(name, (set = new WordSet(name, norms)));
  return set;
}

/** Fails (UnknownLexiconError) unless some file declares lexicon `name`. */
export function requireLexicon(c: Compiled, name: string): void {
  if (!c.kb.lexicons.has(`ar/${name}`) && !c.kb.lexicons.has(`en/${name}`)) throw new UnknownLexiconError(name, lexiconNames(c));
}

function lexiconNames(c: Compiled): string[] {
  return [...new Set([...c.kb.lexicons.keys()].map((k) => k.slice(3)))].sort();
}

/** The word sets the engine's components read, by the name they use in code and their lexicon name. */
export const WORD_SETS = {
  relativePronouns: 'relative-pronouns',
  theLatter: 'the-latter',
  nextEncounter: 'next-encounter',
  meetingLocatives: 'meeting-locatives',
  futureMarkers: 'future-markers',
  bylines: 'bylines',
  photoAgencies: 'photo-agencies',
  envoyPostings: 'envoy-postings',
  visitPrepositions: 'visit-prepositions',
  nasab: 'nasab',
  nasabLinks: 'nasab-links',
  determiners: 'determiners',
  callFor: 'call-for',
  notAfterParticle: 'not-after-particle',
  placeConnectors: 'place-connectors',
  orgDesignators: 'org-designators',
  directions: 'directions',
  placeLocatives: 'place-locatives',
  placeNouns: 'place-nouns',
  subjectPronouns: 'subject-pronouns',
  firstPersonPronouns: 'first-person-pronouns',
  nameModifiedHeads: 'name-modified-heads',
  compoundNameTails: 'compound-name-tails',
  afterDroppedSubject: 'after-dropped-subject',
  encounterBetween: 'encounter-between',
  subordinators: 'subordinators',
  familyNameFirst: 'family-name-first',
  royalTitles: 'royal-titles',
  formerMarkers: 'former-markers',
  newsAgencies: 'news-agencies',
  monthIntroducers: 'month-introducers',
  yearIntroducers: 'year-introducers',
  spanBounds: 'span-bounds',
  encounterLinks: 'encounter-links',
  coordinators: 'coordinators',
  comitatives: 'comitatives',
  titleSmallWords: 'title-small-words',
} as const;

export type Words = { readonly [K in keyof typeof WORD_SETS]: WordSet };

const wordsCache = new WeakMap<Compiled, Words>();

/** Every word set the engine reads, compiled once per knowledge base; throws on a lexicon no file declares. */
export function engineWords(c: Compiled): Words {
  let w = wordsCache.get(c);
  if (!w) {
    const out: Record<string, WordSet> = {};
    for (const [key, name] of Object.entries(WORD_SETS)) out[key] = wordSet(c, name);
    wordsCache.set(c, (w = out as Words));
  }
  return w;
}

/** Stands in before component "match" has set the Doc's word sets: any use is a pipeline-order error. */
export const NO_WORDS: Words = new Proxy({} as Words, {
  get(_t, key) {
    throw new Error(`word set "${String(key)}" read before component "match" set the Doc's word sets`);
  },
});
