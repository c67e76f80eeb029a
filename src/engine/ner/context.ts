// What the feature extractor knows besides the text: word sets from our lexicons, the index
// of each trie payload kind, and a per-tagger cache of word-level features.
import type { Compiled, GazPlace, Payload } from '../compile.js';
import { stopwordSet } from '../entities/lexicons.js';

/** Bits of a token's word-set membership. */
export const SET_PARTICLE = 1;
export const SET_COMMON = 2;
export const SET_STOP = 4;
export const SET_BLOCKER = 8;
/** The last word of a known person's name of two words or more (knowledge base). */
export const SET_SURNAME = 16;
/** The first word of a known person's name of two words or more (knowledge base). */
export const SET_FIRSTNAME = 32;

const LEX_SLOTS = ['titles', 'honorifics', 'speech-verbs', 'meeting-triggers', 'dates', 'followers', 'counterpart'];
/** Payload kinds seen by the tagger (15 at most: two bits each in a 32-bit mask). */
export const KIND_COUNT = 8 + LEX_SLOTS.length;

/** Index of a payload kind: person 0, place 1, given 2, ambiguous given 3, org 4, demonym 5, res 6, lexicons after. */
export function kindIndex(p: Payload): number {
  switch (p.kind) {
    case 'person':
      return 0;
    case 'place':
      return 1;
    case 'given':
      return p.ambiguous ? 3 : 2;
    case 'org':
      return 4;
    case 'demonym':
      return 5;
    case 'res':
      return 6;
    default: {
      const k = LEX_SLOTS.indexOf(p.lexicon);
      return k < 0 ? 7 : 8 + k;
    }
  }
}

export interface WordInfo {
  /** Hash of the normalised form (numbers: of their digit count). */
  hash: number;
  /** Hash of the most split clitic reading's key (the form itself outside Arabic). */
  stem: number;
  sets: number;
  /** Hashes of the keys of all clitic readings (the document-level features meet on them). */
  readings: Int32Array;
  /** Word-level feature hashes (not yet masked). */
  feats: Int32Array;
  /** Features it gives the token after it (asL1), before it (asR1), two after (asL2), two before (asR2). */
  asL1: Int32Array;
  asR1: Int32Array;
  asL2: Int32Array;
  asR2: Int32Array;
  /** Run time: the summed weights of feats, asL1, asR1, asL2, asR2 (5 x labels), filled on first use. */
  v?: Float32Array;
  /** Run time: the last shape this word was seen with. */
  shapeSeen?: number;
  /** Run time: its own features' sum plus the word-and-shape row for shapeSeen (L). */
  selfShape?: Float32Array;
}

export interface FeatureContext {
  particles: Set<string>;
  common: Set<string>;
  stop: Set<string>;
  blockers: Set<string>;
  surnames: Set<string>;
  firstNames: Set<string>;
  /** The gazetteer (a place match's rank: country, capital or city of a million, of 100,000, other). */
  places: readonly GazPlace[];
  words: Map<string, WordInfo>;
}

/** First and last words of the knowledge base's people's names (matching keys, as the trie's). */
function nameParts(c: Compiled): { surnames: Set<string>; firstNames: Set<string> } {
  const firstNames = new Set<string>();
  for (const key of c.aliases.keys()) {
    if (key.startsWith('prefix:')) continue;
    const sp = key.indexOf(' ');
    if (sp > 0) firstNames.add(key.slice(0, sp));
  }
  return { surnames: new Set(c.surnames.keys()), firstNames };
}

export function featureContext(c: Compiled): FeatureContext {
  const stop = stopwordSet(c, 'stopwords');
  for (const w of stopwordSet(c, 'place-stopwords')) stop.add(w);
  return {
    particles: stopwordSet(c, 'name-particles'),
    common: stopwordSet(c, 'common-words'),
    stop,
    blockers: stopwordSet(c, 'name-blockers'),
    ...nameParts(c),
    places: c.places,
    words: new Map(),
  };
}
