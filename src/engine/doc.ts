// The Doc holds the original text, its normalised view, tokens and sentences, the automaton's
// matches, and the layers the pipeline's components write (spaCy style). Spans are views over
// token ranges with character offsets into the original text.
import type { Location, Meeting, Participant, Resolution } from '../schemas/extraction.js';
import type { Payload } from './compile.js';
import type { Language } from './lang/detect.js';
import { MatchIndex } from './entities/lexicons.js';
import { NO_WORDS, type Words } from './lexicon/words.js';
import { NEUTRAL_SCORERS, type Scorers } from './scorers/index.js';
import type { Features } from './scorers/model.js';
import type { TrieMatch } from './match/trie.js';
import type { TokenRange } from './match/overlaps.js';
import type { PlaceMention } from './entities/places.js';
import type { PersonLayer, PersonMention } from './persons/types.js';
import type { MeetingLayer } from './meetings/types.js';
import type { DocNerSpan } from './ner/component.js';
import { normalizeText } from './text/normalize.js';
import { tokenize, type Sentence, type Token } from './text/tokenize.js';

export interface Doc {
  text: string;
  norm: string;
  toOrig: Int32Array;
  tokens: Token[];
  sentences: Sentence[];
  language: Language;
  /** Publication date (YYYY-MM-DD) used for relative dates and roles. */
  date: string;
  /** Whether the caller supplied the date. */
  dateGiven: boolean;
  debug: boolean;
  /** Every automaton match, in token order (component "match"). */
  matches: TrieMatch<Payload>[];
  /** The matches by kind and lexicon (component "match"). */
  index: MatchIndex;
  /** The word sets of the lexicons (component "match"). */
  words: Words;
  /** The learned scorers (set by the engine). */
  scorers: Scorers;
  /** What the components wrote. */
  ann: Annotations;
}

/** The layers of a Doc, each written by one component and read by later ones. */
export interface Annotations {
  resolutions?: Resolution[];
  /** The name tagger's PER, LOC and ORG spans with their probabilities (component "ner"). */
  ner?: DocNerSpan[];
  /** Titles, candidates, entities and their mentions (the person components). */
  persons?: PersonLayer;
  /** Participants with their final ids (component "participants"). */
  participants?: Participant[];
  /** Person mentions in token order, `pid` = participant id (component "participants"). */
  personMentions?: PersonMention[];
  /** Token ranges of person and organisation names (places inside them are not places). */
  blocking?: TokenRange[];
  /** Countries named by demonyms and titles anywhere in the article. */
  demonymCountries?: Set<string>;
  /** Sentences that speak of an official by title alone («نظيره الإيطالي», "the opposition leader"). */
  unnamedOfficials?: Set<number>;
  placeMentions?: PlaceMention[];
  locations?: LocationIndex;
  meeting?: MeetingLayer;
  meetings?: Meeting[];
  /** The scorers' features of each participant and meeting, aligned with them, and of each meeting's candidate places (for `npm run train`). */
  features?: { participants: Features[]; meetings: Features[]; places: Array<{ meeting: number; candidates: Array<{ id: string; x: Features }> }> };
}

export interface LocationIndex {
  items: Location[];
  /** Gazetteer index -> location item id. */
  idOf: Map<number, string>;
}

/** An output mention: character offsets into the original text, its text, and (debug) the rule. */
export interface Span {
  start: number;
  end: number;
  text: string;
  rule?: string;
}

export function buildDoc(text: string, language: Language, date: string, dateGiven: boolean, debug: boolean): Doc {
  const { norm, toOrig } = normalizeText(text);
  const { tokens, sentences } = tokenize(text, norm, toOrig);
  return { text, norm, toOrig, tokens, sentences, language, date, dateGiven, debug, matches: [], index: EMPTY_INDEX, words: NO_WORDS, scorers: NEUTRAL_SCORERS, ann: {} };
}
const EMPTY_INDEX = new MatchIndex([]);

/** The span of tokens [first, last), skipping `prefix` normalised units of proclitics on the first. */
export function spanOf(doc: Doc, first: number, last: number, prefix = 0, rule?: string): Span {
  const t0 = doc.tokens[first];
  const start = prefix > 0 ? doc.toOrig[t0.normStart + prefix] : t0.start;
  const end = doc.tokens[last - 1].end;
  const span: Span = { start, end, text: doc.text.slice(start, end) };
  if (rule && doc.debug) span.rule = rule;
  return span;
}
