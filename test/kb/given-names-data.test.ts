// Checks src/kb/data/given-names.json, the given-name lexicon used to recognise untitled
// person names in running text.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';

interface GivenNamesFile {
  source: string;
  ar: string[];
  arAmbiguous?: string[];
  en: string[];
  enAmbiguous?: string[];
}

const data = JSON.parse(
  readFileSync(new URL('../../src/kb/data/given-names.json', import.meta.url), 'utf8'),
) as GivenNamesFile;

/** Arabic-script letters (no digits, punctuation, tatweel or diacritics) separated by single spaces. */
const ARABIC_NAME = new RegExp('^[[\\p{Script=Arabic}&&\\p{L}]]+(?: [[\\p{Script=Arabic}&&\\p{L}]]+)*$', 'v'); // 'v' (set operations): Node 20+
/** Latin-script letters, with the hyphens and apostrophes of names like Jean-Yves or Ze'ev. */
const LATIN_NAME = /^\p{Script=Latin}+(?:[ '-]\p{Script=Latin}+)*$/u;

function duplicatesAfterNfc(list: string[]): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const n of list) {
    const k = n.normalize('NFC');
    if (seen.has(k)) dups.push(n);
    seen.add(k);
  }
  return dups;
}

describe('given-names.json', () => {
  const arAmbiguous = data.arAmbiguous ?? [];
  const enAmbiguous = data.enAmbiguous ?? [];

  it('names its source', () => {
    expect(typeof data.source).toBe('string');
    expect(data.source.length).toBeGreaterThan(20);
  });

  it('has no duplicates after NFC, within or across the plain and ambiguous lists', () => {
    expect(duplicatesAfterNfc(data.ar)).toEqual([]);
    expect(duplicatesAfterNfc(data.en)).toEqual([]);
    expect(duplicatesAfterNfc([...data.ar, ...arAmbiguous])).toEqual([]);
    expect(duplicatesAfterNfc([...data.en, ...enAmbiguous])).toEqual([]);
  });

  it('stores every entry in NFC', () => {
    for (const n of [...data.ar, ...arAmbiguous, ...data.en, ...enAmbiguous]) expect(n).toBe(n.normalize('NFC'));
  });

  it('has only Arabic-script letters and spaces in ar entries', () => {
    const bad = [...data.ar, ...arAmbiguous].filter((n) => !ARABIC_NAME.test(n));
    expect(bad).toEqual([]);
  });

  it('has only Latin-script entries in en', () => {
    const bad = [...data.en, ...enAmbiguous].filter((n) => !LATIN_NAME.test(n));
    expect(bad).toEqual([]);
  });

  it('is big enough', () => {
    expect(data.ar.length).toBeGreaterThanOrEqual(800);
    expect(data.en.length).toBeGreaterThanOrEqual(1000);
  });

  it('knows the names that title-less mentions in Arabic news rely on', () => {
    for (const n of ['مايك', 'سيرغي', 'فلاديمير', 'جيم']) expect(data.ar).toContain(n);
    for (const n of ['محمد', 'عبدالله', 'عبد الله', 'عبد الرحمن', 'عبدالرحمن', 'سيرجي', 'أنغيلا', 'أنجيلا']) expect(data.ar).toContain(n);
    for (const n of ['Mohammed', 'Mohamed', 'Muhammad', 'Ahmed', 'Abdullah', 'John']) expect(data.en).toContain(n);
  });

  it('keeps common words out of the plain lists', () => {
    for (const w of ['أمل', 'سلام', 'نصر', 'باسم']) expect(data.ar).not.toContain(w);
    for (const w of ['May', 'June', 'Will', 'Hope']) {
      expect(data.en).not.toContain(w);
      expect(enAmbiguous).toContain(w);
    }
  });
});
