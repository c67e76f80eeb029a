// The features the meeting scorer weighs: the kind of encounter, how many people and how well they
// are known, how often it was told, where its place and date came from, and what its triggers showed.
import type { Participant } from '../../schemas/extraction.js';
import type { Draft } from '../meetings/types.js';
import type { Features } from './model.js';

export function meetingFeatures(d: Draft, byId: Map<string, Participant>, lang: string): Features {
  const x: Features = { [`type:${d.type}`]: 1, [`lang:${lang}`]: 1 };
  const n = d.pids.size;
  x[n === 1 ? 'people:1' : n === 2 ? 'people:2' : 'people:3+'] = 1;
  let known = 0;
  let minConfidence = 1;
  for (const id of d.pids) {
    const p = byId.get(id);
    if (p?.kbId) known++;
    if (p) minConfidence = Math.min(minConfidence, p.confidence);
  }
  x['known-people'] = known / Math.max(1, n);
  if (known < n) x['unknown-person'] = 1;
  x['min-person-confidence'] = minConfidence;
  x[d.tellings > 1 ? 'tellings:2+' : 'tellings:1'] = 1;
  if (d.planned) x.planned = 1;
  x[`place:${d.placeSource ?? 'none'}`] = 1;
  x[`date:${d.dateFeature ?? d.dateSource ?? 'none'}`] = 1;
  if (d.duration) x.duration = 1;
  if (d.speakers) x.speakers = 1;
  for (const c of d.cues) x[`cue:${c}`] = 1;
  return x;
}
