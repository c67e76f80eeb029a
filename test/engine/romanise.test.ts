// Press romanisation of unknown Arabic names (src/engine/names/): the case file
// test/engine/cases/ar/names/romanise.json (Arabic name → English press spelling, and why), on the
// miniature knowledge base so that the cases do not move when the knowledge base grows; then the
// participant an unknown Arabic name produces carries it as names.en, marked a transliteration.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixtureEngine } from './fixture-kb.js';
import { romaniser } from '../../src/engine/names/romanise.js';
import { letters } from '../../src/engine/names/letters.js';
import { learnedParts } from '../../src/engine/names/learned-parts.js';
import { fixtureKb } from './fixture-kb.js';

interface RCase {
  ar: string;
  en: string | null;
  reason: string;
}
const cases: RCase[] = JSON.parse(readFileSync(new URL('./cases/ar/names/romanise.json', import.meta.url), 'utf8'));

describe('romanise (ar)', () => {
  it.each(cases.map((c) => [`${c.ar} → ${c.en} (${c.reason})`, c] as const))('%s', (_n, c) => {
    expect(romaniser(fixtureEngine().compiled).romanise(c.ar) ?? null).toBe(c.en);
  });

  it('letter by letter: glides by their neighbours, guessed short vowels', () => {
    expect(letters('دوابشة')).toBe('dawabsha'); // و before ا is w
    expect(letters('فهد')).toBe('fahd'); // the opening pair takes a, the closing pair after it none
    expect(letters('يوسف')).toBe('yusf'); // initial ي is y, و between consonants u (the press's Yousef is listed)
    expect(letters('كيلو')).toBe('kilo'); // final و is o
  });

  it('learns name parts from the people the knowledge base holds, only from plausible word pairs', () => {
    const key = (w: string) => w;
    const parts = learnedParts(
      {
        ...fixtureKb(),
        people: [
          { ...fixtureKb().people[0], names: { en: ['Adel al-Jubeir'], ar: ['عادل الجبير'] } },
          { ...fixtureKb().people[0], names: { en: ['Sami Wahba'], ar: ['ماجد الجبير'] } },
        ],
      },
      key,
    );
    expect(parts.get('الجبير')).toBe('al-Jubeir');
    expect(parts.get('عادل')).toBe('Adel');
    expect(parts.has('ماجد')).toBe(false); // "Sami Wahba" cannot spell «ماجد الجبير»: the pair is skipped
  });

  it('an unknown Arabic-named person gets names.en with source "transliteration"', () => {
    const text = 'التقى وزير الخارجية اليمني أحمد القحطاني نظيره المصري سامح شكري في القاهرة أمس.';
    const out = fixtureEngine().extract({ text, language: 'ar', publishedAt: '2015-03-01' });
    const p = out.participants.find((x) => x.names.ar === 'أحمد القحطاني');
    expect(p?.names).toEqual({ ar: 'أحمد القحطاني', en: 'Ahmed al-Qahtani', source: 'transliteration' });
    expect(p?.name).toBe('أحمد القحطاني'); // the display name stays the written one
    const known = out.participants.find((x) => x.names.ar === 'سامح شكري');
    expect(known?.names).toEqual({ ar: 'سامح شكري', en: 'Sameh Shoukry' }); // a known person keeps the knowledge base's names, unmarked
  });
});
