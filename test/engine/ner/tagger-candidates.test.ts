// The tagger candidate generator (src/engine/persons/candidates/tagger.ts): PER spans the tagger is
// sure of, where no other generator proposed a name, made of name-like words, not alone on a line.
// Gated (MIN_PER lists no language: no threshold helped on the check set), so the cases pass the
// threshold the measurements tried, 0.9.
import { describe, expect, it } from 'vitest';
import { runUntil, taggerEngine } from './tagger-engine.js';
import { personContext } from '../../../src/engine/persons/context.js';
import { MIN_PER, taggerNames } from '../../../src/engine/persons/candidates/tagger.js';

const MIN = 0.9;
const fromTagger = (text: string, language: 'ar' | 'en', ...threshold: [number | undefined] | []) => {
  const min = threshold.length ? threshold[0] : MIN;
  const doc = runUntil('person-candidates', { text, language, publishedAt: '1987-04-01' });
  const layer = doc.ann.persons!;
  const got = taggerNames(personContext(doc, taggerEngine().compiled), layer.candidates, layer.titles, min);
  return got.map((k) => ({ text: doc.text.slice(doc.toOrig[doc.tokens[k.first].normStart + k.prefix], doc.tokens[k.last - 1].end), rule: k.rule, score: k.confidence, others: layer.candidates.length }));
};
const NAKASONE = 'Japanese officials said Nakasone would visit Washington. Nakasone will meet officials there.';

describe('tagger candidates', () => {
  it('propose a surname no other generator finds, at the tagger\'s probability', () => {
    const got = fromTagger(NAKASONE, 'en');
    expect(got.map((k) => [k.text, k.rule])).toEqual([['Nakasone', 'name:tagger']]);
    expect(got[0].score).toBeGreaterThanOrEqual(MIN);
    expect(got[0].others).toBe(0);
    expect(fromTagger('وصل كوفالتشوك إلى فيينا أمس. وأكد كوفالتشوك أن المحادثات ستستمر.', 'ar').map((k) => k.text)).toEqual(['كوفالتشوك']);
  });

  it('are off by default: no language has a threshold', () => {
    expect(MIN_PER).toEqual({});
    expect(fromTagger(NAKASONE, 'en', MIN_PER.en)).toEqual([]);
    const doc = runUntil('person-candidates', { text: NAKASONE, language: 'en' });
    expect(doc.ann.persons!.candidates.filter((k) => k.rule === 'name:tagger')).toEqual([]);
  });

  it('stay silent below the threshold', () => {
    const text = 'Hradecky met the delegation in Vienna. Later Hradecky flew to Geneva.';
    const doc = runUntil('ner', { text, language: 'en' });
    const per = doc.ann.ner!.filter((s) => s.label === 'PER');
    expect(per.length).toBeGreaterThan(0);
    expect(per.every((s) => s.score < MIN)).toBe(true);
    expect(fromTagger(text, 'en')).toEqual([]);
    expect(fromTagger(text, 'en', 0.3).map((k) => k.text)).toEqual(['Hradecky', 'Hradecky']);
  });

  it('add nothing where another generator already proposed the name', () => {
    const text = 'التقى الرئيس الروسي فلاديمير بوتين نظيره في موسكو أمس.';
    const doc = runUntil('ner', { text, language: 'ar' });
    expect(doc.ann.ner!.some((s) => s.label === 'PER' && s.score >= MIN)).toBe(true);
    const got = fromTagger(text, 'ar');
    expect(got).toEqual([]);
  });

  it('take a name alone in its sentence for a signature, not a mention', () => {
    const text = `${NAKASONE}\nNakasone`;
    const doc = runUntil('ner', { text, language: 'en' });
    // the second «Nakasone» and the last line's are above the threshold (the first is below)
    expect(doc.ann.ner!.filter((s) => s.label === 'PER' && s.score >= MIN).length).toBe(2);
    expect(fromTagger(text, 'en').length).toBe(1);
  });

  it('leave a glued «و» outside the name when the document has the bare word', () => {
    const got = fromTagger('وصل كوفالتشوك إلى فيينا أمس. وأكد وكوفالتشوك في القصر.', 'ar');
    expect(got.map((k) => k.text)).toEqual(['كوفالتشوك', 'كوفالتشوك']);
  });
});
