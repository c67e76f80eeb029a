// Citations -> resolution items: one item per resolution, with year, symbol and topic.
import type { Resolution } from '../../schemas/extraction.js';
import type { Compiled } from '../compile.js';
import type { Citation } from './resolutions.js';

/** Year of a Security Council resolution from the table of first numbers per year. */
export function unscYear(c: Compiled, n: number): number | undefined {
  const t = c.unscFirstByYear;
  if (t.length === 0 || n < t[0][1]) return undefined;
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t[mid][1] <= n) lo = mid;
    else hi = mid - 1;
  }
  // past the last known year: only the last year itself is certain if numbers continue
  if (lo === t.length - 1 && n - t[lo][1] > 120) return undefined;
  return t[lo][0];
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI', 'XXII', 'XXIII', 'XXIV', 'XXV', 'XXVI', 'XXVII', 'XXVIII', 'XXIX', 'XXX'];

export function resolutionItems(c: Compiled, citations: Citation[]): Resolution[] {
  const items = new Map<string, Resolution>();
  // a bare number cited again after an explicit citation of the same number takes its organ
  const explicitBody = new Map<number, Citation['body']>();
  for (const ct of citations) if (ct.explicitBody && !explicitBody.has(ct.number)) explicitBody.set(ct.number, ct.body);
  for (const ct of citations) {
    const body = ct.explicitBody ? ct.body : explicitBody.get(ct.number) ?? ct.body;
    const key = `${body}:${ct.session ?? ''}:${ct.number}`;
    let item = items.get(key);
    if (!item) {
      item = { id: `r${items.size + 1}`, body, number: ct.number, mentions: [] };
      if (ct.session) item.session = ct.session;
      items.set(key, item);
    }
    if (ct.year && !item.year) item.year = ct.year;
    item.mentions.push(ct.span);
  }
  for (const item of items.values()) {
    if (item.body === 'UNSC') {
      const year = unscYear(c, item.number);
      if (year && (!item.year || item.year !== year)) item.year = year; // the table is authoritative
      item.symbol = `S/RES/${item.number}${item.year ? ` (${item.year})` : ''}`;
      const topic = c.resolutionTopics.get(String(item.number));
      if (topic && (!topic.body || topic.body === 'UNSC')) item.topic = topic.topic;
    } else if (item.body === 'UNGA') {
      const s = item.session;
      const regular = s && /^\d+$/.test(s) ? Number(s) : undefined;
      if (!item.year && regular) item.year = 1945 + regular;
      if (s && s.startsWith('ES-')) item.symbol = `A/RES/${s}/${item.number}`;
      else if (regular && regular >= 31) item.symbol = `A/RES/${regular}/${item.number}`;
      else if (regular) item.symbol = `A/RES/${item.number} (${ROMAN[regular] ?? regular})`;
      const topic = c.resolutionTopics.get(`UNGA:${item.number}`);
      if (topic && !s) {
        item.topic = topic.topic;
        if (topic.year && !item.year) item.year = topic.year;
      } else if (topic && topic.year && item.year === topic.year) item.topic = topic.topic;
      if (!item.symbol && item.year && item.year <= 1975 && topic) item.symbol = `A/RES/${item.number} (${ROMAN[item.year - 1945] ?? ''})`;
    } else if (item.body === 'HRC' && item.session) {
      item.symbol = `A/HRC/RES/${item.session}/${item.number}`;
    }
  }
  return [...items.values()].sort((a, b) => a.mentions[0].start - b.mentions[0].start).map((r, i) => ({ ...r, id: `r${i + 1}` }));
}
