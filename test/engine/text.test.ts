import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { normalizeText } from '../../src/engine/text/normalize.js';
import { tokenize } from '../../src/engine/text/tokenize.js';
import { analyzeArabic } from '../../src/engine/text/clitics.js';
import { detectLanguage } from '../../src/engine/lang/detect.js';

const doc = (text: string) => {
  const n = normalizeText(text);
  return { ...n, ...tokenize(text, n.norm, n.toOrig) };
};

describe('normalisation', () => {
  it('removes diacritics and tatweel, unifies alef/ya/ta marbuta, maps digits', () => {
    expect(normalizeText('أَحْمَدُ إلى آخِرِ ـــ مدرسة ٢٠١٩ ۱۲').norm).toBe('احمد الي اخر  مدرسه 2019 12');
  });
  it('folds case, typographic quotes and drops bidi / zero-width marks', () => {
    expect(normalizeText('“Pompeo”\u200f\u200b «X»').norm).toBe('"pompeo" "x"');
  });
  it('maps every normalised unit back to the original text', () => {
    const text = 'قالَ “بومبيو” ﻻ 2254 — Test';
    const { norm, toOrig } = normalizeText(text);
    expect(toOrig.length).toBe(norm.length);
    for (let i = 1; i < toOrig.length; i++) expect(toOrig[i]).toBeGreaterThanOrEqual(toOrig[i - 1]);
  });
  it('expands presentation-form ligatures (ﻻ -> لا)', () => {
    expect(normalizeText('ﻻ').norm).toBe('لا');
  });
});

describe('tokens', () => {
  it('keep exact offsets, including trailing diacritics', () => {
    const text = 'التقى بومبيوُ بـ“لافروف” في 2019.\nSecond line';
    const { tokens } = doc(text);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBe(t.end - t.start);
    const b = tokens.find((t) => t.norm === 'بومبيو')!;
    expect(text.slice(b.start, b.end)).toBe('بومبيوُ');
  });
  it('split sentences at full stops and new lines, not at U.S. or 3.5', () => {
    const { sentences } = doc('The U.S. envoy met Mr. Smith. He left.\nAnother line with 3.5 points');
    expect(sentences.length).toBe(3);
  });
});

describe('Arabic proclitics', () => {
  const cases: Array<{ word: string; key: string; prefix: number }> = JSON.parse(readFileSync(new URL('./cases/ar/clitics.json', import.meta.url), 'utf8'));
  it.each(cases.map((c) => [c.word, c] as const))('%s', (_w, c) => {
    const a = analyzeArabic(c.word).find((x) => x.key === c.key);
    expect(a, JSON.stringify(analyzeArabic(c.word))).toBeDefined();
    expect(a!.prefix).toBe(c.prefix);
  });
});

describe('language detection', () => {
  it('tells Arabic from English, mixed text by majority', () => {
    expect(detectLanguage('التقى وزير الخارجية الأمريكي Mike Pompeo الرئيس الروسي')).toBe('ar');
    expect(detectLanguage('Secretary of State Mike Pompeo met «بوتين» in Sochi')).toBe('en');
    expect(detectLanguage('')).toBe('en');
  });
});
