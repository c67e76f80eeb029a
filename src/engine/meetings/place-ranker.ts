// The place scorer: where an encounter took place, decided by a learned scorer over every place
// the story offers it, not by a hand-ordered ladder. Candidates are the places of the encounter's
// sentences, of the three sentences before and the two after, and the dateline; each is described
// by named features (where it stands, whether a locative introduces it, what kind of place it is,
// whether it is a participant's own country, how often the story names it, and which of the
// evidence rules in place-evidence.ts point at it) — and one more candidate, "none" (the text does
// not say where). The scorer is a conditional logit: it picks the likeliest of the group, "none"
// included. A phone call keeps the hard rule (a place only when its sentence gives one).
import type { Location } from '../../schemas/extraction.js';
import type { PlaceMention } from '../entities/places.js';
import { choiceProbabilities } from '../scorers/fit.js';
import type { Features, Scorer } from '../scorers/model.js';
import type { MeetingContext } from './context.js';
import { datelinePlace, locativePlace } from './place-evidence.js';
import type { Draft, MeetingLayer } from './types.js';

/** Sentences before the first telling and after the last whose places are candidates. */
const BEFORE = 3;
const AFTER = 2;

export interface PlaceCandidate {
  /** A location id, or NONE. */
  id: string;
  x: Features;
}

/** The candidate that says the text gives no place. */
export const NONE = '';

/** Per document: how often each location is named, the most named town, the dateline, capitals. */
export interface PlaceStats {
  mentions: Map<string, number>;
  topCity?: string;
  dateline?: string;
  capitals: Set<string>;
}

export function placeStats(mc: MeetingContext, byId: Map<string, Location>): PlaceStats {
  const mentions = new Map<string, number>();
  const capitals = new Set<string>();
  for (const p of mc.places) {
    const id = mc.locations.idOf.get(p.place.index);
    if (!id) continue;
    mentions.set(id, (mentions.get(id) ?? 0) + 1);
    if (p.place.capital) capitals.add(id);
  }
  let topCity: string | undefined;
  for (const [id, n] of mentions) if (byId.get(id)?.type === 'city' && (topCity === undefined || n > mentions.get(topCity)!)) topCity = id;
  const d = datelinePlace(mc);
  return { mentions, topCity, dateline: d ? mc.locations.idOf.get(d.place.index) : undefined, capitals };
}

/** Every candidate place of one encounter, with its features. */
export function placeCandidates(mc: MeetingContext, layer: MeetingLayer, d: Draft, stats: PlaceStats, byId: Map<string, Location>, countries: Set<string>): PlaceCandidate[] {
  const out = new Map<string, Features>();
  const add = (id: string | undefined, f: string) => {
    if (!id || !byId.has(id)) return;
    let x = out.get(id);
    if (!x) out.set(id, (x = {}));
    x[f] = 1;
  };
  const told = [...d.sentences].sort((a, b) => a - b);
  const first = told[0];
  const last = told[told.length - 1];
  for (const s of told) for (const p of layer.placesBySentence.get(s) ?? []) positional(mc, d, p, add);
  for (let s = Math.max(0, first - BEFORE); s < first; s++) {
    for (const p of layer.placesBySentence.get(s) ?? []) add(mc.locations.idOf.get(p.place.index), `${first - s === 1 ? 'before:1' : 'before:2-3'}${locativePlace(mc, p) ? ':locative' : ''}`);
  }
  for (let s = last + 1; s <= last + AFTER; s++) {
    if (d.sentences.has(s)) continue;
    for (const p of layer.placesBySentence.get(s) ?? []) add(mc.locations.idOf.get(p.place.index), `after${locativePlace(mc, p) ? ':locative' : ''}`);
  }
  add(stats.dateline, 'dateline');
  for (const e of d.placeEvidence) add(e.value, `rule:${e.source}`);
  const candidates: PlaceCandidate[] = [];
  for (const [id, x] of out) {
    describe(id, x, stats, byId, countries);
    candidates.push({ id, x });
  }
  candidates.push({ id: NONE, x: noneFeatures(d, candidates, mc.doc.language) });
  return candidates;
}

/** What speaks for "the text does not say where": few candidates, none introduced by a locative. */
function noneFeatures(d: Draft, candidates: readonly PlaceCandidate[], lang: string): Features {
  const n = candidates.length;
  // (how often a story leaves the place unsaid differs between the Arabic and the English press)
  const x: Features = { none: 1, [`none:lang:${lang}`]: 1, [`none:type:${d.type}`]: 1, [n === 0 ? 'none:candidates:0' : n === 1 ? 'none:candidates:1' : n <= 3 ? 'none:candidates:2-3' : 'none:candidates:4+']: 1 };
  if (!candidates.some((c) => c.x['in-sentence:locative'] || c.x['before:1:locative'] || c.x['before:2-3:locative'])) x['none:no-locative'] = 1;
  if (!candidates.some((c) => c.x['in-sentence'])) x['none:not-in-sentence'] = 1;
  if (d.planned) x['none:planned'] = 1;
  return x;
}

/** Where a place of the encounter's own sentence stands: a locative, near a trigger, after it. */
function positional(mc: MeetingContext, d: Draft, p: PlaceMention, add: (id: string | undefined, f: string) => void): void {
  const id = mc.locations.idOf.get(p.place.index);
  const s = mc.tokens[p.first].sentence;
  add(id, 'in-sentence');
  if (locativePlace(mc, p)) add(id, 'in-sentence:locative');
  let near = Infinity;
  let after = false;
  for (const t of d.triggerTokens) {
    if (mc.tokens[t].sentence !== s) continue;
    near = Math.min(near, Math.abs(p.first - t));
    if (p.first > t) after = true;
  }
  if (near <= 6) add(id, 'near-trigger');
  else if (near <= 20) add(id, 'mid-trigger');
  if (after) add(id, 'after-trigger');
  if (mc.doc.words.visitPrepositions.has(mc.tokens[p.first - 1])) add(id, 'in-sentence:to');
}

/** What kind of place it is, and how it stands to the story and the encounter's people. */
function describe(id: string, x: Features, stats: PlaceStats, byId: Map<string, Location>, countries: Set<string>): void {
  const l = byId.get(id)!;
  x[`type:${l.type}`] = 1;
  if (stats.capitals.has(id)) x.capital = 1;
  if (l.countryCode && countries.has(l.countryCode)) x[l.type === 'country' ? 'participant-country' : 'in-participant-country'] = 1;
  const n = stats.mentions.get(id) ?? 0;
  x[n <= 1 ? 'named:1' : n <= 3 ? 'named:2-3' : 'named:4+'] = 1;
  if (stats.topCity === id) x['top-city'] = 1;
}

/** The likeliest candidate and its probability (first in order on a tie), or undefined when it is "none". */
export function choosePlace(candidates: readonly PlaceCandidate[], scorer: Scorer): { id: string; p: number } | undefined {
  const probs = choiceProbabilities(candidates.map((c) => c.x), scorer.model.weights);
  let best = 0;
  for (let k = 1; k < probs.length; k++) if (probs[k] > probs[best]) best = k;
  const id = candidates[best]?.id;
  return id === undefined || id === NONE ? undefined : { id, p: probs[best] };
}
