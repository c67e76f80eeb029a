// Checks src/kb/data/lexicons/ar/common-words.json, the lexicon of frequent Arabic news words
// that makes a single-word place or name match on an everyday word need more evidence.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { LexiconFileSchema } from '../../src/kb/schema.js';

const raw: unknown = JSON.parse(
  readFileSync(new URL('../../src/kb/data/lexicons/ar/common-words.json', import.meta.url), 'utf8'),
);

/** Arabic-script letters only: no spaces, digits, punctuation, tatweel or diacritics. */
const ARABIC_WORD = new RegExp('^[[\\p{Script=Arabic}&&\\p{L}]]+$', 'v'); // 'v' (set operations): Node 20+

describe('lexicons/ar/common-words.json', () => {
  const file = LexiconFileSchema.parse(raw);
  const words = file.entries.flatMap((e) => e.phrases);
  const set = new Set(words.map((w) => w.normalize('NFC')));

  it('validates against LexiconFileSchema and names its source', () => {
    expect(file.lexicon).toBe('common-words');
    expect(file.lang).toBe('ar');
    expect(file.source.length).toBeGreaterThan(20);
  });

  it('has no duplicates after NFC', () => {
    const seen = new Set<string>();
    const dups: string[] = [];
    for (const w of words) {
      const k = w.normalize('NFC');
      if (seen.has(k)) dups.push(w);
      seen.add(k);
    }
    expect(dups).toEqual([]);
  });

  it('holds single Arabic words only', () => {
    expect(words.filter((w) => !ARABIC_WORD.test(w))).toEqual([]);
  });

  it('has at least 2,500 words', () => {
    expect(words.length).toBeGreaterThanOrEqual(2500);
  });

  it('marks the words that are also given names with alsoName', () => {
    const also = file.entries.filter((e) => e['alsoName'] === true).flatMap((e) => e.phrases);
    expect(also).toEqual(expect.arrayContaining(['سلام', 'أمل', 'نصر', 'حسن', 'صالح']));
  });

  it('contains everyday words that GeoNames also records as places', () => {
    for (const w of ['كان', 'حد', 'يوما', 'الأشهر', 'كبيرة']) expect(set.has(w), w).toBe(true);
  });

  it('contains no place or person names', () => {
    for (const w of ['مصر', 'الرياض', 'عدن', 'دبي', 'غزة', 'محمد', 'موسكو', 'سوتشي', 'بيروت', 'دمشق'])
      expect(set.has(w), w).toBe(false);
  });
});
