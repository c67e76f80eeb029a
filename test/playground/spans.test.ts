// How the playground lays out mentions: nested, overlapping and paragraph-crossing spans all stay
// visible, each mention has exactly one first fragment (its test hook) and one last (its chip).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectSpans, layout, paragraphs, type Child, type FragmentNode, type Span } from '../../src/playground/web/spans.js';
import type { Extraction } from '../../src/schemas/extraction.js';

const span = (key: string, start: number, end: number, kind: Span['kind'] = 'person'): Span => ({ key, kind, colour: kind === 'person' ? 'person' : kind, item: key, start, end, label: 'X' });

function fragments(children: Child[], out: FragmentNode[] = [], parent?: FragmentNode): FragmentNode[] {
  for (const c of children) {
    if (!('span' in c)) continue;
    if (parent) expect(c.start >= parent.start && c.end <= parent.end, `${c.span.key} inside ${parent.span.key}`).toBe(true);
    out.push(c);
    fragments(c.children, out, c);
  }
  return out;
}

const flatText = (children: Child[]): string => children.map((c) => ('span' in c ? flatText(c.children) : c.text)).join('');

describe('playground span layout', () => {
  it('nests a mention inside another (the Security Council inside a resolution citation)', () => {
    const [p] = layout('the UN Security Council resolution 2254 today', [span('res', 4, 39, 'resolution'), span('org', 4, 23)]);
    const outer = p.children[1] as FragmentNode;
    expect(outer.span.key).toBe('res');
    expect(outer.height).toBe(2);
    expect((outer.children[0] as FragmentNode).span.key).toBe('org');
  });

  it('cuts a mention that crosses another one into fragments; both stay whole in total', () => {
    const text = 'abcdefghijkl';
    const [p] = layout(text, [span('a', 0, 6), span('b', 4, 10, 'place')]);
    const fs = fragments(p.children);
    expect(fs.map((f) => [f.span.key, f.start, f.end, f.first, f.last])).toEqual([
      ['a', 0, 6, true, true],
      ['b', 4, 6, true, false],
      ['b', 6, 10, false, true],
    ]);
    expect(flatText(p.children)).toBe(text);
  });

  it('shows two items on the same characters, meeting evidence outermost', () => {
    const [p] = layout('Sochi talks', [span('place', 0, 5, 'place'), span('state', 0, 5), span('m1', 0, 11, 'meeting')]);
    const fs = fragments(p.children);
    expect(fs.map((f) => f.span.key)).toEqual(['m1', 'state', 'place']);
  });

  it('gives a meeting that holds another meeting a taller underline, whatever entities sit between', () => {
    const [p] = layout('one two three four', [span('m1', 0, 18, 'meeting'), span('p', 4, 13), span('m2', 4, 8, 'meeting')]);
    const [m1] = p.children as FragmentNode[];
    expect(m1.height).toBe(2);
  });

  it('splits a mention over a line break, one paragraph each', () => {
    const ps = layout('abc\ndef', [span('x', 1, 6)]);
    expect(ps.map((p) => [p.start, p.end])).toEqual([[0, 3], [4, 7]]);
    const fs = ps.flatMap((p) => fragments(p.children));
    expect(fs.map((f) => [f.start, f.end, f.first, f.last])).toEqual([[1, 3, true, false], [4, 6, false, true]]);
  });

  it('paragraphs are the non-blank lines', () => {
    expect(paragraphs('a\r\n\n  \nb c\n')).toEqual([{ start: 0, end: 1 }, { start: 7, end: 10 }]);
  });

  it('one span per mention and per evidence span', () => {
    const m = (start: number, end: number) => ({ start, end, text: 'x'.repeat(end - start) });
    const x: Extraction = {
      language: 'en',
      participants: [{ id: 'p1', type: 'state', name: 'R', names: {}, roles: [], mentions: [m(0, 1), m(5, 6)], confidence: 1 }],
      locations: [{ id: 'l1', name: 'S', names: {}, type: 'city', mentions: [m(2, 3)] }],
      resolutions: [{ id: 'r1', body: 'UNSC', number: 1, mentions: [m(3, 4)] }],
      meetings: [{ id: 'm1', type: 'talks', status: 'held', participantIds: ['p1'], locationIds: [], topics: [], evidence: [m(0, 6)], confidence: 1 }],
    };
    const spans = collectSpans(x);
    expect(spans.map((s) => [s.kind, s.item, s.label])).toEqual([
      ['person', 'p1', 'STATE'],
      ['person', 'p1', 'STATE'],
      ['place', 'l1', 'LOC'],
      ['resolution', 'r1', 'RES'],
      ['meeting', 'm1', 'M1 talks'],
    ]);
    expect(spans[0].colour).toBe('organization');
  });

  it('for any spans: the text is kept, fragments nest, each mention has one first and one last fragment covering exactly its characters', () => {
    const text = fc.stringMatching(/^[ab \n]{1,40}$/);
    const spans = (n: number) => fc.array(fc.tuple(fc.nat(n), fc.nat(n), fc.constantFrom<Span['kind']>('person', 'place', 'resolution', 'meeting')), { maxLength: 12 });
    fc.assert(
      fc.property(text.chain((t) => fc.tuple(fc.constant(t), spans(t.length))), ([t, raw]) => {
        const ss = raw.filter(([a, b]) => a < b).map(([a, b, k], i) => span(`s${i}`, a, b, k));
        const ps = layout(t, ss);
        for (const p of ps) expect(flatText(p.children)).toBe(t.slice(p.start, p.end));
        const fs = ps.flatMap((p) => fragments(p.children));
        const visible = (i: number) => ps.some((p) => i >= p.start && i < p.end);
        for (const s of ss) {
          const mine = fs.filter((f) => f.span.key === s.key);
          const covered = new Set(mine.flatMap((f) => Array.from({ length: f.end - f.start }, (_, j) => f.start + j)));
          const want = Array.from({ length: s.end - s.start }, (_, j) => s.start + j).filter(visible);
          expect([...covered].sort((a, b) => a - b)).toEqual(want);
          if (want.length) {
            expect(mine.filter((f) => f.first)).toHaveLength(1);
            expect(mine.filter((f) => f.last)).toHaveLength(1);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
