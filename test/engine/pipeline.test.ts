// The pipeline: named components validated when the engine is built, prefixes for tests, errors
// that name the failing component, and lexicons that must exist.
import { describe, expect, it } from 'vitest';
import { createPipeline, PipelineError, type Component } from '../../src/engine/pipeline.js';
import { COMPONENTS, DEFAULT_PIPELINE, OPTIONAL_COMPONENTS, createEngine, docFor } from '../../src/engine/index.js';
import { wordSet, UnknownLexiconError } from '../../src/engine/lexicon/words.js';
import { stopwordSet } from '../../src/engine/entities/lexicons.js';
import { fixtureEngine, fixtureKb, runUntil } from './fixture-kb.js';

const noop = (name: string, requires: string[] = []): Component => ({ name, requires, run() {} });

describe('pipeline', () => {
  it('fails at build time on an unknown component, a duplicate, or one placed before what it requires', () => {
    const reg = new Map([noop('a'), noop('b', ['a'])].map((c) => [c.name, c]));
    expect(() => createPipeline(['a', 'x'], reg)).toThrow(/component "x": unknown component/);
    expect(() => createPipeline(['a', 'a'], reg)).toThrow(/listed twice/);
    expect(() => createPipeline(['b', 'a'], reg)).toThrow(/component "b": requires "a"/);
    expect(createPipeline(['a', 'b'], reg).names).toEqual(['a', 'b']);
  });

  it('names the component that failed', () => {
    const reg = new Map([noop('a'), { name: 'boom', requires: [], run: () => { throw new TypeError('bad index'); } }].map((c) => [c.name, c]));
    const p = createPipeline(['a', 'boom'], reg);
    const doc = docFor({ text: 'x' });
    expect(() => p.run(doc, fixtureEngine().compiled)).toThrow(PipelineError);
    expect(() => p.run(doc, fixtureEngine().compiled)).toThrow(/pipeline component "boom": bad index/);
  });

  it('until(name) runs a prefix, and refuses a name not in the pipeline', () => {
    const doc = runUntil('titles', { text: 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي.', publishedAt: '2019-05-15' });
    expect(doc.ann.persons?.titles.length).toBeGreaterThan(0);
    expect(doc.ann.participants).toBeUndefined();
    expect(() => fixtureEngine().pipeline.until('nope')).toThrow(/not in this pipeline/);
  });

  it('the default pipeline is every registered component but the optional ones, each after what it requires', () => {
    expect(DEFAULT_PIPELINE).toEqual([...COMPONENTS.keys()].filter((n) => !OPTIONAL_COMPONENTS.has(n)));
    expect(fixtureEngine().pipeline.names).toEqual(DEFAULT_PIPELINE);
  });

  it('a component reading a layer nobody wrote says which component should have', () => {
    const e = fixtureEngine();
    const only = createPipeline(['match', 'meeting-clauses'].filter((n) => n !== 'meeting-clauses'), COMPONENTS);
    const doc = only.run(docFor({ text: 'Kerry met Lavrov.' }), e.compiled);
    expect(() => COMPONENTS.get('meeting-clauses')!.run(doc, e.compiled)).toThrow(/written by component "participants"/);
  });
});

describe('lexicons', () => {
  it('an unknown lexicon name fails', () => {
    expect(() => wordSet(fixtureEngine().compiled, 'no-such-lexicon')).toThrow(UnknownLexiconError);
    expect(() => stopwordSet(fixtureEngine().compiled, 'no-such-lexicon')).toThrow(UnknownLexiconError);
  });

  it('the engine fails at start-up when a word set it reads is missing', () => {
    const kb = fixtureKb();
    const lexicons = new Map(kb.lexicons);
    lexicons.delete('en/relative-pronouns');
    expect(() => createEngine({ ...kb, lexicons })).toThrow(/unknown lexicon "relative-pronouns"/);
  });

  it('word sets are compiled with the text normaliser: «بمدينة» in a file meets the token «بمدينة»', () => {
    const c = fixtureEngine().compiled;
    const doc = runUntil('match', { text: 'المرتقبة إلى' });
    expect(wordSet(c, 'future-markers').has(doc.tokens[0])).toBe(true);
    expect(wordSet(c, 'visit-prepositions').has(doc.tokens[1])).toBe(true);
  });
});
