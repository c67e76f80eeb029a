// Character normalisation: one small pure rule per concern (CAMeL Tools style), applied
// through one lookup so the whole text is normalised in a single linear pass.
// The result keeps, for every normalised code unit, the span of the original it came from.

/** Arabic diacritics (harakat, tanween, shadda, sukun, Quranic marks) and superscript alef. */
export const AR_DIACRITICS: ReadonlyArray<[number, number]> = [
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
];
export const TATWEEL = 0x0640;
/** Bidi controls, zero-width characters, BOM and soft hyphen: invisible, dropped. */
export const INVISIBLES: ReadonlyArray<[number, number]> = [
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];
/** Letters folded for matching (alef forms, alef maqsura, ta marbuta, hamza seats). */
export const AR_FOLD: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي', 'ی': 'ي', 'ک': 'ك', 'ھ': 'ه', 'ۀ': 'ه',
};
/** Arabic punctuation to its ASCII counterpart. */
export const AR_PUNCT: Readonly<Record<string, string>> = { '،': ',', '؛': ';', '؟': '?', '٪': '%', '٫': '.', '٬': ',' };
/** Typographic quotes and dashes. */
/** Every quotation mark as the normalised text writes it (the table below folds “ ” « » and the others to these). */
export const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', "'"]);

export const QUOTES: Readonly<Record<string, string>> = {
  '“': '"', '”': '"', '„': '"', '‟': '"', '«': '"', '»': '"', '″': '"', '‹': '"', '›': '"',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '`': "'",
  '–': '-', '—': '-', '‐': '-', '‑': '-', '‒': '-', '―': '-', '−': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u3000': ' ',
};

function inRanges(c: number, ranges: ReadonlyArray<[number, number]>): boolean {
  for (const [a, b] of ranges) if (c >= a && c <= b) return true;
  return false;
}

/** Normalised form of one UTF-16 code unit ('' = dropped). Pure; cached per code unit. */
export function normalizeUnit(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
  if (c === TATWEEL || inRanges(c, AR_DIACRITICS) || inRanges(c, INVISIBLES)) return '';
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(48 + c - 0x0660); // Arabic-Indic digits
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(48 + c - 0x06f0); // Persian digits
  if (c >= 0xd800 && c <= 0xdfff) return ch; // surrogates pass through untouched
  const mapped = AR_FOLD[ch] ?? AR_PUNCT[ch] ?? QUOTES[ch];
  if (mapped !== undefined) return mapped;
  if (c >= 0x0600 && c <= 0x06ff) return ch;
  // Presentation forms, ligatures, full-width forms, accented Latin: compatibility
  // decomposition, accents dropped, lower case, then the Arabic rules again.
  const decomposed = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (decomposed === ch) return ch;
  let out = '';
  for (const u of decomposed) out += u === ch ? u : normalizeUnit(u);
  return out;
}

const cache = new Map<number, string>();
function normalizedOf(c: number, ch: string): string {
  let v = cache.get(c);
  if (v === undefined) {
    v = normalizeUnit(ch);
    cache.set(c, v);
  }
  return v;
}

const UNKNOWN = -2;
const DROPPED = -1;
const MULTI = -3;
/** Per-code-unit results of normalizeUnit, filled lazily (UNKNOWN until first seen). */
const FAST = new Int32Array(65536).fill(UNKNOWN);
function fastEntry(c: number): number {
  const v = normalizedOf(c, String.fromCharCode(c));
  if (v.length === 0) return DROPPED;
  if (v.length === 1) return v.charCodeAt(0);
  return MULTI;
}

export interface NormalizedText {
  /** The normalised view. */
  norm: string;
  /** For each code unit of `norm`, the offset of the original code unit it came from. */
  toOrig: Int32Array;
}

/** Normalises `text` in one pass; `toOrig` maps every normalised unit back to the original. */
export function normalizeText(text: string): NormalizedText {
  let out: Uint16Array<ArrayBufferLike> = new Uint16Array(text.length + 16);
  let toOrig: Int32Array<ArrayBufferLike> = new Int32Array(text.length + 16);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (n >= out.length) [out, toOrig] = grow(out, toOrig, 1);
      out[n] = c >= 65 && c <= 90 ? c + 32 : c;
      toOrig[n++] = i;
      continue;
    }
    // one table lookup per code unit: -1 dropped, >= 0 the single normalised unit, MULTI: several
    let f = FAST[c];
    if (f === UNKNOWN) f = FAST[c] = fastEntry(c);
    if (f === DROPPED) continue;
    if (f >= 0) {
      if (n >= out.length) [out, toOrig] = grow(out, toOrig, 1);
      out[n] = f;
      toOrig[n++] = i;
      continue;
    }
    const mapped = normalizedOf(c, text[i]);
    if (n + mapped.length > out.length) [out, toOrig] = grow(out, toOrig, mapped.length);
    for (let k = 0; k < mapped.length; k++) {
      out[n] = mapped.charCodeAt(k);
      toOrig[n++] = i;
    }
  }
  return { norm: decode(out, n), toOrig: toOrig.slice(0, n) };
}

function grow(out: Uint16Array<ArrayBufferLike>, map: Int32Array<ArrayBufferLike>, need: number): [Uint16Array<ArrayBufferLike>, Int32Array<ArrayBufferLike>] {
  const size = out.length * 2 + need + 16;
  const o = new Uint16Array(size);
  o.set(out);
  const m = new Int32Array(size);
  m.set(map);
  return [o, m];
}

const CHUNK = 8192;
function decode(units: Uint16Array<ArrayBufferLike>, n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i += CHUNK) parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]));
  return parts.join('');
}

/** Normalises a lexicon string the same way as article text (for building matchers). */
export function normalizeString(s: string): string {
  return normalizeText(s).norm;
}
