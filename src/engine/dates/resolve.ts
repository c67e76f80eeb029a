// Date expressions resolved against the publication date: relative days («أمس», "yesterday"),
// weekdays («الثلاثاء», "on Tuesday", «الثلاثاء المقبل»), weeks ("last week"), explicit dates
// («14 مايو 2019», «14 أيار/مايو», "May 14, 2019", "14 May"), and months and years with their
// coarser precision («نوفمبر 1985», «أكتوبر الماضي», "in November 1985", "last October", "last month",
// «العام الماضي»).
import type { Doc } from '../doc.js';
import type { Hit, MatchIndex } from '../entities/lexicons.js';
import { entryOf } from '../entities/lexicons.js';
import { futureAt } from '../lexicon/future.js';

export interface DateExpr {
  value: string;
  precision: 'day' | 'week' | 'month' | 'year';
  text: string;
  first: number;
  last: number;
  future: boolean;
  /** A calendar date written out (not relative to the publication date). */
  explicit: boolean;
}


const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1;
}

interface Scan {
  doc: Doc;
  idx: MatchIndex;
  pub: number;
  /** The publication date's year and month. */
  pubY: number;
  pubM: number;
  futureSentence: Set<number>;
}

/** All date expressions in tokens [from, to). */
export function findDates(doc: Doc, idx: MatchIndex, from: number, to: number): DateExpr[] {
  const out: DateExpr[] = [];
  const tokens = doc.tokens;
  const futureSentence = new Set<number>();
  for (let k = from; k < to; k++) if (futureAt(doc, idx, k)) futureSentence.add(tokens[k].sentence);
  const scan: Scan = { doc, idx, pub: Date.parse(`${doc.date}T00:00:00Z`), pubY: Number(doc.date.slice(0, 4)), pubM: Number(doc.date.slice(5, 7)), futureSentence };
  for (let k = from; k < to; k++) {
    // explicit: 14 مايو 2019 / 14 May 2019 / 14 أيار (مايو)
    const explicit = dayFirst(scan, k);
    if (explicit === 'unknown') continue;
    if (explicit) {
      out.push(explicit);
      k = explicit.last - 1;
      continue;
    }
    const h = idx.at('lex:dates', k);
    if (!h) {
      const year = bareYear(scan, k);
      if (year) {
        out.push(year);
        k = year.last - 1;
      }
      continue;
    }
    const e = entryOf(h)!;
    if (typeof e.dayOrdinal === 'number') {
      const ordinal = ordinalDay(scan, k, h, e.dayOrdinal);
      if (ordinal === 'unknown') continue;
      if (ordinal) {
        out.push(ordinal);
        k = ordinal.last - 1;
      }
      continue;
    }
    // relative expressions need the publication date
    if (!doc.dateGiven && typeof e.month !== 'number') continue;
    const found = typeof e.month === 'number' ? (monthFirst(scan, k, h, e.month) ?? monthOnly(scan, k, h, e.month)) : relative(scan, k, h);
    if (found) {
      out.push(found);
      k = found.last - 1;
    }
  }
  return out;
}

function num(doc: Doc, k: number): number {
  const t = doc.tokens[k];
  return t?.kind === 'number' && t.norm.length <= 4 ? Number(t.norm) : NaN;
}

/** A year written at token k (1900–2100). */
function yearAt(doc: Doc, k: number): number | undefined {
  const y = num(doc, k);
  return y >= 1900 && y <= 2100 ? y : undefined;
}

/** «عام 1998», «في 2012», "in 1998": a year after a year introducer, not the bound of a span («منذ عام 2009», "since 2009"). */
function bareYear(scan: Scan, k: number): DateExpr | undefined {
  const { doc } = scan;
  const tokens = doc.tokens;
  const w = doc.words;
  if (!w.yearIntroducers.has(tokens[k]) || w.spanBounds.has(tokens[k - 1])) return undefined;
  // «في عام 1998»: the introducer may itself follow one
  const at = w.yearIntroducers.has(tokens[k + 1]) ? k + 2 : k + 1;
  const y = yearAt(doc, at);
  if (y === undefined || tokens[at].sentence !== tokens[k].sentence) return undefined;
  const value = String(y);
  return { value, precision: 'year', text: span(doc, k, at + 1), first: k, last: at + 1, future: doc.dateGiven && value > doc.date.slice(0, 4) && scan.futureSentence.has(tokens[k].sentence), explicit: true };
}

/** A day or a week: a date that may date an encounter told in a later sentence (a month or a year names background). */
export function dayOrWeek(d: DateExpr): boolean {
  return d.precision === 'day' || d.precision === 'week';
}

function monthAt(scan: Scan, k: number): { month: number; last: number } | undefined {
  const h = scan.idx.at('lex:dates', k);
  const e = entryOf(h);
  return h && e && typeof e.month === 'number' ? { month: e.month, last: h.last } : undefined;
}

/**
 * A day and month without a year: this year's, or last year's when the month is well ahead of
 * publication; in a sentence about the future ("is expected to win … on 9 January"), the next such
 * day when it is at most half a year ahead (a story names a day a year ahead with its year: «… الذي
 * أبرمته الدول الكبرى مع إيران في 14 يوليو», in a sentence about Kerry's coming visit written on
 * 1 August, is the 14 July just past).
 */
function yearOf(doc: Doc, month: number, day: number, future: boolean): number {
  const pubYear = Number(doc.date.slice(0, 4));
  if (future) {
    if (`${pubYear}-${pad(month)}-${pad(day)}` >= doc.date) return pubYear;
    const ahead = Date.parse(`${pubYear + 1}-${pad(month)}-${pad(day)}T00:00:00Z`) - Date.parse(`${doc.date}T00:00:00Z`);
    return ahead <= HALF_YEAR_MS ? pubYear + 1 : pubYear;
  }
  return month > Number(doc.date.slice(5, 7)) + 1 ? pubYear - 1 : pubYear;
}
const HALF_YEAR_MS = 183 * 86_400_000;

function explicitDay(scan: Scan, k: number, last: number, y: number, month: number, day: number): DateExpr {
  const doc = scan.doc;
  const value = `${y}-${pad(month)}-${pad(day)}`;
  return { value, precision: 'day', text: span(doc, k, last), first: k, last, future: doc.dateGiven && value > doc.date && scan.futureSentence.has(doc.tokens[k].sentence), explicit: true };
}

/** «14 مايو 2019», «14 أيار/مايو», «14 أيار (مايو)», "14 May": 'unknown' when no year is written and no publication date is given. */
function dayFirst(scan: Scan, k: number): DateExpr | 'unknown' | undefined {
  const { doc } = scan;
  const tokens = doc.tokens;
  const d = num(doc, k);
  if (Number.isNaN(d) || d < 1 || d > 31) return undefined;
  const mo = monthAt(scan, k + 1);
  if (!mo) return undefined;
  let last = secondMonth(scan, mo.last);
  let y = yearAt(doc, last);
  if (y !== undefined) last++;
  else if (doc.dateGiven) y = yearOf(doc, mo.month, d, scan.futureSentence.has(tokens[k].sentence));
  else return 'unknown';
  return validDay(y, mo.month, d) ? explicitDay(scan, k, last, y, mo.month, d) : undefined;
}

/** «الثالث من أغسطس», «الرابع عشر من تموز/يوليو 2015»: an ordinal day, «من», a month and maybe a year. */
function ordinalDay(scan: Scan, k: number, h: Hit, d: number): DateExpr | 'unknown' | undefined {
  const { doc } = scan;
  const tokens = doc.tokens;
  if (tokens[h.last]?.norm !== 'من') return undefined;
  // «الرابع عشر من الشهر الماضي»
  const rel = scan.idx.at('lex:dates', h.last + 1);
  const off = entryOf(rel)?.monthOffset;
  if (rel && typeof off === 'number' && doc.dateGiven) {
    const [ry, rm] = addMonths(scan.pubY, scan.pubM, off);
    if (!validDay(ry, rm, d)) return undefined;
    const out = explicitDay(scan, k, rel.last, ry, rm, d);
    return { ...out, explicit: false, future: out.value > doc.date && (off > 0 || scan.futureSentence.has(tokens[k].sentence)) };
  }
  const mo = monthAt(scan, h.last + 1);
  if (!mo) return undefined;
  let last = secondMonth(scan, mo.last);
  let y = yearAt(doc, last);
  let ahead = false;
  if (y !== undefined) last++;
  else {
    if (!doc.dateGiven) return 'unknown';
    // «من أغسطس المقبل» / «الماضي»: the direction is part of the date
    const dir = entryOf(scan.idx.at('lex:dates', last));
    ahead = dir?.next === true;
    y = yearOf(doc, mo.month, d, ahead || scan.futureSentence.has(tokens[k].sentence));
    if (dir?.next === true || dir?.last === true) last = scan.idx.at('lex:dates', last)!.last;
  }
  if (!validDay(y, mo.month, d)) return undefined;
  const out = explicitDay(scan, k, last, y, mo.month, d);
  if (ahead && out.value > doc.date) out.future = true;
  return out;
}

/** "May 14, 2019", "May 14". */
function monthFirst(scan: Scan, k: number, h: Hit, month: number): DateExpr | undefined {
  const { doc } = scan;
  const tokens = doc.tokens;
  const dd = num(doc, h.last);
  if (Number.isNaN(dd) || dd < 1 || dd > 31 || tokens[h.first].script !== 'latin') return undefined;
  let last = h.last + 1;
  if (tokens[last]?.norm === ',') last++;
  let y = yearAt(doc, last);
  if (y !== undefined) last++;
  else {
    if (!doc.dateGiven) return undefined;
    y = yearOf(doc, month, dd, scan.futureSentence.has(tokens[k].sentence));
    if (tokens[last - 1]?.norm === ',') last--;
  }
  return validDay(y, month, dd) ? explicitDay(scan, k, last, y, month, dd) : undefined;
}

/** «أمس الثلاثاء», «الثلاثاء المقبل», "on Tuesday", "last week": days relative to the publication date. */
function relative(scan: Scan, k: number, h: Hit): DateExpr | undefined {
  const { doc, idx, pub } = scan;
  const e = entryOf(h)!;
  if (typeof e.offset === 'number') {
    let last = h.last;
    // «أمس الثلاثاء»: the weekday confirms the day
    const wh = idx.at('lex:dates', last);
    const w = entryOf(wh);
    if (wh && w && typeof w.weekday === 'number' && !bareArabicWeekday(doc, wh)) last = wh.last;
    return { value: iso(pub + e.offset * DAY), precision: 'day', text: span(doc, k, last), first: k, last, future: e.future === true, explicit: false };
  }
  if (typeof e.weekday === 'number') return bareArabicWeekday(doc, h) ? undefined : weekday(scan, k, h, e.weekday);
  if (typeof e.week === 'number') {
    return { value: iso(pub + e.week * 7 * DAY), precision: 'week', text: span(doc, k, h.last), first: k, last: h.last, future: e.future === true, explicit: false };
  }
  if (typeof e.monthOffset === 'number') {
    const [y, m] = addMonths(scan.pubY, scan.pubM, e.monthOffset);
    return { value: `${y}-${pad(m)}`, precision: 'month', text: span(doc, k, h.last), first: k, last: h.last, future: e.future === true, explicit: false };
  }
  if (typeof e.yearOffset === 'number') {
    return { value: String(scan.pubY + e.yearOffset), precision: 'year', text: span(doc, k, h.last), first: k, last: h.last, future: e.future === true, explicit: false };
  }
  return undefined;
}

function addMonths(y: number, m: number, n: number): [number, number] {
  const i = y * 12 + (m - 1) + n;
  return [Math.floor(i / 12), (i % 12) + 1];
}

/**
 * A month without a day: "November 1985", «نوفمبر 1985», «أيار/مايو 1985» (explicit); "last
 * October", «أكتوبر الماضي» (the last such month before the publication month); "next March",
 * «مارس المقبل»; a bare month after "in" / «في» / «شهر» (the latest such month, or the next one in
 * a sentence about the future). English month names must be capitalised ("may" is a verb).
 */
function monthOnly(scan: Scan, k: number, h: Hit, month: number): DateExpr | undefined {
  const { doc, idx } = scan;
  const tokens = doc.tokens;
  const latin = tokens[h.first].script === 'latin';
  if (latin && !tokens[h.first].cap) return undefined;
  let last = secondMonth(scan, h.last);
  let first = k;
  const y = yearAt(doc, last);
  if (y !== undefined) {
    const value = `${y}-${pad(month)}`;
    return { value, precision: 'month', text: span(doc, first, last + 1), first, last: last + 1, future: doc.dateGiven && value > doc.date.slice(0, 7) && scan.futureSentence.has(tokens[k].sentence), explicit: true };
  }
  if (!doc.dateGiven) return undefined;
  // the direction: "last October" (before), «أكتوبر الماضي» (after)
  const before = k > 0 ? idx.at('lex:dates', k - 1) : undefined;
  const prev = before && before.last === k ? entryOf(before) : undefined;
  const after = idx.at('lex:dates', last);
  const next = entryOf(after);
  let dir = 0;
  if (latin && (prev?.last === true || prev?.next === true)) {
    dir = prev.last === true ? -1 : 1;
    first = k - 1;
  } else if (!latin && after && (next?.last === true || next?.next === true)) {
    dir = next.last === true ? -1 : 1;
    last = after.last;
  } else if (!doc.words.monthIntroducers.has(tokens[k - 1])) return undefined;
  const { pubY, pubM } = scan;
  const future = dir > 0 || (dir === 0 && scan.futureSentence.has(tokens[k].sentence));
  // (a bare month a little ahead of publication in a sentence not about the future is still this year's)
  let year: number;
  if (dir < 0) year = month < pubM ? pubY : pubY - 1;
  else if (dir > 0 || future) year = month >= pubM ? pubY : pubY + 1; // («في الثالث من أغسطس المقبل» written on 1 August)
  else year = month > pubM + 1 ? pubY - 1 : pubY; // (as a day without a year: "in late April" written in March is this year's)
  const value = `${year}-${pad(month)}`;
  return { value, precision: 'month', text: span(doc, first, last), first, last, future: future && value >= doc.date.slice(0, 7), explicit: false };
}

/** «أيار/مايو», «أيار (مايو)»: a second name of the same month — returns where the month ends. */
function secondMonth(scan: Scan, last: number): number {
  const tokens = scan.doc.tokens;
  const m2 = monthAt(scan, last + 1);
  if (tokens[last]?.norm === '/' && m2) return m2.last;
  if (tokens[last]?.norm === '(' && m2 && tokens[m2.last]?.norm === ')') return m2.last + 1;
  return last;
}

/**
 * An Arabic weekday name without its article is another word: «أحد» "one", «اثنين» "two», «جمعة» and
 * «خميس» given names (phrases are keyed without the article, so «الأحد» also meets «أحد»).
 */
function bareArabicWeekday(doc: Doc, h: Hit): boolean {
  const t = doc.tokens[h.last - 1];
  return t.script === 'ar' && !t.analyses.some((a) => a.article);
}

/** «الثلاثاء», «الثلاثاء المقبل», "last Tuesday": the weekday before publication, or the next one in a sentence about the future. */
function weekday(scan: Scan, k: number, h: Hit, day: number): DateExpr {
  const { doc, idx, pub } = scan;
  let last = h.last;
  const dir = entryOf(idx.at('lex:dates', last));
  const prevDir = k > 0 ? entryOf(idx.at('lex:dates', k - 1)) : undefined;
  const pubDow = new Date(pub).getUTCDay();
  let delta: number;
  if (dir?.next === true || prevDir?.next === true || scan.futureSentence.has(doc.tokens[k].sentence)) {
    delta = (day - pubDow + 7) % 7 || 7;
    if (dir?.next === true) last = idx.at('lex:dates', last)!.last;
  } else {
    delta = -((pubDow - day + 7) % 7);
    if (dir?.last === true) {
      if (delta === 0) delta = -7;
      last = idx.at('lex:dates', last)!.last;
    }
  }
  return { value: iso(pub + delta * DAY), precision: 'day', text: span(doc, k, last), first: k, last, future: delta > 0, explicit: false };
}

function span(doc: Doc, first: number, last: number): string {
  return doc.text.slice(doc.tokens[first].start, doc.tokens[last - 1].end);
}
