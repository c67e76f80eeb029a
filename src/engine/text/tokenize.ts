// Tokens and sentences over the normalised view, with offsets into the original text.
import { analyzeArabic, type Analysis } from './clitics.js';

export type TokenKind = 'word' | 'number' | 'punct';
export type Script = 'ar' | 'latin' | 'other';

const CAP = 1 << 4;
const SPACE_BEFORE = 1 << 5;
const LINE_BEFORE = 1 << 6;
const PARAGRAPH_BEFORE = 1 << 7;

/**
 * A token with offsets into the original text and the normalised view. The case and spacing
 * facts are packed into one number (a 1 MiB article has ~200,000 tokens).
 */
export class Token {
  /** Index of the sentence the token belongs to (set by the sentence splitter). */
  sentence = 0;

  constructor(
    readonly index: number,
    /** Offsets into the original text (UTF-16 code units). */
    readonly start: number,
    readonly end: number,
    /** Offset of the token in the normalised view. */
    readonly normStart: number,
    readonly norm: string,
    readonly kind: TokenKind,
    readonly script: Script,
    private readonly flags: number,
    /** Matching analyses (Arabic: proclitic readings; others: the word itself). */
    readonly analyses: Analysis[],
  ) {}

  get normEnd(): number {
    return this.normStart + this.norm.length;
  }
  /** The reading with `prefix` proclitic letters split off («وماكس» at 1: «ماكس»), else the word as written. */
  reading(prefix: number): Analysis {
    return (prefix > 0 ? this.analyses.find((a) => a.prefix === prefix) : undefined) ?? this.analyses[0];
  }
  /** Original first letter is an upper-case Latin letter. */
  get cap(): boolean {
    return (this.flags & CAP) !== 0;
  }
  /** Whitespace (or nothing) separates it from the previous token: false = glued. */
  get spaceBefore(): boolean {
    return (this.flags & SPACE_BEFORE) !== 0;
  }
  /** Newline between it and the previous token. */
  get lineBefore(): boolean {
    return (this.flags & LINE_BEFORE) !== 0;
  }
  /** A paragraph break before it: a blank line, or an indented new line. */
  get paragraphBefore(): boolean {
    return (this.flags & PARAGRAPH_BEFORE) !== 0;
  }
}

export interface Sentence {
  index: number;
  /** Token range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
}

const enum C {
  Space,
  Newline,
  Arabic,
  Latin,
  Digit,
  Other,
}

const otherLetterCache = new Map<number, boolean>();
const LETTER = /\p{L}/u;
function classOf(c: number): C {
  if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85) return C.Newline;
  if (c === 32 || c === 9 || c === 11 || c === 12) return C.Space;
  if (c >= 48 && c <= 57) return C.Digit;
  if (c >= 97 && c <= 122) return C.Latin;
  if (c < 0x80) return C.Other;
  if ((c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) || c === 0x06d5) return C.Arabic;
  if (c >= 0xd800 && c <= 0xdfff) return C.Other;
  if (c >= 0x2000 && c <= 0x200a) return C.Space;
  let v = otherLetterCache.get(c);
  if (v === undefined) {
    v = LETTER.test(String.fromCharCode(c));
    otherLetterCache.set(c, v);
  }
  return v ? C.Latin : C.Other;
}

const EN_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'sen', 'rep', 'gov', 'prof', 'jr', 'sr', 'st', 'no', 'vs', 'inc', 'co', 'corp', 'ltd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'pres', 'amb', 'rev', 'hon', 'ft', 'mt',
]);

function isDiacriticOrTatweel(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640;
}

export function tokenize(text: string, norm: string, toOrig: Int32Array): { tokens: Token[]; sentences: Sentence[] } {
  const tokens: Token[] = [];
  const n = norm.length;
  let i = 0;
  let sawSpace = true;
  let sawLine = false;
  let newlines = 0;
  let indent = 0;
  while (i < n) {
    const cls = classOf(norm.charCodeAt(i));
    if (cls === C.Space || cls === C.Newline) {
      sawSpace = true;
      if (cls === C.Newline) {
        sawLine = true;
        if (norm.charCodeAt(i) !== 13) newlines++;
        indent = 0;
      } else if (sawLine) indent++;
      i++;
      continue;
    }
    let j = i + 1;
    if (cls === C.Arabic || cls === C.Latin || cls === C.Digit) {
      while (j < n && classOf(norm.charCodeAt(j)) === cls) j++;
    } else if (norm.charCodeAt(i) >= 0xd800 && norm.charCodeAt(i) <= 0xdbff && j < n) {
      const lo = norm.charCodeAt(j);
      if (lo >= 0xdc00 && lo <= 0xdfff) j++;
    }
    const start = toOrig[i];
    let end = toOrig[j - 1] + 1;
    // keep trailing diacritics/tatweel (dropped from the view) inside the token
    while (end < text.length && isDiacriticOrTatweel(text.charCodeAt(end)) && (j >= n || toOrig[j] > end)) end++;
    const word = norm.slice(i, j);
    const script: Script = cls === C.Arabic ? 'ar' : cls === C.Latin ? 'latin' : 'other';
    const kind: TokenKind = cls === C.Digit ? 'number' : cls === C.Other ? 'punct' : 'word';
    const first = text.charCodeAt(start);
    const cap = first >= 65 && first <= 90 ? true : kind === 'word' && script === 'latin' && first >= 0x80 && text[start] !== text[start].toLowerCase();
    const flags =
      (cap ? CAP : 0) |
      (sawSpace ? SPACE_BEFORE : 0) |
      (sawLine ? LINE_BEFORE : 0) |
      (newlines >= 2 || (sawLine && indent >= 2) ? PARAGRAPH_BEFORE : 0);
    tokens.push(new Token(tokens.length, start, end, i, word, kind, script, flags, script === 'ar' ? analyzeArabic(word) : plainReading(word)));
    sawSpace = false;
    sawLine = false;
    newlines = 0;
    indent = 0;
    i = j;
  }
  return { tokens, sentences: splitSentences(tokens) };
}

const PLAIN_LIMIT = 50_000;
const plainCache = new Map<string, Analysis[]>();
/** The single reading of a non-Arabic token (shared, read-only). */
function plainReading(word: string): Analysis[] {
  let a = plainCache.get(word);
  if (!a) {
    if (plainCache.size >= PLAIN_LIMIT) plainCache.clear();
    a = [{ key: word, prefix: 0, clitics: '', article: false }];
    plainCache.set(word, a);
  }
  return a;
}

function isSentenceEnd(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind !== 'punct') return false;
  const c = t.norm;
  if (c === '!' || c === '?') return true;
  if (c !== '.') return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!next) return true;
  if (prev && prev.kind === 'number' && next.kind === 'number' && !next.spaceBefore) return false; // 3.5
  if (prev && prev.script === 'latin' && !t.spaceBefore) {
    if (prev.norm.length === 1) return false; // U.S. / J. Smith
    if (EN_ABBREVIATIONS.has(prev.norm)) return false;
  }
  return true;
}

/** Hard-wrapped English wires continue a sentence over a single new line; Arabic lines are paragraphs. */
function lineBreaks(tokens: Token[], k: number, sentenceFirst: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  if (t.paragraphBefore || prev.script === 'ar' || t.script === 'ar') return true;
  if (prev.kind === 'punct' && /^[.!?:;"')]$/.test(prev.norm)) return true;
  // a short line followed by a capital (a headline, a dateline) stands alone; "will\nmake" goes on
  let lineStart = k - 1;
  while (lineStart > sentenceFirst && !tokens[lineStart].lineBefore) lineStart--;
  return prev.end - tokens[lineStart].start < 40 && (t.cap || t.kind !== 'word');
}

function splitSentences(tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last <= first) return;
    const s = sentences.length;
    for (let k = first; k < last; k++) tokens[k].sentence = s;
    sentences.push({ index: s, first, last, start: tokens[first].start, end: tokens[last - 1].end });
    first = last;
  };
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].lineBefore && k > first && lineBreaks(tokens, k, first)) close(k);
    if (isSentenceEnd(tokens, k)) {
      // closing quotes/brackets right after the full stop stay with the sentence
      let last = k + 1;
      while (last < tokens.length && !tokens[last].spaceBefore && (tokens[last].norm === '"' || tokens[last].norm === ')' || tokens[last].norm === "'")) last++;
      close(last);
      k = last - 1;
    }
  }
  close(tokens.length);
  return sentences;
}
