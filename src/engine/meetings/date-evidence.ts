// When an encounter took place: a date in its sentence, else the nearest one before it, else the
// article's first, else the publication date — a held encounter never takes a date still to come
// from elsewhere; «غداة» / "the day after" and «عشية» / "on the eve of" before the trigger move it
// a day back or forward (planned).
import type { DateExpr } from '../dates/resolve.js';
import { dayOrWeek, findDates } from '../dates/resolve.js';
import { entryOf, type Hit, type MatchIndex } from '../entities/lexicons.js';
import { firstAtOrAfter } from '../match/bisect.js';
import { groupBySentence, type MeetingContext } from './context.js';
import type { Evidence } from './types.js';

/** How near before a trigger (in tokens) a month or a year must stand to date its encounter. */
const MONTH_REACH = 6;
const NO_ARGS = new Uint8Array(0);
/** How many tokens (a conjunction, a preposition: «وفي», "In") may stand before a sentence-opening month or year. */
const FRONT = 1;

export interface ArticleDates {
  /** Dates of a day or a week (those that may date an encounter told in a later sentence). */
  all: DateExpr[];
  /** Of those, the ones not in the future of their sentence. */
  past: DateExpr[];
  /** Every date, months and years included, by sentence. */
  bySentence: Map<number, DateExpr[]>;
  /** Per token, 1 where it names a person or a place (see argumentTokens); empty when the article has no month or year. */
  args: Uint8Array;
}

export function articleDates(mc: MeetingContext): ArticleDates {
  const { doc, idx, tokens } = mc;
  let all = findDates(doc, idx, 0, tokens.length);
  // "September 8 2013 U.S. leaves door open …": a date opening the text is the story's own date
  const opening = all[0];
  if (opening && opening.explicit && opening.first <= 2 && !opening.future && opening.value !== doc.date) {
    all = findDates({ ...doc, date: opening.value, dateGiven: true }, idx, 0, tokens.length);
  }
  // a month or a year ("in March 2011", «العام الماضي») dates its own sentence only: stories name them for background
  const days = all.filter(dayOrWeek);
  // (the argument mask only when there is a month or a year to place)
  return { all: days, past: days.filter((d) => !d.future), bySentence: groupBySentence(mc, all), args: days.length < all.length ? argumentTokens(mc) : NO_ARGS };
}

/** Tokens that name an encounter's people or place: person and place mentions, titles, honorifics, demonyms. */
function argumentTokens(mc: MeetingContext): Uint8Array {
  const out = new Uint8Array(mc.tokens.length);
  const mark = (first: number, last: number) => out.fill(1, first, last);
  for (const m of mc.mentions) mark(m.first, m.last);
  for (const p of mc.places) mark(p.first, p.last);
  for (const key of ['lex:titles', 'lex:honorifics', 'demonym']) for (const x of mc.idx.all(key)) mark(x.first, x.last);
  return out;
}

/** Whether tokens [from, to) only name the encounter's people and place, with the words that link them («مع», "with", "at"). */
function argumentsOnly(mc: MeetingContext, args: Uint8Array, from: number, to: number): boolean {
  const w = mc.doc.words;
  for (let k = from; k < to; k++) {
    const t = mc.tokens[k];
    if (!args[k] && !w.encounterLinks.has(t) && !w.meetingLocatives.has(t) && !w.visitPrepositions.has(t) && !w.determiners.has(t)) return false;
  }
  return true;
}

/** A month or a year that opens its sentence («عام 1998، كاد نتنياهو …», "In November 1985, …"): it dates the whole sentence. */
function fronted(mc: MeetingContext, d: DateExpr): boolean {
  return d.first - mc.doc.sentences[mc.tokens[d.first].sentence].first <= FRONT;
}

/** The evidence for the date of an encounter told at trigger `h` in sentence `s`, best first. */
export function dateEvidence(mc: MeetingContext, dates: ArticleDates, h: Hit, s: number, planned: boolean): Array<Evidence<DateExpr>> {
  const out: Array<Evidence<DateExpr>> = [];
  const own = dates.bySentence.get(s) ?? [];
  const inSentence = own.find(dayOrWeek);
  if (inSentence) out.push({ value: inSentence, source: 'sentence', score: 1, reason: 'a date in the sentence' });
  else {
    // a month or a year right before the trigger ("In November 1985, Reagan met …"), or after it with
    // only the encounter's own words between, or opening the sentence («التقى السيسي الملك عبدالله الثاني في القاهرة الشهر
    // الماضي», "held talks with Bush at Camp David last March"), not a month the sentence names for something else
    const near = own.find((d) => (d.last <= h.first && (d.last > h.first - MONTH_REACH || fronted(mc, d))) || (d.first >= h.last && argumentsOnly(mc, dates.args, h.last, d.first)));
    if (near) out.push({ value: near, source: 'sentence', score: 1, reason: 'a month or a year by the trigger' });
  }
  const candidates = planned ? dates.all : dates.past;
  const before = candidates[firstAtOrAfter(candidates, h.first) - 1];
  if (before) out.push({ value: before, source: 'before', score: 0.8, reason: 'the nearest date before' });
  if (candidates[0]) out.push({ value: candidates[0], source: 'article', score: 0.6, reason: "the article's first date" });
  if (mc.doc.dateGiven) {
    out.push({ value: { value: mc.doc.date, precision: 'day', text: '', first: h.first, last: h.first, future: false, explicit: false }, source: 'publication', score: 0.4, reason: 'the publication date' });
  }
  return out;
}

/** «غداة» (−1), «عشية» (+1), "the day after", "on the eve of" right before a trigger. */
export function eventOffset(idx: MatchIndex, h: Hit): number {
  for (let k = Math.max(0, h.first - 4); k < h.first; k++) {
    const d = idx.at('lex:dates', k);
    const off = entryOf(d)?.eventOffset;
    if (d && d.last === h.first && typeof off === 'number') return off;
  }
  return 0;
}

export function shiftDay(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
