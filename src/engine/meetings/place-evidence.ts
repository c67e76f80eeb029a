// Where an encounter took place: evidence from its sentence (a locative place, towns before
// countries, nearest the trigger), from where one of its people spoke just before ("Hague told
// reporters in Paris"), from the town or building the previous sentence went to ("a mission to
// Washington"), and from the dateline («الرياض - واس»). Each piece is `{ value, source, score,
// reason }`; a piece replaces the best so far when the best scores below its threshold.
import { gluedBa, type PlaceMention } from '../entities/places.js';
import { firstAtOrAfter } from '../match/bisect.js';
import type { Hit } from '../entities/lexicons.js';
import type { MeetingContext } from './context.js';
import { speechEndsAt } from './arguments.js';
import type { Evidence } from './types.js';

export interface PlaceEvidence extends Evidence<string | undefined> {
  /** Replaces the best so far when that scores below this. */
  threshold: number;
}

/** Where people spoke: "Hague told reporters in Paris", «وقال الجبير في مؤتمر صحفي بالرياض» (the latest per person). */
export function speakingPlaces(mc: MeetingContext): Map<string, { place: PlaceMention; sentence: number }> {
  const out = new Map<string, { place: PlaceMention; sentence: number }>();
  const { tokens, places } = mc;
  for (const m of mc.mentions) {
    if (!mc.persons.has(m.pid)) continue;
    let verbEnd = -1;
    const after = mc.idx.at('lex:speech-verbs', m.last);
    if (after) verbEnd = after.last;
    else if (m.first > 0 && speechEndsAt(mc, m.first - 1)) verbEnd = m.last;
    if (verbEnd < 0) continue;
    for (let i = firstAtOrAfter(places, verbEnd); i < places.length && places[i].first - verbEnd <= 6; i++) {
      const p = places[i];
      if (tokens[p.first].sentence !== m.sentence || (p.place.type !== 'city' && p.place.type !== 'facility')) continue;
      if (locativePlace(mc, p)) {
        out.set(m.pid, { place: p, sentence: m.sentence });
        break;
      }
    }
  }
  return out;
}

/** «بموسكو» (a glued preposition) or a locative word before the place, also over a place noun («في مدينة الدوحة», «بمدينة جدة»). */
export function locativePlace(mc: MeetingContext, p: PlaceMention): boolean {
  const prev = mc.tokens[p.first - 1];
  if (p.span.start > mc.tokens[p.first].start || mc.doc.words.meetingLocatives.has(prev)) return true;
  if (!prev || prev.script !== 'ar') return false;
  const noun = prev.analyses.find((a) => mc.doc.words.placeNouns.hasNorm(a.key));
  if (!noun) return false;
  // («بمدينة»: the preposition glued to the noun)
  return gluedBa(mc.doc, p.first - 1, noun.prefix) || mc.doc.words.meetingLocatives.has(mc.tokens[p.first - 2]);
}

/** The places of the encounter's own sentence, scored: locative +3, a town or building +3, a bare country −1, distance from the trigger up to −2. */
export function sentencePlaces(mc: MeetingContext, h: Hit, inSentence: readonly PlaceMention[]): PlaceEvidence[] {
  return inSentence.map((p) => {
    const loc = locativePlace(mc, p);
    let score = loc ? 4 : 1;
    if (p.place.type === 'city' || p.place.type === 'facility') score += 3;
    else if (p.place.type === 'country' || p.place.type === 'territory') score += loc ? 0 : -1;
    score -= Math.min(2, Math.abs(p.first - h.first) / 20);
    return { value: mc.locations.idOf.get(p.place.index), source: 'sentence', score, threshold: score, reason: `${loc ? 'locative ' : ''}${p.place.type} in the sentence` };
  });
}

/** The best piece of evidence: in order, each replaces the best so far when that scores below its threshold. */
export function bestPlace(evidence: readonly PlaceEvidence[]): PlaceEvidence | undefined {
  let best: PlaceEvidence | undefined;
  for (const e of evidence) if ((best?.score ?? 0) < e.threshold) best = e;
  return best;
}

/** «زيارة … لموسكو», "visited Lithuania": a place the visit goes to, after the trigger. */
export function visitPlace(mc: MeetingContext, h: Hit, places: readonly PlaceMention[]): boolean {
  for (const p of places) {
    if (p.first < h.last || p.first - h.last > 25) continue;
    const prev = mc.tokens[p.first - 1];
    const glued = p.span.start > mc.tokens[p.first].start; // «لموسكو», «بموسكو»
    if (glued || mc.doc.words.visitPrepositions.has(prev) || p.first === h.last) return true;
  }
  return false;
}

/** The last town or building named after a locative or "to" before token `before`, from sentence `minSentence` on. */
export function nearestPlaceBefore(mc: MeetingContext, before: number, minSentence: number): PlaceMention | undefined {
  const places = mc.places;
  const lo = firstAtOrAfter(places, before);
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
    const p = places[i];
    if (mc.tokens[p.first].sentence < minSentence) break;
    if (p.place.type !== 'city' && p.place.type !== 'facility') continue;
    const prev = mc.tokens[p.first - 1];
    if (mc.doc.words.meetingLocatives.has(prev) || mc.doc.words.visitPrepositions.has(prev)) return p;
  }
  return undefined;
}

/** «الرياض - واس», "MOSCOW (Reuters) -": a place opening the article. */
export function datelinePlace(mc: MeetingContext): PlaceMention | undefined {
  const p = mc.places[0];
  if (!p || p.first > 3) return undefined;
  const next = mc.tokens[p.last];
  if (next && DATELINE_END.has(next.norm)) return p;
  return undefined;
}
const DATELINE_END = new Set(['-', '(', ',', ':']);
