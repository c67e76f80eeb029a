// Labels for training the scorers: which of the engine's participants and meetings the tuning gold
// counts as right, matched the way ../shared/eval/score.mjs matches (names normalised the same way;
// one gold person per item; meetings sharing two of their gold people, or one when the gold names
// one). null = matched to an optional gold item (neither right nor wrong).
import type { Location, Meeting, Participant } from '../../schemas/extraction.js';

export interface GoldPerson { name: string; aliases?: string[]; variants?: string[]; optional?: boolean }
export interface GoldMeeting { participants: string[]; optional?: boolean; location?: string; locationAliases?: string[] }
export interface GoldLocation { name: string; aliases?: string[]; variants?: string[] }
export interface GoldDoc {
  gold: { participants?: GoldPerson[]; meetings?: GoldMeeting[]; locations?: GoldLocation[] };
  text: string;
  publishedAt?: string;
}

const AR_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
/** The scorer's normalisation of names. */
export function norm(s: string | undefined): string {
  if (s == null) return '';
  return String(s)
    .normalize('NFKC')
    .replace(AR_DIACRITICS, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064A')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[“”"'‘’«»\u060C\u061B\u061F.,;:!?()[\]{}\-–—_/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const goldNames = (g: GoldPerson | GoldLocation) => new Set([g.name, ...(g.aliases ?? []), ...(g.variants ?? [])].map(norm).filter(Boolean));
function predNames(p: Participant | Location): Set<string> {
  const s = new Set<string>();
  for (const v of [p.name, ...Object.values(p.names ?? {})]) if (typeof v === 'string') s.add(norm(v));
  for (const m of p.mentions ?? []) s.add(norm(m.text));
  s.delete('');
  return s;
}
const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/** Gold person index of each participant (persons matched one to one, in gold order). */
function personMatch(gold: GoldPerson[], pred: Participant[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const gk = gold.map(goldNames);
  const pk = pred.map(predNames);
  for (let gi = 0; gi < gold.length; gi++) {
    for (let pi = 0; pi < pred.length; pi++) {
      if (pairs.has(pi) || pred[pi].type !== 'person') continue;
      if (overlaps(pk[pi], gk[gi])) {
        pairs.set(pi, gi);
        break;
      }
    }
  }
  return pairs;
}

export function labelParticipants(gold: GoldDoc['gold'], pred: Participant[]): { labels: Array<number | null>; gold: number } {
  const gp = gold.participants ?? [];
  const pairs = personMatch(gp, pred);
  const gk = gp.map(goldNames);
  const labels = pred.map((p, pi) => {
    if (p.type !== 'person') return null;
    const gi = pairs.get(pi);
    if (gi !== undefined) return gp[gi].optional ? null : 1;
    const any = gk.findIndex((k) => overlaps(predNames(p), k));
    return any >= 0 && gp[any].optional ? null : 0;
  });
  return { labels, gold: gp.filter((g) => !g.optional).length };
}

/** Gold meeting index of each returned meeting, matched as the scorer matches them. */
export function matchMeetings(gold: GoldDoc['gold'], participants: Participant[], meetings: Meeting[]): Map<number, number> {
  const gp = gold.participants ?? [];
  const gm = gold.meetings ?? [];
  const toGold = new Map<string, number>();
  for (const [pi, gi] of personMatch(gp, participants)) toGold.set(participants[pi].id, gi);
  for (const p of participants) {
    if (toGold.has(p.id)) continue;
    const gi = gp.findIndex((g) => overlaps(predNames(p), goldNames(g)));
    if (gi >= 0) toGold.set(p.id, gi);
  }
  const gSets = gm.map((m) => new Set(m.participants.map((n) => gp.findIndex((g) => goldNames(g).has(norm(n)))).filter((i) => i >= 0)));
  const pSets = meetings.map((m) => new Set(m.participantIds.map((id) => toGold.get(id)).filter((i): i is number => i !== undefined)));
  const used = new Set<number>();
  const pairs = new Map<number, number>();
  const order = [...gm.keys()].sort((a, b) => (gm[a].optional ? 1 : 0) - (gm[b].optional ? 1 : 0) || a - b);
  for (const gi of order) {
    let best = -1;
    let bestOv = 0;
    pSets.forEach((ps, pi) => {
      if (used.has(pi)) return;
      let ov = 0;
      for (const x of ps) if (gSets[gi].has(x)) ov++;
      if (ov >= Math.min(2, gSets[gi].size) && ov > bestOv) {
        best = pi;
        bestOv = ov;
      }
    });
    if (best >= 0) {
      used.add(best);
      pairs.set(best, gi);
    }
  }
  return pairs;
}

export function labelMeetings(gold: GoldDoc['gold'], participants: Participant[], meetings: Meeting[]): { labels: Array<number | null>; gold: number } {
  const gm = gold.meetings ?? [];
  const pairs = matchMeetings(gold, participants, meetings);
  const labels = meetings.map((_, pi) => {
    const gi = pairs.get(pi);
    if (gi === undefined) return 0;
    return gm[gi].optional ? null : 1;
  });
  return { labels, gold: gm.filter((g) => !g.optional).length };
}

/**
 * Labels of each meeting's candidate places: 1 where the candidate is the gold meeting's place
 * (matched by name, as the scorer matches places), 0 otherwise; where the gold gives no place (the
 * text does not say where) the "none" candidate (id '') is the right one. Meetings matched to no gold meeting, or to
 * an optional one, give no labels (null).
 */
export function labelPlaces(gold: GoldDoc['gold'], participants: Participant[], meetings: Meeting[], locations: Location[], candidates: Array<{ meeting: number; candidates: Array<{ id: string }> }>): Array<{ ys: number[]; goldPlace: boolean } | null> {
  const gm = gold.meetings ?? [];
  const pairs = matchMeetings(gold, participants, meetings);
  const byId = new Map(locations.map((l) => [l.id, l]));
  return candidates.map((c) => {
    const gi = pairs.get(c.meeting);
    if (gi === undefined || gm[gi].optional) return null;
    const g = gm[gi];
    if (!g.location) return { ys: c.candidates.map((x) => (x.id === '' ? 1 : 0)), goldPlace: false };
    const want = new Set([norm(g.location), ...(g.locationAliases ?? []).map(norm)]);
    const gl = (gold.locations ?? []).find((l) => goldNames(l).has(norm(g.location)));
    if (gl) for (const a of goldNames(gl)) want.add(a);
    const ys = c.candidates.map((x) => {
      const l = byId.get(x.id);
      return l && overlaps(predNames(l), want) ? 1 : 0;
    });
    return { ys, goldPlace: true };
  });
}
