// Vetoes on candidate names the knowledge base does not vouch for (English): bylines ("Reporting
// by …", "editing by A and B"), agency photo credits ("REUTERS/…"), institutions ("Geneva
// Convention", "… Media Center"), and post-nominal letters trimmed ("Philippe Sands QC"); and
// (Arabic) two words beside a title that are an everyday phrase («استجابة لطلب الرئيس اليمني»), and
// the reporter's name at the head of a story («خالد علي– سبق– جدة:»).
import type { PersonContext } from './context.js';
import type { Candidate } from './types.js';
import type { TokenRange } from '../match/overlaps.js';


/**
 * Applies the vetoes: a candidate is dropped, or its end moved; the order is kept. A credit (a
 * byline, a photo credit) is dropped and its words go to `blocking`: no place is read in them
 * either ("Writing by Peter Graff Dominic Evans": not Evans, Georgia).
 */
export function applyVetoes(ctx: PersonContext, candidates: Candidate[], blocking: TokenRange[]): Candidate[] {
  const out: Candidate[] = [];
  for (const cand of candidates) {
    const latin = ctx.tokens[cand.first].script === 'latin' && cand.kb === undefined && cand.rule !== 'person:kb-alias';
    if ((latin && credit(ctx, cand.first)) || headByline(ctx, cand)) {
      blocking.push({ first: cand.first, last: cand.last });
      continue;
    }
    if (latin) {
      const last = englishEnd(ctx, cand.first, cand.last);
      if (last < 0) continue;
      cand.last = last;
    }
    if (everydayWords(ctx, cand)) continue;
    out.push(cand);
  }
  return out;
}

/** "Reporting by …", "REUTERS/Omar Sanadiki": a byline's or a photo credit's name. */
function credit(ctx: PersonContext, first: number): boolean {
  const tokens = ctx.tokens;
  if (byline(ctx, first)) return true;
  const b1 = tokens[first - 1];
  return !!b1 && b1.norm === '/' && !!tokens[first - 2] && ctx.doc.words.photoAgencies.has(tokens[first - 2]);
}

/**
 * Arabic «وذلك استجابة لطلب الرئيس اليمني», «ويرى منتقدو الرئيس التركي»: two words beside a title
 * (or a quoted one) that the knowledge base and the given names do not know, one of them an everyday
 * word with a proclitic glued on («لـ+طلب», «و+يرى»), are a phrase, not a name.
 */
function everydayWords(ctx: PersonContext, cand: Candidate): boolean {
  const { tokens, idx, parser } = ctx;
  if (tokens[cand.first].script !== 'ar' || cand.kb !== undefined) return false;
  const r = cand.rule;
  if (!r.startsWith('name:before-title') && !r.startsWith('name:after-title') && !r.startsWith('name:quoted')) return false;
  let everyday = false;
  for (let k = cand.first; k < cand.last; k++) {
    if (idx.has('given', k) || idx.has('person', k)) return false;
    if (parser.everydayWithProclitic(k)) everyday = true;
  }
  return everyday;
}

/** Where an English name really ends, or -1 when it is no person's name. */
function englishEnd(ctx: PersonContext, first: number, last: number): number {
  const { tokens, lex, doc } = ctx;
  while (last - first > 1) {
    const t = tokens[last - 1];
    const raw = doc.text.slice(t.start, t.end);
    if (t.norm.length <= 3 && raw === raw.toUpperCase() && /[A-Z]/.test(raw)) last--;
    else break;
  }
  if (lex.blockers.has(tokens[last - 1].norm)) return -1;
  if (last < tokens.length && tokens[last].cap && lex.blockers.has(tokens[last].norm)) return -1;
  return last;
}

/** How many tokens back from a name a byline's "… by" may stand ("Reporting by A in Beirut and B in Amsterdam C in …"). */
const BYLINE_REACH = 40;

/**
 * "(Reporting by Andrew Heavens; Editing by …)", and every name after it up to the next ";" ("…
 * by Erika Solomon in Beirut and Anthony Deutsch in Amsterdam Niklas Pollard in Stockholm"): the
 * credits of a wire story, not people of it.
 */
function byline(ctx: PersonContext, first: number): boolean {
  const tokens = ctx.tokens;
  const s = tokens[first].sentence;
  for (let k = first - 1, n = 0; k > 0 && n < BYLINE_REACH && tokens[k].sentence === s; k--, n++) {
    const t = tokens[k];
    if (t.norm === ';' || t.norm === '.') return false;
    if (t.norm === 'by') return ctx.doc.words.bylines.has(tokens[k - 1]);
  }
  return false;
}

/** Tokens from the start of the story within which a byline stands. */
const BYLINE_HEAD = 12;

/**
 * «خالد علي– سبق– جدة: …», «بروفايل سبق – محمد عطيف: …»: an Arabic name at the head of the story,
 * a news agency (word set news-agencies) within two words of it, and the colon that opens the story
 * a few words after it: the reporter, not a person of the story.
 */
function headByline(ctx: PersonContext, cand: Candidate): boolean {
  const { tokens, doc } = ctx;
  if (tokens[cand.first].script !== 'ar' || cand.first >= BYLINE_HEAD) return false;
  let colon = false;
  for (let k = cand.last; k < Math.min(tokens.length, cand.last + 6) && !colon; k++) colon = tokens[k].norm === ':';
  if (!colon) return false;
  for (let k = Math.max(0, cand.first - 3); k < Math.min(tokens.length, cand.last + 3); k++) if ((k < cand.first || k >= cand.last) && doc.words.newsAgencies.has(tokens[k])) return true;
  return false;
}
