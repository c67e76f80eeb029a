// The Doc holds the original text, its normalised view, tokens and sentences; spans are
// views over token ranges with character offsets into the original text (spaCy style).
import type { Language } from './lang/detect.js';
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
}

export interface Span {
  start: number;
  end: number;
  text: string;
  rule?: string;
}

export function buildDoc(text: string, language: Language, date: string, dateGiven: boolean, debug: boolean): Doc {
  const { norm, toOrig } = normalizeText(text);
  const { tokens, sentences } = tokenize(text, norm, toOrig);
  return { text, norm, toOrig, tokens, sentences, language, date, dateGiven, debug };
}

/** The span of tokens [first, last), skipping `prefix` normalised units of proclitics on the first. */
export function spanOf(doc: Doc, first: number, last: number, prefix = 0, rule?: string): Span {
  const t0 = doc.tokens[first];
  const start = prefix > 0 ? doc.toOrig[t0.normStart + prefix] : t0.start;
  const end = doc.tokens[last - 1].end;
  const span: Span = { start, end, text: doc.text.slice(start, end) };
  if (rule && doc.debug) span.rule = rule;
  return span;
}
