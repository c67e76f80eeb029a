// How long an encounter lasted: «حوالي ساعتين», «ثلاث ساعات», «45 دقيقة», "for two hours", "90-minute".
import type { Doc } from '../doc.js';
import { entryOf, type MatchIndex } from '../entities/lexicons.js';

export function findDuration(doc: Doc, idx: MatchIndex, from: number, to: number): { minutes: number; text: string } | undefined {
  const tokens = doc.tokens;
  for (let k = from; k < to; k++) {
    const found = durationAt(doc, idx, k);
    if (!found || found.minutes <= 0 || found.minutes > 24 * 60 * 3) continue;
    let first = k;
    // «حوالي», "about" before
    for (let b = k - 1; b >= from && b >= k - 3; b--) {
      const a = entryOf(idx.at('lex:durations', b));
      if (a && a.approx === true && idx.at('lex:durations', b)!.last === first) first = b;
      else break;
    }
    return { minutes: found.minutes, text: doc.text.slice(tokens[first].start, tokens[found.last - 1].end) };
  }
  return undefined;
}

/** A number and a unit at token k («ثلاث ساعات», "45 minutes", "90-minute"), or a word that is a duration («ساعتين»). */
function durationAt(doc: Doc, idx: MatchIndex, k: number): { minutes: number; last: number } | undefined {
  const tokens = doc.tokens;
  const h = idx.at('lex:durations', k);
  const e = entryOf(h);
  if (h && e && typeof e.number === 'number') {
    const u = idx.at('lex:durations', h.last);
    const ue = entryOf(u);
    return u && ue && typeof ue.unit === 'number' ? { minutes: e.number * ue.unit, last: u.last } : undefined;
  }
  if (tokens[k].kind === 'number' && tokens[k].norm.length <= 3) {
    let after = k + 1;
    if (tokens[after]?.norm === '-') after++;
    const u = idx.at('lex:durations', after);
    const ue = entryOf(u);
    return u && ue && typeof ue.unit === 'number' ? { minutes: Number(tokens[k].norm) * ue.unit, last: u.last } : undefined;
  }
  if (h && e && typeof e.minutes === 'number' && h.prefix === 0) {
    // «ساعة» alone is often "the hour" of something: keep it only after a duration word
    if (typeof e.unit === 'number' && !(k > 0 && entryOf(idx.at('lex:durations', k - 1))?.approx === true)) return undefined;
    return { minutes: e.minutes, last: h.last };
  }
  return undefined;
}
