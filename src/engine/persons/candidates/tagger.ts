// Candidates: person names the trained name tagger finds (component "ner") where no other
// generator proposed anything — a name with no title, no known given name and no reporting
// verb beside it. Only spans the tagger is sure of (MIN_PER: off by default, see there), made of
// name-like words (no title, place, demonym, date or function word: NameParser.nameWord), and
// they go through the same vetoes, overlap resolution and linking as every other candidate.
import type { PersonContext } from '../context.js';
import type { Candidate, TitleUse } from '../types.js';
import type { DocNerSpan } from '../../ner/component.js';

/**
 * Least tagger probability of a PER span for it to become a candidate, per language; a language
 * not listed gets no tagger candidates. Empty: on the check set no threshold helped (Arabic at
 * 0.9 and 0.97 added false positives, English at 0.9 changed nothing), see README.
 */
export const MIN_PER: Readonly<Record<string, number>> = {};

export function taggerNames(ctx: PersonContext, others: readonly Candidate[], titles: readonly TitleUse[], min = MIN_PER[ctx.doc.language]): Candidate[] {
  const spans = ctx.doc.ann.ner;
  if (min === undefined || !spans || spans.length === 0) return [];
  const taken = new Uint8Array(ctx.tokens.length);
  for (const k of others) taken.fill(1, k.first, k.last);
  for (const t of titles) taken.fill(1, t.first, t.last);
  const out: Candidate[] = [];
  for (const s of spans) {
    if (s.label !== 'PER' || s.score < min || !free(taken, s) || !nameLike(ctx, s) || alone(ctx, s) || known(ctx, s)) continue;
    out.push({ first: s.first, last: s.last, prefix: proclitic(ctx, s.first), rule: 'name:tagger', confidence: s.score, priority: 5 });
  }
  return out;
}

function free(taken: Uint8Array, s: DocNerSpan): boolean {
  for (let k = s.first; k < s.last; k++) if (taken[k]) return false;
  return true;
}

/** A name that is its whole sentence is a signature or a heading ("Reuter" closing a wire), not a mention. */
function alone(ctx: PersonContext, s: DocNerSpan): boolean {
  const sent = ctx.doc.sentences[ctx.tokens[s.first].sentence];
  // (a few tokens each side are enough: a signature line has at most a dash or a bracket besides)
  for (let k = s.first - 1, n = 0; k >= sent.first; k--, n++) if (n === 4 || ctx.tokens[k].kind === 'word') return false;
  for (let k = s.last, n = 0; k < sent.last; k++, n++) if (n === 4 || ctx.tokens[k].kind === 'word') return false;
  return true;
}

/** A known person's alias inside: the knowledge-base generator decided on it (out of tenure, a thing's name …). */
function known(ctx: PersonContext, s: DocNerSpan): boolean {
  for (let k = s.first; k < s.last; k++) {
    const h = ctx.idx.at('person', k);
    if (h && h.first >= s.first && h.last <= s.last) return true;
  }
  return false;
}

/**
 * Every word may be part of a name; the first and the last are name words, not particles; an
 * Arabic name does not open with an «ال» word unless it is a nisba family name («الدليمي», not
 * «الوزيران», «الشيشان رمضان»).
 */
function nameLike(ctx: PersonContext, s: DocNerSpan): boolean {
  const p = ctx.parser;
  const t = ctx.tokens[s.first];
  if (t.script === 'ar' && p.withArticle(s.first) && !t.norm.endsWith('ي')) return false;
  if (!p.nameWord(s.first) || !p.nameWord(s.last - 1)) return false;
  for (let k = s.first + 1; k < s.last - 1; k++) if (!p.nameWord(k) && !p.isParticle(k)) return false;
  return true;
}

/**
 * Code units of a proclitic glued to the name's first word («وبومبيو» → «بومبيو»): the tagger
 * tags whole tokens. A reading without it is taken when the document has that word on its own,
 * or the knowledge base or the given-name lexicon knows it; otherwise the word stays whole.
 */
function proclitic(ctx: PersonContext, k: number): number {
  const t = ctx.tokens[k];
  if (t.script !== 'ar' || t.analyses.length < 2) return 0;
  const h = ctx.idx.at('given', k) ?? ctx.idx.at('person', k);
  if (h && h.first === k) return h.prefix;
  const bare = bareWords(ctx);
  for (const a of t.analyses) if (a.prefix > 0 && bare.has(a.key)) return a.prefix;
  return 0;
}

const bareCache = new WeakMap<object, Set<string>>();

/** Matching keys of the document's Arabic words as written, without splitting proclitics (for proclitic). */
function bareWords(ctx: PersonContext): Set<string> {
  let s = bareCache.get(ctx.doc);
  if (!s) {
    s = new Set();
    for (const t of ctx.tokens) if (t.script === 'ar' && t.kind === 'word') s.add(t.analyses[0].key);
    bareCache.set(ctx.doc, s);
  }
  return s;
}
