// The "ner" pipeline component: the tagger runs once per document before the person components,
// and its spans sit on the Doc with exact character offsets, token ranges, label, score and reason.
// It is optional: only a pipeline that lists it runs it (and loads the models).
import { describe, expect, it } from 'vitest';
import { runUntil, taggerEngine } from './tagger-engine.js';
import { fixtureEngine } from '../fixture-kb.js';
import { DEFAULT_PIPELINE, TAGGER_PIPELINE } from '../../../src/engine/index.js';
import { loadTaggers } from '../../../src/engine/ner/component.js';

const EN = 'Japanese officials said Nakasone would visit Washington. Nakasone will meet officials there.';
const AR = 'وصل كوفالتشوك إلى فيينا أمس. وأكد كوفالتشوك أن المحادثات ستستمر.';

describe('component "ner"', () => {
  it('runs right after the automaton and before the person components, in the tagger pipeline only', () => {
    const names = taggerEngine().pipeline.names;
    expect(names.indexOf('ner')).toBeGreaterThan(names.indexOf('match'));
    expect(names.indexOf('ner')).toBeLessThan(names.indexOf('titles'));
    expect(TAGGER_PIPELINE.filter((n) => n !== 'ner')).toEqual(DEFAULT_PIPELINE);
    expect(fixtureEngine().pipeline.names).not.toContain('ner');
  });

  it.each([
    ['en', EN, ['Nakasone', 'Washington', 'Nakasone'], ['PER', 'LOC', 'PER']],
    ['ar', AR, ['كوفالتشوك', 'فيينا', 'كوفالتشوك'], ['PER', 'LOC', 'PER']],
  ] as const)('stores the tagger spans with exact offsets (%s)', (language, text, words, labels) => {
    const doc = runUntil('ner', { text, language, publishedAt: '1987-04-01' });
    const spans = doc.ann.ner!;
    expect(spans.map((s) => s.text)).toEqual(words);
    expect(spans.map((s) => s.label)).toEqual(labels);
    for (const s of spans) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.start).toBe(doc.tokens[s.first].start);
      expect(s.end).toBe(doc.tokens[s.last - 1].end);
      expect(s.reason).toBe('ner');
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    // the person components have not run
    expect(doc.ann.persons).toBeUndefined();
  });

  it('gives nothing on text without names, and on an empty document', () => {
    expect(runUntil('ner', { text: 'the talks went on for hours and ended late.', language: 'en' }).ann.ner).toEqual([]);
    expect(runUntil('ner', { text: '', language: 'ar' }).ann.ner).toEqual([]);
  });

  it('loads each model once per compiled knowledge base', () => {
    const c = taggerEngine().compiled;
    expect(loadTaggers(c)).toBe(loadTaggers(c));
    expect([...loadTaggers(c).keys()].sort()).toEqual(['ar', 'en']);
  });

  it('changes no output: nothing reads its spans by default', () => {
    const input = { text: `${EN} Reagan met Nakasone in Washington on Tuesday.`, language: 'en' as const, publishedAt: '1987-04-01' };
    expect(taggerEngine().extract(input)).toEqual(fixtureEngine().extract(input));
  });
});
