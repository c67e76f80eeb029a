// Assembly: merged encounters become meetings in text order — status, people, place (a building
// with the town it stands in), topics (the countries and resolutions named in their sentences,
// not the participants' own countries), date, duration, evidence and confidence.
import type { Location, Meeting, Resolution } from '../../schemas/extraction.js';
import type { MeetingContext } from './context.js';
import type { Draft, MeetingLayer } from './types.js';
import type { PlaceMention } from '../entities/places.js';
import { meetingFeatures } from '../scorers/meeting-features.js';
import { NEUTRAL, type Features } from '../scorers/model.js';
import type { Doc } from '../doc.js';
import { choosePlace, NONE, placeCandidates, placeStats, type PlaceStats } from './place-ranker.js';

/** How far from a town's centre a building still counts as in that town. */
const CITY_RADIUS_KM = 30;

export function assembleMeetings(mc: MeetingContext, layer: MeetingLayer, resolutions: readonly Resolution[], features?: NonNullable<Doc['ann']['features']>): Meeting[] {
  const { doc, tokens, locations } = mc;
  const resBySentence = new Map<number, string[]>();
  for (const r of resolutions) {
    for (const m of r.mentions) {
      const tok = tokenAt(mc, m.start);
      if (tok < 0) continue;
      const s = tokens[tok].sentence;
      const list = resBySentence.get(s);
      const symbol = r.symbol ?? `${r.body} ${r.number}`;
      if (list) list.push(symbol);
      else resBySentence.set(s, [symbol]);
    }
  }
  const locById = new Map(locations.items.map((l) => [l.id, l]));
  const capitals = new Set<string>();
  for (const p of mc.places) if (p.place.capital) capitals.add(locations.idOf.get(p.place.index) ?? '');
  const countryOf = new Map(mc.participants.map((p) => [p.id, p.country]));
  const sorted = [...layer.merged].sort((a, b) => Math.min(...a.sentences) - Math.min(...b.sentences));
  const byId = new Map(mc.participants.map((p) => [p.id, p]));
  const scorer = doc.scorers.meetings;
  const stats = placeStats(mc, locById);
  const out: Meeting[] = [];
  for (const told of sorted) {
    const ranked = rankPlace(mc, layer, told, stats, locById, countryOf);
    const d = ranked.draft;
    const x = meetingFeatures(d, byId, doc.language);
    const p = scorer.score(x);
    if (!scorer.keep(p)) continue;
    const m: Meeting = {
      id: `m${out.length + 1}`,
      type: d.type,
      // (an encounter dated after the story was published has not happened yet)
      status: d.planned || (doc.dateGiven && d.date !== undefined && d.date.value > doc.date) ? 'planned' : 'held',
      participantIds: [...d.pids],
      locationIds: d.place ? withContainers(withCity(d.place, locations.items, locById), locations.items, locById, capitals) : [],
      topics: topicsOf(mc, d, layer.placesBySentence, resBySentence, locById, countryOf),
      evidence: d.evidence,
      confidence: Math.round(p * 100) / 100,
    };
    if (d.date) m.date = { value: d.date.value, ...(d.date.text ? { text: d.date.text } : {}), precision: d.date.precision === 'month' ? 'month' : d.date.precision, source: DATE_SOURCE[d.dateSource ?? 'sentence'] ?? 'text' };
    if (d.duration) m.duration = d.duration;
    if (doc.debug) m.reasons = [...scorer.reasons(x), ...(ranked.reasons ?? [])];
    if (features) {
      features.meetings.push(x);
      if (ranked.candidates) features.places.push({ meeting: out.length, candidates: ranked.candidates });
    }
    out.push(m);
  }
  return out;
}

/**
 * The encounter's place as the place scorer picks it among its candidates (the evidence ladder's
 * pick while the scorer is untrained); a phone call keeps the ladder (a place only from its sentence).
 */
function rankPlace(mc: MeetingContext, layer: MeetingLayer, d: Draft, stats: PlaceStats, locById: Map<string, Location>, countryOf: Map<string, string | undefined>) {
  if (d.type === 'call') return { draft: d };
  const countries = new Set([...d.pids].map((id) => countryOf.get(id)).filter((c): c is string => !!c));
  const candidates = placeCandidates(mc, layer, d, stats, locById, countries);
  const scorer = mc.doc.scorers.places;
  if (scorer === NEUTRAL || Object.keys(scorer.model.weights).length === 0) return { draft: d, candidates };
  const best = choosePlace(candidates, scorer);
  const placeSource = best ? (best.p >= 0.7 ? 'ranked:high' : best.p >= 0.4 ? 'ranked:mid' : 'ranked:low') : undefined;
  const chosen = candidates.find((c) => c.id === (best?.id ?? NONE))!;
  return { draft: { ...d, place: best?.id, placeSource }, candidates, reasons: scorer.reasons(chosen.x, 3).map((r) => `${r[0]}place:${r.slice(1)}`) };
}

/** Date evidence source -> the meeting's `date.source`. */
const DATE_SOURCE: Record<string, 'text' | 'context' | 'publication'> = { sentence: 'text', before: 'context', article: 'context', publication: 'publication' };


function topicsOf(mc: MeetingContext, d: Draft, places: Map<number, PlaceMention[]>, resolutions: Map<number, string[]>, locById: Map<string, Location>, countryOf: Map<string, string | undefined>): string[] {
  const topics: string[] = [];
  const own = new Set([...d.pids].map((id) => countryOf.get(id)).filter((x): x is string => !!x));
  for (const s of d.sentences) {
    for (const p of places.get(s) ?? []) {
      const id = mc.locations.idOf.get(p.place.index);
      if (!id || id === d.place) continue;
      const l = locById.get(id)!;
      if (l.type === 'country' && l.countryCode && own.has(l.countryCode)) continue;
      if ((l.type === 'country' || l.type === 'territory' || l.type === 'region') && !topics.includes(l.name)) topics.push(l.name);
    }
    for (const r of resolutions.get(s) ?? []) if (!topics.includes(r)) topics.push(r);
  }
  return topics;
}

/** A building (Capitol Hill, Downing Street) and the town it stands in, when the article names that town too. */
function withCity(id: string, items: Location[], byId: Map<string, Location>): string[] {
  const place = byId.get(id);
  const at = place?.coordinates;
  if (!place || place.type !== 'facility' || !at) return [id];
  let best: Location | undefined;
  let bestKm = CITY_RADIUS_KM;
  for (const l of items) {
    if (l.type !== 'city' || !l.coordinates || l.countryCode !== place.countryCode) continue;
    const km = kilometres(at, l.coordinates);
    if (km < bestKm) {
      best = l;
      bestKm = km;
    }
  }
  return best ? [id, best.id] : [id];
}

/**
 * The places that contain or specify the meeting's place, when the article names them: a town
 * comes with its country («في جدة» … «السعودية»: Jeddah, Saudi Arabia), and a country with the
 * one town of it the article names, or its capital when it names several («في قطر» … «الدوحة»).
 */
function withContainers(ids: string[], items: Location[], byId: Map<string, Location>, capitals: Set<string>): string[] {
  const place = byId.get(ids[0]);
  if (!place?.countryCode) return ids;
  const out = [...ids];
  if (place.type === 'city' || place.type === 'facility') {
    const country = items.find((l) => l.type === 'country' && l.countryCode === place.countryCode);
    if (country && !out.includes(country.id)) out.push(country.id);
    return out;
  }
  if (place.type !== 'country') return ids;
  const towns = items.filter((l) => l.type === 'city' && l.countryCode === place.countryCode);
  const town = towns.length === 1 ? towns[0] : towns.find((l) => capitals.has(l.id));
  if (town && !out.includes(town.id)) out.push(town.id);
  return out;
}

/** Great-circle distance (haversine). */
function kilometres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function tokenAt(mc: MeetingContext, offset: number): number {
  const tokens = mc.tokens;
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (t.end <= offset) lo = mid + 1;
    else if (t.start > offset) hi = mid - 1;
    else return mid;
  }
  return lo < tokens.length ? lo : -1;
}
