// Hand-written fast-check arbitraries and input generators for the robustness suites
// (zod-fast-check does not support zod 4). Shared by the vitest suites (fixed seed, bounded
// runs) and by long-run.ts (many thousands of cases). No article text is stored here: real
// articles are read from ../shared/articles at run time, and the vocabulary comes from the
// project's own lexicons.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTICLES_DIR = join(ROOT, '..', 'shared', 'articles');

/** FC_SEED overrides the fixed seed (CI uses the default so every run checks the same cases). */
export const SEED = Number(process.env.FC_SEED ?? 0x5eed_2026);

/** Options for fc.assert: fixed seed, `numRuns` scaled by FC_RUNS_SCALE (default 1). */
export function fcOptions(numRuns: number, over: Partial<fc.Parameters<unknown>> = {}): fc.Parameters<unknown> {
  const scale = Number(process.env.FC_RUNS_SCALE ?? 1);
  return { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * scale)), endOnFailure: true, ...over };
}

// ---------------------------------------------------------------- characters

const range = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((c) => String.fromCodePoint(c));
const one = (...cps: number[]) => fc.constantFrom(...cps.map((c) => String.fromCodePoint(c)));

export const chars = {
  arabic: range(0x0621, 0x064a),
  arabicExtended: fc.oneof(range(0x0600, 0x06ff), range(0x0750, 0x077f), range(0x08a0, 0x08ff)),
  presentationForms: fc.oneof(range(0xfb50, 0xfdff), range(0xfe70, 0xfeff)),
  diacritics: fc.oneof(range(0x064b, 0x065f), one(0x0670, 0x0640 /* tatweel */)),
  bidi: one(0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x061c),
  zeroWidth: one(0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad),
  emoji: fc.oneof(
    range(0x1f300, 0x1faff),
    fc.constantFrom('👨‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '🇸🇦', '🇺🇸', '❤️', '1️⃣', '🤝'),
  ),
  cjk: fc.oneof(range(0x4e00, 0x9fff), range(0x20000, 0x2a6df), range(0x3040, 0x30ff)),
  control: fc.oneof(range(0x00, 0x1f), range(0x7f, 0x9f)),
  loneSurrogate: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  digits: fc.oneof(range(0x30, 0x39), range(0x0660, 0x0669), range(0x06f0, 0x06f9)),
  ascii: range(0x20, 0x7e),
  space: fc.constantFrom(' ', ' ', ' ', '\n', '\t', '\r\n', '\u00a0', '\u2028', '\u2029', '\u3000', '\u2009'),
  punctuation: fc.constantFrom('.', '،', '؛', '؟', '!', ',', ';', ':', '«', '»', '"', '(', ')', '[', ']', '-', '–', '/', '\\', '…'),
  anyCodePoint: fc.integer({ min: 0, max: 0x10ffff }).map((c) => (c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c))),
};

// ---------------------------------------------------------------- vocabulary

let vocabulary: string[] | undefined;

/** Short strings from the project's lexicons (triggers, titles, resolution words, dates, ...). */
export function lexiconWords(): string[] {
  if (vocabulary) return vocabulary;
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.length > 0 && v.length <= 30 && /[\p{L}\p{N}]/u.test(v)) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const dir = join(ROOT, 'src', 'kb', 'data', 'lexicons');
  const files = (d: string): string[] => (existsSync(d) ? readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : f.endsWith('.json') ? [join(d, f)] : [])) : []);
  for (const f of files(dir)) {
    try {
      walk(JSON.parse(readFileSync(f, 'utf8')));
    } catch {
      /* a lexicon being edited concurrently: skip it */
    }
  }
  const fixed = ['التقى', 'الرئيس', 'وزير الخارجية', 'مجلس الأمن', 'القرار', 'رقم', 'في', 'مع', 'بوتين', 'بومبيو', 'سوتشي', 'الرياض', 'أمس', 'الثلاثاء',
    'met', 'President', 'Foreign Minister', 'Security Council', 'resolution', 'S/RES/2254 (2015)', 'A/RES/67/19', 'in', 'with', 'Putin', 'Pompeo', 'Sochi', 'Riyadh', 'on Tuesday'];
  for (const w of fixed) out.add(w);
  vocabulary = [...out].sort();
  return vocabulary;
}

// ---------------------------------------------------------------- texts

/** One piece of hostile text: a character of some class, a lexicon word, or a number. */
export function fragment(): fc.Arbitrary<string> {
  const words = lexiconWords();
  return fc.oneof(
    { weight: 6, arbitrary: chars.arabic },
    { weight: 2, arbitrary: chars.arabicExtended },
    { weight: 2, arbitrary: chars.presentationForms },
    { weight: 3, arbitrary: chars.diacritics },
    { weight: 2, arbitrary: chars.bidi },
    { weight: 2, arbitrary: chars.zeroWidth },
    { weight: 1, arbitrary: chars.emoji },
    { weight: 1, arbitrary: chars.cjk },
    { weight: 1, arbitrary: chars.control },
    { weight: 1, arbitrary: chars.loneSurrogate },
    { weight: 2, arbitrary: chars.digits },
    { weight: 3, arbitrary: chars.ascii },
    { weight: 6, arbitrary: chars.space },
    { weight: 3, arbitrary: chars.punctuation },
    { weight: 1, arbitrary: chars.anyCodePoint },
    { weight: 8, arbitrary: fc.constantFrom(...words) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 3000 }).map(String) },
  );
}

/** Random Unicode text, mostly Arabic-ish, with every hostile character class mixed in. */
export function hostileText(maxFragments = 200): fc.Arbitrary<string> {
  // size 'max': lengths spread over the whole range (fast-check's default size keeps arrays under ~50)
  return fc.array(fragment(), { minLength: 1, maxLength: maxFragments, size: 'max' }).map((a) => a.join(''));
}

/** Hostile text with at least one non-whitespace character (what the API accepts as `text`). */
export function acceptableText(maxFragments = 200): fc.Arbitrary<string> {
  return hostileText(maxFragments).map((t) => (/\S/u.test(t) ? t : t + 'x'));
}

export const language = fc.constantFrom<'ar' | 'en' | 'auto' | undefined>('ar', 'en', 'auto', undefined);
export const publishedAt = fc.option(
  fc.oneof(
    fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('2019-05-15', '2000-02-29', '2019-05-15T23:59:59+03:00', '2019-05-15T00:00:00-12:00'),
  ),
  { nil: undefined },
);

// ---------------------------------------------------------------- real articles, mutated

export interface Article {
  id: string;
  lang: string;
  text: string;
  title?: string;
  date?: string;
}

let articles: Article[] | undefined;

/** Every article in ../shared/articles/*.jsonl ([] when the directory is absent). */
export function loadArticles(): Article[] {
  if (articles) return articles;
  articles = [];
  if (!existsSync(ARTICLES_DIR)) return articles;
  for (const f of readdirSync(ARTICLES_DIR).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(ARTICLES_DIR, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const a = JSON.parse(line) as Article;
        if (typeof a.text === 'string' && a.text.trim()) articles.push(a);
      } catch {
        /* not an article line */
      }
    }
  }
  return articles;
}

const AR_INDIC = '٠١٢٣٤٥٦٧٨٩';
const EXT_INDIC = '۰۱۲۳۴۵۶۷۸۹';

/** What can happen to an article on its way to us. Each takes the text and a random source of numbers in [0, 1). */
export const MUTATIONS: Record<string, (t: string, r: () => number, noise: string) => string> = {
  truncate: (t, r) => t.slice(0, Math.floor(r() * t.length)), // may cut a surrogate pair in half
  truncateStart: (t, r) => t.slice(Math.floor(r() * t.length)),
  reverse: (t) => [...t].reverse().join(''),
  reverseUnits: (t) => t.split('').reverse().join(''), // breaks every surrogate pair
  arabicIndicDigits: (t) => t.replace(/[0-9]/g, (d) => AR_INDIC[Number(d)]),
  extendedIndicDigits: (t) => t.replace(/[0-9]/g, (d) => EXT_INDIC[Number(d)]),
  westernDigits: (t) => t.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)),
  appendNoise: (t, _r, noise) => t + noise,
  prependNoise: (t, _r, noise) => noise + t,
  insertNoise: (t, r, noise) => {
    const i = Math.floor(r() * (t.length + 1));
    return t.slice(0, i) + noise + t.slice(i);
  },
  zeroWidthEverywhere: (t, r) => t.replace(/ /g, () => (r() < 0.5 ? ' \u200c' : '\u200f ')),
  tatweel: (t, r) => t.replace(/[\u0628-\u064a](?=[\u0628-\u064a])/g, (c) => (r() < 0.3 ? c + '\u0640' : c)),
  diacritise: (t, r) => t.replace(/[\u0621-\u064a]/g, (c) => (r() < 0.4 ? c + String.fromCharCode(0x064b + Math.floor(r() * 8)) : c)),
  presentationForms: (t) => t.normalize('NFKC').replace(/\u0644\u0627/g, '\ufefb').replace(/\u0627/g, '\ufe8d').replace(/\u0628/g, '\ufe8f'),
  nfd: (t) => t.normalize('NFD'),
  noSpaces: (t) => t.replace(/ /g, ''),
  doubleSpaces: (t) => t.replace(/ /g, '  '),
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  upper: (t) => t.toUpperCase(),
  duplicate: (t) => t + '\n' + t,
  shuffleSentences: (t, r) => {
    const s = t.split(/(?<=[.!?؟])\s+/);
    for (let i = s.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [s[i], s[j]] = [s[j], s[i]];
    }
    return s.join(' ');
  },
  dropRandomChars: (t, r) => t.replace(/./gsu, (c) => (r() < 0.05 ? '' : c)),
  bidiWrap: (t) => '\u202b' + t.replace(/\n/g, '\u202c\n\u202b') + '\u202c',
};

export interface MutatedArticle {
  article: number;
  mutations: string[];
  text: string;
}

/** A real article, with 1-4 mutations applied in sequence. */
export function mutatedArticle(all: Article[]): fc.Arbitrary<MutatedArticle> {
  const names = Object.keys(MUTATIONS);
  return fc
    .record({
      article: fc.nat({ max: all.length - 1 }),
      mutations: fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 4 }),
      seed: fc.nat(),
      noise: hostileText(40),
    })
    .map(({ article, mutations, seed, noise }) => {
      const r = mulberry32(seed);
      let text = all[article].text;
      for (const m of mutations) text = MUTATIONS[m](text, r, noise);
      return { article, mutations, text };
    });
}

/** Small deterministic PRNG for the mutations (so a failing case replays exactly). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- pathological inputs

const numbers = (n: number, sep: string, from = 1) => Array.from({ length: n }, (_, i) => String(i + from)).join(sep);

/** Generators of pathological inputs, scaled by n (the issue's sizes are PATHOLOGICAL_SIZES). */
export const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'one letter repeated': (n) => 'ب'.repeat(n),
  'one latin letter repeated': (n) => 'a'.repeat(n),
  'meeting trigger repeated': (n) => 'التقى '.repeat(n),
  'meeting trigger + title repeated': (n) => 'التقى الرئيس '.repeat(n),
  'english trigger repeated': (n) => 'met with '.repeat(n),
  'resolution list (ar)': (n) => 'القرارات ' + numbers(n, ' و'),
  'resolution list, security council (ar)': (n) => 'وأكد على تنفيذ قرارات مجلس الأمن الدولي أرقام ' + numbers(n, ' و', 100) + '.',
  'resolution list (en)': (n) => 'UN Security Council resolutions ' + numbers(n, ', ', 100) + ' and 2254.',
  'resolution symbols': (n) => Array.from({ length: n }, (_, i) => `S/RES/${(i % 2700) + 1} (${1946 + (i % 79)})`).join(' و'),
  'nested brackets': (n) => '('.repeat(n) + 'مجلس الأمن' + ')'.repeat(n),
  'nested mixed brackets': (n) => '«[('.repeat(n) + '))]»'.repeat(n),
  'one huge token': (n) => 'x'.repeat(n),
  'one huge arabic token': (n) => 'سوتشي'.repeat(Math.ceil(n / 5)).slice(0, n),
  'name particles repeated': (n) => 'محمد بن '.repeat(n),
  'titles repeated': (n) => 'وزير خارجية '.repeat(n),
  'dates repeated': (n) => 'أمس الثلاثاء '.repeat(n),
  'diacritics only': (n) => '\u064e'.repeat(n),
  'zero-width only': (n) => '\u200b\u200c\u200d\u200f'.repeat(Math.ceil(n / 4)),
  'dots': (n) => '.'.repeat(n),
  'newlines': (n) => '\n'.repeat(n) + 'x',
  'lone surrogates': (n) => '\ud800'.repeat(n),
  'emoji': (n) => '👨‍👩‍👧‍👦'.repeat(Math.ceil(n / 11)),
  'digits': (n) => '7'.repeat(n),
  'quotes': (n) => '«'.repeat(n) + '»'.repeat(n),
  // one person meeting n different people: coreference and meeting assembly must not compare all pairs
  'many people met (en)': (n) => Array.from({ length: n }, (_, i) => `Secretary of State John Kerry met ${GIVEN_EN[i % GIVEN_EN.length]} ${letters(i, 'abcdefghijklmnopqrstuvwxyz', 'Bak')} in Vienna on Monday. `).join(''),
  'many people met (ar)': (n) => Array.from({ length: n }, (_, i) => `التقى وزير الخارجية عادل الجبير مع ${GIVEN_AR[i % GIVEN_AR.length]} ${letters(i, 'بتثجحخدذرزسشصضطظعغفقكلمنهي', 'كر')} في جدة أمس. `).join(''),
};

const GIVEN_EN = ['Michael', 'David', 'Robert', 'Thomas', 'Richard', 'Charles', 'Daniel', 'Matthew'];
const GIVEN_AR = ['محمد', 'خالد', 'فهد', 'سعود', 'ناصر', 'فيصل', 'سلطان', 'تركي'];
/** A distinct made-up word per i, spelled with the given letters after a stem. */
function letters(i: number, alphabet: string, stem: string): string {
  let s = stem;
  do {
    s += alphabet[i % alphabet.length];
    i = Math.floor(i / alphabet.length);
  } while (i > 0);
  return s;
}

/** The sizes the issue names, per generator (others get 200,000 characters). */
export const PATHOLOGICAL_SIZES: Record<string, number> = {
  'meeting trigger repeated': 20_000,
  'meeting trigger + title repeated': 20_000,
  'english trigger repeated': 20_000,
  'resolution list (ar)': 3_000,
  'resolution list, security council (ar)': 3_000,
  'resolution list (en)': 3_000,
  'resolution symbols': 3_000,
  'nested brackets': 50_000,
  'nested mixed brackets': 50_000,
  'one huge token': 1024 * 1024,
  'one huge arabic token': 1024 * 1024,
  'name particles repeated': 20_000,
  'titles repeated': 20_000,
  'dates repeated': 20_000,
  'quotes': 50_000,
  'many people met (en)': 8_000,
  'many people met (ar)': 8_000,
};

export const pathologicalSize = (name: string) => PATHOLOGICAL_SIZES[name] ?? 200_000;
