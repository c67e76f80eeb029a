// Date expressions resolved against the publication date: relative days («أمس», "yesterday"),
// weekdays («الثلاثاء», "on Tuesday", «الثلاثاء المقبل»), weeks ("last week") and explicit
// dates («14 مايو 2019», «14 أيار/مايو», "May 14, 2019", "14 May").
import type { Doc } from '../doc.js';
import type { MatchIndex } from '../entities/lexicons.js';
import { entryOf } from '../entities/lexicons.js';

export interface DateExpr {
  value: string;
  precision: 'day' | 'week' | 'month';
  text: string;
  first: number;
  last: number;
  future: boolean;
  /** A calendar date written out (not relative to the publication date). */
  explicit: boolean;
}

/** Words that put a sentence in the future ("scheduled for Thursday" is the coming Thursday). */
const FUTURE = new Set(['will', 'scheduled', 'expected', 'due', 'plans', 'planned', 'سوف', 'المقرر', 'مقرر', 'يعتزم', 'تعتزم', 'المرتقب', 'المرتقبه', 'سيعقد', 'ستعقد', 'سيلتقي', 'ستلتقي', 'سيزور', 'ستزور', 'سيجتمع', 'ستجتمع']);

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1;
}

/** All date expressions in tokens [from, to). */
export function findDates(doc: Doc, idx: MatchIndex, from: number, to: number): DateExpr[] {
  const out: DateExpr[] = [];
  const pub = Date.parse(`${doc.date}T00:00:00Z`);
  const pubYear = Number(doc.date.slice(0, 4));
  const pubMonth = Number(doc.date.slice(5, 7));
  const tokens = doc.tokens;
  const num = (k: number) => (tokens[k]?.kind === 'number' && tokens[k].norm.length <= 4 ? Number(tokens[k].norm) : NaN);
  const monthAt = (k: number) => {
    const h = idx.at('lex:dates', k);
    const e = entryOf(h);
    return h && e && typeof e.month === 'number' ? { month: e.month, last: h.last } : undefined;
  };
  // a day and month without a year: this year's, or last year's when the month is well ahead of publication;
  // in a sentence about the future ("is expected to win … on 9 January"), the next such day
  const yearOf = (month: number, day: number, future: boolean) => {
    if (future) return `${pubYear}-${pad(month)}-${pad(day)}` < doc.date ? pubYear + 1 : pubYear;
    return month > pubMonth + 1 ? pubYear - 1 : pubYear;
  };
  const futureSentence = new Set<number>();
  for (let k = from; k < to; k++) if (FUTURE.has(tokens[k].norm)) futureSentence.add(tokens[k].sentence);
  for (let k = from; k < to; k++) {
    const h = idx.at('lex:dates', k);
    // explicit: 14 مايو 2019 / 14 May 2019 / 14 أيار (مايو)
    const d = num(k);
    if (!Number.isNaN(d) && d >= 1 && d <= 31) {
      const mo = monthAt(k + 1);
      if (mo) {
        let last = mo.last;
        // «أيار/مايو», «أيار (مايو)»: a second month name
        if (tokens[last]?.norm === '/' && monthAt(last + 1)) last = monthAt(last + 1)!.last;
        else if (tokens[last]?.norm === '(' && monthAt(last + 1) && tokens[monthAt(last + 1)!.last]?.norm === ')') last = monthAt(last + 1)!.last + 1;
        let y = num(last);
        if (!Number.isNaN(y) && y >= 1900 && y <= 2100) last++;
        else if (doc.dateGiven) y = yearOf(mo.month, d, futureSentence.has(tokens[k].sentence));
        else continue; // no year and no publication date: unknown
        if (validDay(y, mo.month, d)) {
          const value = `${y}-${pad(mo.month)}-${pad(d)}`;
          out.push({ value, precision: 'day', text: span(doc, k, last), first: k, last, future: doc.dateGiven && value > doc.date && futureSentence.has(tokens[k].sentence), explicit: true });
          k = last - 1;
          continue;
        }
      }
    }
    if (!h) continue;
    const e = entryOf(h)!;
    // relative expressions need the publication date
    if (!doc.dateGiven && typeof e.month !== 'number') continue;
    if (typeof e.month === 'number') {
      // May 14, 2019
      const dd = num(h.last);
      if (!Number.isNaN(dd) && dd >= 1 && dd <= 31 && tokens[h.first].script === 'latin') {
        let last = h.last + 1;
        if (tokens[last]?.norm === ',') last++;
        let y = num(last);
        if (!Number.isNaN(y) && y >= 1900 && y <= 2100) last++;
        else {
          if (!doc.dateGiven) continue;
          y = yearOf(e.month, dd, futureSentence.has(tokens[k].sentence));
          if (tokens[last - 1]?.norm === ',') last--;
        }
        if (validDay(y, e.month, dd)) {
          const value = `${y}-${pad(e.month)}-${pad(dd)}`;
          out.push({ value, precision: 'day', text: span(doc, k, last), first: k, last, future: doc.dateGiven && value > doc.date && futureSentence.has(tokens[k].sentence), explicit: true });
          k = last - 1;
        }
      }
      continue;
    }
    if (typeof e.offset === 'number') {
      let last = h.last;
      // «أمس الثلاثاء»: the weekday confirms the day
      const w = entryOf(idx.at('lex:dates', last));
      if (w && typeof w.weekday === 'number') last = idx.at('lex:dates', last)!.last;
      out.push({ value: iso(pub + e.offset * DAY), precision: 'day', text: span(doc, k, last), first: k, last, future: e.future === true, explicit: false });
      k = last - 1;
      continue;
    }
    if (typeof e.weekday === 'number') {
      let last = h.last;
      const dir = entryOf(idx.at('lex:dates', last));
      const prevDir = k > 0 ? entryOf(idx.at('lex:dates', k - 1)) : undefined;
      const pubDow = new Date(pub).getUTCDay();
      let delta: number;
      if (dir?.next === true || prevDir?.next === true || futureSentence.has(tokens[k].sentence)) {
        delta = (e.weekday - pubDow + 7) % 7 || 7;
        if (dir?.next === true) last = idx.at('lex:dates', last)!.last;
      } else {
        delta = -((pubDow - e.weekday + 7) % 7);
        if (dir?.last === true) {
          if (delta === 0) delta = -7;
          last = idx.at('lex:dates', last)!.last;
        }
      }
      out.push({ value: iso(pub + delta * DAY), precision: 'day', text: span(doc, k, last), first: k, last, future: delta > 0, explicit: false });
      k = last - 1;
      continue;
    }
    if (typeof e.week === 'number') {
      out.push({ value: iso(pub + e.week * 7 * DAY), precision: 'week', text: span(doc, k, h.last), first: k, last: h.last, future: e.future === true, explicit: false });
      k = h.last - 1;
    }
  }
  return out;
}

function span(doc: Doc, first: number, last: number): string {
  return doc.text.slice(doc.tokens[first].start, doc.tokens[last - 1].end);
}
