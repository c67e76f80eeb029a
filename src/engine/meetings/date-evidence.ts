// When an encounter took place: a date in its sentence, else the nearest one before it, else the
// article's first, else the publication date — a held encounter never takes a date still to come
// from elsewhere; «غداة» / "the day after" and «عشية» / "on the eve of" before the trigger move it
// a day back or forward (planned).
import type { DateExpr } from '../dates/resolve.js';
import { findDates } from '../dates/resolve.js';
import { entryOf, type Hit, type MatchIndex } from '../entities/lexicons.js';
import { firstAtOrAfter } from '../match/bisect.js';
import { groupBySentence, type MeetingContext } from './context.js';
import type { Evidence } from './types.js';

export interface ArticleDates {
  all: DateExpr[];
  /** Dates not in the future of their sentence. */
  past: DateExpr[];
  bySentence: Map<number, DateExpr[]>;
}

export function articleDates(mc: MeetingContext): ArticleDates {
  const { doc, idx, tokens } = mc;
  let all = findDates(doc, idx, 0, tokens.length);
  // "September 8 2013 U.S. leaves door open …": a date opening the text is the story's own date
  const opening = all[0];
  if (opening && opening.explicit && opening.first <= 2 && !opening.future && opening.value !== doc.date) {
    all = findDates({ ...doc, date: opening.value, dateGiven: true }, idx, 0, tokens.length);
  }
  return { all, past: all.filter((d) => !d.future), bySentence: groupBySentence(mc, all) };
}

/** The evidence for the date of an encounter told at trigger `h` in sentence `s`, best first. */
export function dateEvidence(mc: MeetingContext, dates: ArticleDates, h: Hit, s: number, planned: boolean): Array<Evidence<DateExpr>> {
  const out: Array<Evidence<DateExpr>> = [];
  const inSentence = dates.bySentence.get(s)?.[0];
  if (inSentence) out.push({ value: inSentence, source: 'sentence', score: 1, reason: 'a date in the sentence' });
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
