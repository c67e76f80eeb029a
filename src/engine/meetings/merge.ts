// One encounter told several times is one meeting: tellings that share two or more people, one
// set within the other, both held or both planned, and both calls or neither, are merged; a lone
// person's telling joins one of his encounters told close by. Pure: returns new drafts.
import { SPECIFICITY } from './triggers.js';
import type { Draft } from './types.js';

/** How many of a person's latest encounters a new telling is compared with (keeps merging linear). */
const RECENT_ENCOUNTERS = 16;

export function mergeDrafts(drafts: readonly Draft[]): Draft[] {
  const merged: Draft[] = [];
  const byPid = new Map<string, number[]>();
  const remember = (i: number, pid: string) => {
    let list = byPid.get(pid);
    if (!list) byPid.set(pid, (list = []));
    if (list[list.length - 1] !== i) list.push(i);
  };
  const sharing = (pids: Set<string>): number[] => {
    const found = new Set<number>();
    for (const p of pids) {
      const list = byPid.get(p);
      if (list) for (let j = Math.max(0, list.length - RECENT_ENCOUNTERS); j < list.length; j++) found.add(list[j]);
    }
    return [...found].sort((a, b) => a - b);
  };
  // encounters with two or more named people first; a lone person's encounter joins one of theirs
  const ordered = [...drafts.filter((d) => d.pids.size > 1), ...drafts.filter((d) => d.pids.size === 1)].map(copy);
  ordered.sort((a, b) => (a.pids.size > 1 ? 0 : 1) - (b.pids.size > 1 ? 0 : 1) || Math.min(...a.sentences) - Math.min(...b.sentences));
  for (const d of ordered) {
    // the reporter of an encounter told before is not one more participant
    if (d.speakers && d.pids.size - d.speakers.size >= 2) {
      const rest = new Set([...d.pids].filter((p) => !d.speakers!.has(p)));
      if (sharing(rest).some((i) => subset(rest, merged[i].pids))) d.pids = rest;
    }
    const at =
      d.pids.size === 1
        ? // a lone person's trip to a place of its own joins only an encounter told close by
          sharing(d.pids).find((i) => overlap(merged[i].pids, d.pids) === 1 && compatible(merged[i], d) && (d.placeScore < 4 || distance(merged[i].sentences, d.sentences) <= 3))
        : sharing(d.pids).find((i) => overlap(merged[i].pids, d.pids) >= 2 && (subset(merged[i].pids, d.pids) || subset(d.pids, merged[i].pids)) && compatible(merged[i], d));
    if (at === undefined) {
      // a trip on which no one is met ("visited the tomb of …") is not a meeting
      if (d.encounter) {
        merged.push(d);
        for (const p of d.pids) remember(merged.length - 1, p);
      }
      continue;
    }
    for (const p of d.pids) remember(at, p);
    absorb(merged[at], d);
  }
  return merged;
}

function copy(d: Draft): Draft {
  return { ...d, pids: new Set(d.pids), evidence: [...d.evidence], sentences: new Set(d.sentences), cues: new Set(d.cues), placeEvidence: [...d.placeEvidence], triggerTokens: [...d.triggerTokens] };
}

/** Telling `d` is told again in `same`: people, the more specific type, the better place, a date with a text, evidence. */
function absorb(same: Draft, d: Draft): void {
  for (const p of d.pids) same.pids.add(p);
  if (SPECIFICITY[d.type] > SPECIFICITY[same.type]) same.type = d.type;
  if (d.placeScore > same.placeScore) {
    same.place = d.place;
    same.placeScore = d.placeScore;
    same.placeSource = d.placeSource;
  }
  if (!same.date || (same.date.text === '' && d.date && d.date.text !== '')) {
    same.date = d.date;
    same.dateSource = d.dateSource;
    same.dateFeature = d.dateFeature;
  }
  same.tellings += d.tellings;
  for (const c of d.cues) same.cues.add(c);
  same.duration ??= d.duration;
  same.evidence.push(...d.evidence);
  same.placeEvidence.push(...d.placeEvidence);
  same.triggerTokens.push(...d.triggerTokens);
  for (const s of d.sentences) same.sentences.add(s);
}

/**
 * Two tellings can be one encounter: both held or both planned, a phone call is never a meeting in
 * person, and two dates their own sentences give must agree ("their summit last October in Reykjavik"
 * is not "the summit in Geneva in November 1985").
 */
function compatible(a: Draft, b: Draft): boolean {
  return a.planned === b.planned && (a.type === 'call') === (b.type === 'call') && !datedApart(a, b);
}

function datedApart(a: Draft, b: Draft): boolean {
  if (a.dateSource !== 'sentence' || b.dateSource !== 'sentence' || !a.date || !b.date) return false;
  return !a.date.value.startsWith(b.date.value) && !b.date.value.startsWith(a.date.value);
}

/** Sentences between the closest sentences of two encounters. */
function distance(a: Set<number>, b: Set<number>): number {
  let best = Infinity;
  for (const x of a) for (const y of b) best = Math.min(best, Math.abs(x - y));
  return best;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

function subset(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
