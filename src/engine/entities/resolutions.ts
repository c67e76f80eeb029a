// UN resolution citations. A citation is an anchor word («القرار», "resolution"), an
// optional organ before or after it («مجلس الأمن», "Security Council"), fillers («رقم»,
// «الدولي»), then one or more numbers («القرارين 242 و338», "resolutions 242 and 338"),
// each with an optional year "(2015)" / «لعام 2015» or session "194 (III)"; or a UN
// document symbol (S/RES/2254 (2015), A/RES/67/19, A/RES/ES-10/19, A/HRC/RES/31/1).
// Bounded look-around over tokens: linear in the document.
import type { Doc, Span } from '../doc.js';
import { spanOf } from '../doc.js';
import type { Compiled, ResWord } from '../compile.js';
import type { Token } from '../text/tokenize.js';
import type { TrieMatch } from '../match/trie.js';
import type { Payload } from '../compile.js';

export type Body = 'UNSC' | 'UNGA' | 'HRC' | 'other';

export interface Citation {
  body: Body;
  explicitBody: boolean;
  number: number;
  session?: string;
  year?: number;
  span: Span;
}

const LOOK_BACK = 8;
const LOOK_AHEAD = 8;
const MAX_LIST = 64;
const ROMAN: Record<string, number> = {
  i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12, xiii: 13, xiv: 14, xv: 15,
  xvi: 16, xvii: 17, xviii: 18, xix: 19, xx: 20, xxi: 21, xxii: 22, xxiii: 23, xxiv: 24, xxv: 25, xxvi: 26, xxvii: 27, xxviii: 28, xxix: 29, xxx: 30,
};

interface WordAt {
  word: ResWord;
  last: number;
  prefix: number;
}

function intOf(t: Token | undefined): number | null {
  if (!t || t.kind !== 'number' || t.norm.length > 5) return null;
  return Number(t.norm);
}
const isYear = (n: number | null): n is number => n !== null && n >= 1946 && n <= 2100;

export function findResolutions(doc: Doc, c: Compiled, matches: TrieMatch<Payload>[]): Citation[] {
  const tokens = doc.tokens;
  // longest resolution-word match starting at each token
  const at = new Map<number, WordAt>();
  for (const m of matches) {
    const p = m.payloads.find((x) => x.kind === 'res');
    if (!p || p.kind !== 'res') continue;
    const had = at.get(m.first);
    if (!had || m.last > had.last) at.set(m.first, { word: p.word, last: m.last, prefix: m.analysis.prefix });
  }
  // does the document speak of the UN at all? (bare «القرار 2254» needs it)
  let unContext = false;
  for (const w of at.values()) if (w.word.role === 'body' || w.word.un) unContext = true;
  const out: Citation[] = [];
  let resumeAt = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i < resumeAt) continue;
    const sym = symbolAt(doc, i);
    if (sym) {
      out.push(...sym.citations);
      resumeAt = sym.last;
      continue;
    }
    const w = at.get(i);
    if (!w || w.word.role !== 'anchor') continue;
    const r = citationAt(doc, c, at, i, w, unContext);
    if (r) {
      out.push(...r.citations);
      resumeAt = r.last;
    }
  }
  return out;
}

interface Organ {
  body?: Body;
  un: boolean;
  /** Where the citation starts (the organ before the anchor, when there is one). */
  first: number;
  firstPrefix: number;
}

function citationAt(doc: Doc, c: Compiled, at: Map<number, WordAt>, i: number, anchor: WordAt, unContext: boolean): { citations: Citation[]; last: number } | null {
  const organ = organBefore(doc, at, i, anchor);
  const j = numberAfter(doc, at, anchor, organ);
  if (j < 0) return null;
  const { citations, decree, last } = numberList(doc, at, anchor, organ, j);
  if (citations.length === 0) return null;
  const body = organ.body;
  if (decree && !body) return { citations: [], last };
  if (!body && !organ.un && !unContext && !citations.every((ct) => c.resolutionTopics.has(String(ct.number)))) return { citations: [], last };
  // a bare citation without a UN organ: known General Assembly resolutions keep their organ
  if (!body) for (const ct of citations) if (ct.session || c.resolutionTopics.get(`UNGA:${ct.number}`)) ct.body = 'UNGA';
  return { citations, last };
}

/** The organ before the anchor: "UN Security Council resolution", «مجلس الأمن في قراره». */
function organBefore(doc: Doc, at: Map<number, WordAt>, i: number, anchor: WordAt): Organ {
  const tokens = doc.tokens;
  const sentence = tokens[i].sentence;
  const organ: Organ = { body: anchor.word.body, un: false, first: i, firstPrefix: anchor.prefix };
  for (let k = i - 1; k >= 0 && k >= i - LOOK_BACK && tokens[k].sentence === sentence; k--) {
    let hit: WordAt | undefined;
    let hitStart = -1;
    for (let s = k; s >= Math.max(0, k - 6); s--) {
      const x = at.get(s);
      if (x && x.last === k + 1 && (x.word.role === 'body' || x.word.role === 'filler')) {
        hit = x;
        hitStart = s;
        break;
      }
    }
    if (!hit) break;
    if (hit.word.role === 'body' && !organ.body) organ.body = hit.word.body;
    if (hit.word.un) organ.un = true;
    organ.first = hitStart;
    organ.firstPrefix = hit.prefix;
    k = hitStart;
  }
  if (organ.first !== i && !organ.body && !organ.un) {
    organ.first = i; // only fillers before: keep the citation tight
    organ.firstPrefix = anchor.prefix;
  }
  return organ;
}

/** The first number after the anchor, past organ and filler words (which may name the organ), or -1. */
function numberAfter(doc: Doc, at: Map<number, WordAt>, anchor: WordAt, organ: Organ): number {
  const tokens = doc.tokens;
  const sentence = tokens[organ.first].sentence;
  let j = anchor.last;
  let steps = 0;
  while (j < tokens.length && steps++ < LOOK_AHEAD && tokens[j].sentence === sentence) {
    const t = tokens[j];
    if (t.kind === 'number') break;
    const x = at.get(j);
    if (x && (x.word.role === 'body' || x.word.role === 'filler')) {
      if (x.word.role === 'body' && !organ.body) organ.body = x.word.body;
      if (x.word.un) organ.un = true;
      j = x.last;
      continue;
    }
    if (t.kind === 'punct' && (t.norm === '(' || t.norm === ')' || t.norm === ':' || t.norm === '"')) {
      j++;
      continue;
    }
    return -1;
  }
  if (j >= tokens.length || tokens[j].kind !== 'number' || tokens[j].sentence !== sentence) return -1;
  return j;
}

/** The numbers from token j on: one, or a list («القرارين 242 و338», "resolutions 2118 2209 and 2254"). */
function numberList(doc: Doc, at: Map<number, WordAt>, anchor: WordAt, organ: Organ, j: number): { citations: Citation[]; decree: boolean; last: number } {
  const tokens = doc.tokens;
  const citations: Citation[] = [];
  let decree = false;
  let k = j;
  let lastTok = j + 1;
  while (citations.length < MAX_LIST) {
    const parsed = parseNumber(doc, at, k);
    if (!parsed) break;
    if (parsed.decree) decree = true;
    const firstNumber = citations.length === 0;
    const span = spanOf(doc, firstNumber ? organ.first : k, parsed.last, firstNumber ? organ.firstPrefix : 0, firstNumber ? 'resolution:citation' : 'resolution:list-item');
    citations.push({ body: organ.body ?? 'UNSC', explicitBody: organ.body !== undefined, number: parsed.number, session: parsed.session, year: parsed.year, span });
    lastTok = parsed.last;
    // list continuation: «و338», "and 338", ", 1737"
    let n = parsed.last;
    let joined = false;
    while (n < tokens.length && tokens[n].sentence === tokens[j].sentence) {
      const x = at.get(n);
      if (!x || x.word.role !== 'list') break;
      n = x.last;
      joined = true;
    }
    // a plural anchor also takes bare runs: "resolutions 2118 2209 2235 and 2254"
    if (!joined && anchor.word.plural && tokens[n]?.kind === 'number' && tokens[n].sentence === tokens[j].sentence) joined = true;
    if (!joined || n >= tokens.length || tokens[n].kind !== 'number') break;
    k = n;
  }
  return { citations, decree, last: lastTok };
}

interface ParsedNumber {
  number: number;
  session?: string;
  year?: number;
  decree: boolean;
  last: number;
}

function parseNumber(doc: Doc, at: Map<number, WordAt>, k: number): ParsedNumber | null {
  const tokens = doc.tokens;
  const n = intOf(tokens[k]);
  if (n === null || n <= 0 || n > 9999) return null;
  // percent, thousands separators, decimals: not a resolution number
  const next = tokens[k + 1];
  if (next && !next.spaceBefore && (next.norm === '%' || ((next.norm === '.' || next.norm === ',') && tokens[k + 2]?.kind === 'number' && !tokens[k + 2].spaceBefore))) return null;
  let last = k + 1;
  let session: string | undefined;
  let number = n;
  let year: number | undefined;
  let decree = false;
  // 31/1 (session/number)
  if (next?.norm === '/' && intOf(tokens[k + 2]) !== null) {
    session = String(n);
    number = intOf(tokens[k + 2])!;
    last = k + 3;
  }
  const t = tokens[last];
  if (t?.norm === '(' && tokens[last + 2]?.norm === ')') {
    const inner = tokens[last + 1];
    const y = intOf(inner);
    if (isYear(y)) {
      year = y;
      last += 3;
    } else if (inner.kind === 'word' && ROMAN[inner.norm] && !session) {
      session = String(ROMAN[inner.norm]);
      last += 3;
    }
  } else if (t) {
    const x = at.get(last);
    if (x && (x.word.role === 'year' || x.word.role === 'decree') && isYear(intOf(tokens[x.last]))) {
      year = intOf(tokens[x.last])!;
      decree = x.word.role === 'decree';
      last = x.last + 1;
    }
  }
  return { number, session, year, decree, last };
}

/** S/RES/2254 (2015), A/RES/67/19, A/RES/ES-10/19, A/HRC/RES/31/1. */
function symbolAt(doc: Doc, i: number): { citations: Citation[]; last: number } | null {
  const tk = doc.tokens;
  const t = tk[i];
  if (t.script !== 'latin' || (t.norm !== 's' && t.norm !== 'a')) return null;
  const glued = (k: number) => tk[k] && !tk[k].spaceBefore;
  let k = i + 1;
  let body: Body = t.norm === 's' ? 'UNSC' : 'UNGA';
  if (!(tk[k]?.norm === '/' && glued(k))) return null;
  k++;
  if (body === 'UNGA' && tk[k]?.norm === 'hrc' && tk[k + 1]?.norm === '/') {
    body = 'HRC';
    k += 2;
  }
  if (tk[k]?.norm !== 'res' || tk[k + 1]?.norm !== '/') return null;
  k += 2;
  let session: string | undefined;
  if (body !== 'UNSC') {
    let es = '';
    if (tk[k]?.norm === 'es' && tk[k + 1]?.norm === '-') {
      es = 'ES-';
      k += 2;
    }
    const s = intOf(tk[k]);
    if (s === null || tk[k + 1]?.norm !== '/') {
      // old style A/RES/194 (III)
      const n = intOf(tk[k]);
      if (n === null || es) return null;
      let last = k + 1;
      if (tk[last]?.norm === '(' && ROMAN[tk[last + 1]?.norm ?? ''] && tk[last + 2]?.norm === ')') {
        session = String(ROMAN[tk[last + 1].norm]);
        last += 3;
      }
      return { citations: [{ body, explicitBody: true, number: n, session, span: spanOf(doc, i, last, 0, 'resolution:symbol') }], last };
    }
    session = es + String(s);
    k += 2;
  }
  const n = intOf(tk[k]);
  if (n === null) return null;
  let last = k + 1;
  let year: number | undefined;
  if (tk[last]?.norm === '(' && isYear(intOf(tk[last + 1])) && tk[last + 2]?.norm === ')') {
    year = intOf(tk[last + 1])!;
    last += 3;
  }
  return { citations: [{ body, explicitBody: true, number: n, session, year, span: spanOf(doc, i, last, 0, 'resolution:symbol') }], last };
}
