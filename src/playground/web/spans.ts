// From an extraction to a tree of highlighted fragments, per paragraph. Pure (no DOM), so the
// layout is unit-tested (test/playground/spans.test.ts) apart from the browser.
//
// Every mention of every item becomes one span. Spans nest as they do in the text; a span that
// crosses another one's end (or a paragraph break) is cut into fragments, the first of which
// carries the mention's test hook and all of which carry its item, so overlapping and nested
// mentions all stay visible and hoverable.
import type { Extraction } from '../../schemas/extraction.js';
import type { Kind as Colour } from './palette.js';

/** The item list a mention comes from (the `data-kind` hook). */
export type Kind = 'person' | 'place' | 'resolution' | 'meeting';

export interface Span {
  /** Unique per mention: kind, item id and index of the mention in the item. */
  key: string;
  kind: Kind;
  colour: Colour;
  item: string;
  start: number;
  end: number;
  label: string;
  rule?: string;
}

export interface FragmentNode {
  span: Span;
  start: number;
  end: number;
  /** Holds the mention's start (gets data-testid="mention"). */
  first: boolean;
  /** Holds the mention's end (gets the label chip). */
  last: boolean;
  /** 1 + the tallest stack of same-layer spans inside (entities and meetings stack separately). */
  height: number;
  children: Child[];
}

export type Child = FragmentNode | { text: string; start: number; end: number };

export interface Paragraph {
  start: number;
  end: number;
  children: Child[];
}

// Outer first when two spans cover the same characters.
const ORDER: Record<Kind, number> = { meeting: 0, resolution: 1, person: 2, place: 3 };

export function collectSpans(x: Extraction): Span[] {
  const spans: Span[] = [];
  for (const p of x.participants) {
    const colour: Colour = p.type === 'person' ? 'person' : 'organization';
    const label = p.type === 'person' ? 'PER' : p.type === 'state' ? 'STATE' : 'ORG';
    p.mentions.forEach((m, i) => spans.push({ key: `person:${p.id}:${i}`, kind: 'person', colour, item: p.id, start: m.start, end: m.end, label, rule: m.rule }));
  }
  for (const l of x.locations) {
    const label = l.type === 'country' ? 'GPE' : 'LOC';
    l.mentions.forEach((m, i) => spans.push({ key: `place:${l.id}:${i}`, kind: 'place', colour: 'place', item: l.id, start: m.start, end: m.end, label, rule: m.rule }));
  }
  for (const r of x.resolutions) {
    r.mentions.forEach((m, i) => spans.push({ key: `resolution:${r.id}:${i}`, kind: 'resolution', colour: 'resolution', item: r.id, start: m.start, end: m.end, label: 'RES', rule: m.rule }));
  }
  for (const mt of x.meetings) {
    mt.evidence.forEach((m, i) => spans.push({ key: `meeting:${mt.id}:${i}`, kind: 'meeting', colour: 'meeting', item: mt.id, start: m.start, end: m.end, label: `${mt.id.toUpperCase()} ${mt.type}`, rule: m.rule }));
  }
  return spans.filter((s) => s.end > s.start);
}

/** Non-empty lines of the text (each shown as its own paragraph, with dir="auto"). */
export function paragraphs(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

interface Piece {
  span: Span;
  start: number;
  end: number;
  first: boolean;
  last: boolean;
}

const before = (a: Piece, b: Piece) => a.start - b.start || b.end - a.end || ORDER[a.span.kind] - ORDER[b.span.kind] || (a.span.key < b.span.key ? -1 : 1);

function insertSorted(queue: Piece[], from: number, p: Piece): void {
  let i = from;
  while (i < queue.length && before(queue[i], p) <= 0) i++;
  queue.splice(i, 0, p);
}

/** Nests the pieces of one paragraph, cutting any piece that crosses its parent's end. */
function nest(queue: Piece[], end: number): FragmentNode[] {
  const root = { end, children: [] as Child[] };
  const stack: Array<{ end: number; children: Child[] }> = [root];
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i];
    while (stack.length > 1 && stack[stack.length - 1].end <= p.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (p.end > parent.end) {
      insertSorted(queue, i + 1, { span: p.span, start: parent.end, end: p.end, first: false, last: p.last });
      p.end = parent.end;
      p.last = false;
    }
    const node: FragmentNode = { span: p.span, start: p.start, end: p.end, first: p.first, last: p.last, height: 1, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root.children as FragmentNode[];
}

const isMeeting = (n: FragmentNode) => n.span.kind === 'meeting';

/** Fills in text runs between fragments and each fragment's stacking height. */
function finish(nodes: FragmentNode[], start: number, end: number, text: string): Child[] {
  const out: Child[] = [];
  let at = start;
  for (const n of nodes) {
    if (n.start > at) out.push({ text: text.slice(at, n.start), start: at, end: n.start });
    n.children = finish(n.children as FragmentNode[], n.start, n.end, text);
    let h = 0;
    const walk = (cs: Child[]) => {
      for (const c of cs) {
        if (!('span' in c)) continue;
        if (isMeeting(c) === isMeeting(n)) h = Math.max(h, c.height);
        else walk(c.children);
      }
    };
    walk(n.children);
    n.height = h + 1;
    out.push(n);
    at = n.end;
  }
  if (end > at) out.push({ text: text.slice(at, end), start: at, end });
  return out;
}

export function layout(text: string, spans: Span[]): Paragraph[] {
  const paras = paragraphs(text);
  const seen = new Set<string>();
  return paras.map(({ start, end }, pi) => {
    const next = pi + 1 < paras.length ? paras[pi + 1].start : Infinity;
    const pieces: Piece[] = [];
    for (const s of spans) {
      if (s.end <= start || s.start >= end) continue;
      pieces.push({ span: s, start: Math.max(s.start, start), end: Math.min(s.end, end), first: !seen.has(s.key), last: s.end <= next });
      seen.add(s.key);
    }
    pieces.sort(before);
    return { start, end, children: finish(nest(pieces, end), start, end, text) };
  });
}
