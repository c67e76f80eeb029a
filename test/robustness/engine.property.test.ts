// Property-based tests on the engine itself: hostile Unicode, real articles mutated, and
// pathological inputs. For every input: no exception, a schema-valid extraction, exact
// offsets (text.slice(start, end) === mention.text), the same output twice, bounded time.
// Fixed seed (FC_SEED to change it, FC_RUNS_SCALE to run more); long-run.ts runs thousands.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/index.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { acceptableText, fcOptions, hostileText, language, loadArticles, mutatedArticle, PATHOLOGICAL, pathologicalSize, publishedAt } from './arbitraries.js';
import { checkExtraction, checkSame, describeInput, timed } from './invariants.js';

let engine: Engine;
beforeAll(() => {
  engine = createEngine(loadKnowledgeBase());
});

/** Extract twice, check everything; returns the slower of the two times. */
function extractChecked(input: Parameters<Engine['extract']>[0]): number {
  const a = timed(() => engine.extract(input));
  const b = timed(() => engine.extract(input));
  try {
    checkExtraction(input.text, a.value);
    checkSame(a.value, b.value);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n  input: ${describeInput(input.text)} language=${input.language} publishedAt=${input.publishedAt}`);
  }
  return Math.max(a.ms, b.ms);
}

describe('engine: hostile Unicode', () => {
  it('random Arabic, presentation forms, diacritics, bidi/zero-width marks, emoji, CJK, controls, lone surrogates', () => {
    fc.assert(
      fc.property(hostileText(300), language, publishedAt, fc.boolean(), (text, lang, date, debug) => {
        extractChecked({ text, ...(lang ? { language: lang } : {}), ...(date ? { publishedAt: date } : {}), debug });
      }),
      fcOptions(400),
    );
  });

  it('short inputs (0-8 fragments), where edge cases at the text boundaries live', () => {
    fc.assert(
      fc.property(hostileText(8), language, (text, lang) => {
        extractChecked({ text, ...(lang ? { language: lang } : {}), publishedAt: '2019-05-15' });
      }),
      fcOptions(600),
    );
  });

  it('long random texts stay fast (< 2 ms per KiB + 200 ms)', () => {
    fc.assert(
      fc.property(acceptableText(6000), (text) => {
        const ms = extractChecked({ text });
        if (ms > 200 + (2 * text.length) / 1024) throw new Error(`${Math.round(ms)} ms for ${text.length} characters`);
      }),
      fcOptions(25),
    );
  });
});

const articles = loadArticles();

describe.skipIf(articles.length === 0)('engine: real articles, mutated (../shared/articles)', () => {
  it('every article as is', () => {
    for (const a of articles) extractChecked({ text: a.text, title: a.title, publishedAt: a.date, language: 'auto' });
  });

  it('truncated, reversed, digits swapped, noise added, marks inserted, ...', () => {
    fc.assert(
      fc.property(mutatedArticle(articles), language, publishedAt, (m, lang, date) => {
        try {
          extractChecked({ text: m.text, ...(lang ? { language: lang } : {}), ...(date ? { publishedAt: date } : {}) });
        } catch (e) {
          throw new Error(`article #${m.article} (${articles[m.article].id}) after ${m.mutations.join(' + ')}: ${(e as Error).message}`);
        }
      }),
      fcOptions(250),
    );
  });
});

describe('engine: pathological inputs', () => {
  // The sizes: 200,000 copies of one letter, 20,000 meeting triggers in a row,
  // 3,000-number resolution lists, 50,000 nested brackets, one 1 MiB token, and more.
  const BOUND_MS = Number(process.env.PATHOLOGICAL_BOUND_MS ?? 3000);
  it.each(Object.keys(PATHOLOGICAL))('%s finishes within the bound, with exact offsets', (name) => {
    const text = PATHOLOGICAL[name](pathologicalSize(name));
    const ms = extractChecked({ text, publishedAt: '2019-05-15' });
    expect(ms, `${name}: ${Math.round(ms)} ms for ${text.length} characters`).toBeLessThan(BOUND_MS);
  });

  // Linear, not just bounded: 4x the input (from half the size to twice it, both large
  // enough to be past cache and young-generation effects) may take at most 12x longer
  // (linear: 4x; a quadratic stage: 16x). The fastest of three runs counts; a failing ratio is
  // measured up to twice more (other test files share the CPU); times under 50 ms are not judged.
  const SCALING = ['one letter repeated', 'meeting trigger repeated', 'meeting trigger + title repeated', 'resolution list, security council (ar)', 'resolution list (en)', 'resolution symbols', 'nested brackets', 'nested mixed brackets', 'name particles repeated', 'titles repeated', 'dates repeated', 'dots', 'quotes', 'one huge arabic token', 'many people met (en)', 'many people met (ar)'];
  it.each(SCALING)('%s: time grows linearly with the input', (name) => {
    const full = pathologicalSize(name);
    const fastest = (k: number) => {
      const text = PATHOLOGICAL[name](k);
      engine.extract({ text }); // warm up
      return Math.min(...[0, 1, 2, 3, 4].map(() => timed(() => engine.extract({ text })).ms));
    };
    const ratio = () => {
      const small = fastest(Math.floor(full / 2));
      const large = fastest(full * 2);
      return { small, large, ratio: large > 50 ? large / Math.max(small, 1) : 0 };
    };
    let r = ratio();
    // GC pauses on a loaded 2-core machine can hit every run of one size: retry a few times
    for (let retry = 0; retry < 4 && r.ratio >= 12; retry++) r = ratio();
    expect(r.ratio, `${name}: ${r.small.toFixed(1)} ms at n/2, ${r.large.toFixed(1)} ms at 2n (n=${full})`).toBeLessThan(12);
  }, 60_000);
});
