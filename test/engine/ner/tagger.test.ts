// The name tagger: feature extraction on a few tokens, run-time scores equal to the training
// view's, the committed models on short sentences, determinism, valid offsets, linear cost,
// and the held-out figures recorded in the manifests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../../src/engine/compile.js';
import { buildDoc } from '../../../src/engine/doc.js';
import { featureContext, SET_FIRSTNAME, SET_SURNAME } from '../../../src/engine/ner/context.js';
import { extractFeatures, titleBefore, tokenFacts } from '../../../src/engine/ner/extract.js';
import { shapeOf, S, wordInfo } from '../../../src/engine/ner/features.js';
import { NUM_LABELS as L } from '../../../src/engine/ner/labels.js';
import { Scorer } from '../../../src/engine/ner/scorer.js';
import { loadTagger, NER_DATA_DIR, type NerSpan } from '../../../src/engine/ner/tagger.js';
import { loadKnowledgeBase } from '../../../src/kb/index.js';

let compiled: Compiled | undefined;
const c = () => (compiled ??= compile(loadKnowledgeBase()));
const doc = (text: string, lang: 'ar' | 'en') => buildDoc(text, lang, '2020-01-01', true, false);
const words = (d: ReturnType<typeof doc>, s: NerSpan) => d.tokens.slice(s.first, s.last).map((t) => t.norm).join(' ');

describe('features', () => {
  it('share the clitic-split reading: «وبومبيو» meets «بومبيو»', () => {
    const ctx = featureContext(c());
    const d = doc('وبومبيو بومبيو', 'ar');
    const [a, b] = d.tokens.map((t) => wordInfo(ctx, t));
    expect(a.hash).not.toBe(b.hash);
    expect([...a.readings]).toContain(b.readings[0]);
    const shared = [...a.feats].filter((f) => b.feats.includes(f));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('tell Latin shapes apart from the original letters', () => {
    const d = doc('Obama OBAMA obama 2019 , بوتين', 'en');
    expect(d.tokens.map((t) => shapeOf(d.text, t))).toEqual([S.Cap, S.Upper, S.Lower, S.Digits, S.Punct, S.Arabic]);
  });

  it('mark name particles and known given names', () => {
    const ctx = featureContext(c());
    const d = doc('محمد بن سلمان', 'ar');
    const x = tokenFacts(ctx, d, c().trie.matchAll(d.tokens));
    expect(x.words[1].sets & 1).toBe(1); // بن is a name particle
    expect(x.masks[0] & (0b11 << 4)).not.toBe(0); // محمد is a given name (kind 2)
  });

  it('mark the words of known people\'s names, a title before a name and the rank of a place', () => {
    const ctx = featureContext(c());
    const d = doc('قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن روسيا مستعدة', 'ar');
    const x = tokenFacts(ctx, d, c().trie.matchAll(d.tokens));
    const at = (w: string) => d.tokens.findIndex((t) => t.norm === w);
    const [sergei, lavrov, moscow, russia, said] = ['سيرغي', 'لافروف', 'موسكو', 'روسيا', 'قال'].map(at);
    expect(x.words[lavrov].sets & SET_SURNAME).not.toBe(0);
    expect(x.words[sergei].sets & SET_FIRSTNAME).not.toBe(0);
    expect(x.words[said].sets & (SET_SURNAME | SET_FIRSTNAME)).toBe(0);
    // «وزير الخارجية» ends two tokens before «سيرغي», with only a demonym between: distance 2, clean
    expect(titleBefore(x.masks, sergei, 0)).toBe(2 * 2 + 1);
    expect(titleBefore(x.masks, said, 0)).toBe(0);
    expect(x.places[moscow] & 7).toBe(3); // a capital
    expect(x.places[russia] & 7).toBe(4); // a country
    expect(x.places[said]).toBe(0);
  });

  it('give the same emission scores at run time as in the training view', () => {
    const t = loadTagger(c(), 'en')!;
    const d = doc('Foreign Minister Sergei Lavrov met U.S. Secretary of State Mike Pompeo in Sochi.\nThey talked.', 'en');
    const m = c().trie.matchAll(d.tokens);
    const f = extractFeatures(t.ctx, d, m, t.model.mask);
    const x = tokenFacts(t.ctx, d, m);
    const scorer = new Scorer(t.model);
    for (const s of d.sentences) {
      const n = s.last - s.first;
      const a = new Float64Array(n * L);
      const b = new Float64Array(n * L);
      t.model.emissions(f, s.first, s.last, a);
      scorer.emissions(x, s.first, s.last, b);
      for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 3);
    }
  });
});

describe('the committed models', () => {
  it('tag people and places in an Arabic sentence', () => {
    const t = loadTagger(c(), 'ar')!;
    const d = doc('التقى وزير الخارجية السعودي عادل الجبير نظيره الروسي سيرغي لافروف في موسكو أمس.', 'ar');
    const spans = t.tag(d, c().trie.matchAll(d.tokens));
    const got = spans.map((s) => `${s.label}:${words(d, s)}`);
    expect(got).toEqual(expect.arrayContaining(['PER:عادل الجبير', 'PER:سيرغي لافروف', 'LOC:موسكو']));
  });

  it('tag people and places in an English sentence', () => {
    const t = loadTagger(c(), 'en')!;
    const d = doc('U.N. envoy Geir Pedersen told reporters in Geneva that the talks would resume.', 'en');
    const got = t.tag(d, c().trie.matchAll(d.tokens)).map((s) => `${s.label}:${words(d, s)}`);
    expect(got).toEqual(expect.arrayContaining(['PER:geir pedersen', 'LOC:geneva']));
  });

  it('are deterministic and give valid spans and scores', () => {
    const t = loadTagger(c(), 'ar')!;
    const text = readFileSync(new URL('../../../../shared/articles/seed-sochi-2019-ar.txt', import.meta.url), 'utf8');
    const d = doc(text, 'ar');
    const m = c().trie.matchAll(d.tokens);
    const a = t.tag(d, m);
    const b = loadTagger(c(), 'ar')!.tag(doc(text, 'ar'), c().trie.matchAll(d.tokens));
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(5);
    let prev = 0;
    for (const s of a) {
      expect(s.first).toBeGreaterThanOrEqual(prev);
      expect(s.last).toBeGreaterThan(s.first);
      expect(s.last).toBeLessThanOrEqual(d.tokens.length);
      expect(d.tokens[s.first].sentence).toBe(d.tokens[s.last - 1].sentence);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      prev = s.last;
    }
  });

  it('cost grows linearly with the text (4x text, roughly 4x time)', () => {
    const t = loadTagger(c(), 'ar')!;
    const unit = readFileSync(new URL('../../../../shared/articles/seed-sochi-2019-ar.txt', import.meta.url), 'utf8');
    const time = (copies: number) => {
      const d = doc(Array(copies).fill(unit).join('\n\n'), 'ar');
      const m = c().trie.matchAll(d.tokens);
      for (let i = 0; i < 3; i++) t.tag(d, m);
      let best = Infinity;
      for (let i = 0; i < 7; i++) {
        const s = performance.now();
        t.tag(d, m);
        best = Math.min(best, performance.now() - s);
      }
      return best;
    };
    time(32); // warm on both sizes first: a half-compiled first pass made the small one look slow
    const small = time(8);
    const big = time(32);
    expect(big / small).toBeGreaterThan(2);
    expect(big / small).toBeLessThan(8); // shared CI cores: generous, but quadratic would be 16
  });
});

describe('held-out figures recorded in the manifests', () => {
  const manifest = (lang: string) => JSON.parse(readFileSync(`${NER_DATA_DIR}tagger-${lang}.manifest`, 'utf8'));
  it('English: PER F1 >= 0.88, LOC F1 >= 0.88 (issue 11)', () => {
    const s = manifest('en').heldOut.scores;
    expect(s.PER.f1).toBeGreaterThanOrEqual(0.88);
    expect(s.LOC.f1).toBeGreaterThanOrEqual(0.88);
  });
  it('Arabic: no lower than the model trained without the tuning gold reached (PER 0.60, LOC 0.75)', () => {
    const s = manifest('ar').heldOut.scores;
    expect(s.PER.f1).toBeGreaterThanOrEqual(0.6);
    expect(s.LOC.f1).toBeGreaterThanOrEqual(0.75);
  });
  it('were trained on the public corpora only, nothing from the tuning gold (../shared/eval/dev)', () => {
    // a model trained on silver documents from the tuning gold learnt those articles' names: the
    // tuning figures rose and the check set's fell
    for (const lang of ['ar', 'en']) expect(manifest(lang).training.silver).toBe('none');
  });
  // The Arabic targets are not reached yet: this fails on purpose until they are, then
  // vitest reports it and `.fails` must be removed.
  it.fails('Arabic: PER F1 >= 0.85, LOC F1 >= 0.88 (issue 11; not reached)', () => {
    const s = manifest('ar').heldOut.scores;
    expect(s.PER.f1).toBeGreaterThanOrEqual(0.85);
    expect(s.LOC.f1).toBeGreaterThanOrEqual(0.88);
  });
  it('name the training data, seed and epochs', () => {
    for (const lang of ['ar', 'en']) {
      const m = manifest(lang);
      expect(m.training.file).toMatch(/conll2003-train|anercorp-dev/);
      expect(Number.isInteger(m.seed) && Number.isInteger(m.epochs)).toBe(true);
      expect(m.bytes).toBeLessThan(5_000_000);
    }
  });
});
