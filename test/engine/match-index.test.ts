// MatchIndex answers "the longest hit of a kind at token k" by bisection with a moving hint;
// checked against a plain Map on random hits and random look-up orders.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MatchIndex } from '../../src/engine/entities/lexicons.js';
import type { Payload } from '../../src/engine/compile.js';
import type { TrieMatch } from '../../src/engine/match/trie.js';

const payload = (lexicon: string): Payload => ({ kind: 'lex', lexicon, slot: `lex:${lexicon}`, lang: 'en', entry: { phrases: ['x'] } });

describe('MatchIndex', () => {
  it('finds the longest hit at each token, whatever the order of look-ups', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ first: fc.nat(60), len: fc.integer({ min: 1, max: 4 }), prefix: fc.nat(2), lex: fc.constantFrom('a', 'b') }), { maxLength: 80 }),
        fc.array(fc.record({ lex: fc.constantFrom('a', 'b', 'c'), k: fc.nat(70) }), { maxLength: 200 }),
        (hits, queries) => {
          const matches: TrieMatch<Payload>[] = hits.map((h) => ({ first: h.first, last: h.first + h.len, analysis: { key: 'x', prefix: h.prefix, clitics: '', article: false }, payloads: [payload(h.lex)] }));
          const idx = new MatchIndex(matches);
          // the reference: longest, then fewest proclitics, then first found
          const best = new Map<string, { last: number; prefix: number }>();
          for (const h of hits) {
            const key = `lex:${h.lex}|${h.first}`;
            const had = best.get(key);
            if (!had || had.last < h.first + h.len || (had.last === h.first + h.len && had.prefix > h.prefix)) best.set(key, { last: h.first + h.len, prefix: h.prefix });
          }
          for (const q of queries) {
            const got = idx.at(`lex:${q.lex}`, q.k);
            const want = best.get(`lex:${q.lex}|${q.k}`);
            expect(got ? { last: got.last, prefix: got.prefix } : undefined).toEqual(want);
            expect(idx.has(`lex:${q.lex}`, q.k)).toBe(want !== undefined);
          }
          for (const lex of ['a', 'b']) {
            const firsts = idx.all(`lex:${lex}`).map((h) => h.first);
            expect(firsts).toEqual([...new Set(hits.filter((h) => h.lex === lex).map((h) => h.first))].sort((x, y) => x - y));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
