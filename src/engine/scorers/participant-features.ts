// The features the participant scorer weighs: whether the knowledge base knows the person, which
// generators and coreference passes found them, how often and in what form they are mentioned.
import type { Doc } from '../doc.js';
import type { Entity } from '../persons/types.js';
import type { Features } from './model.js';

export function participantFeatures(doc: Doc, e: Entity): Features {
  const x: Features = { [`lang:${doc.language}`]: 1 };
  if (e.kb !== undefined) x.kb = 1;
  for (const r of e.rules ?? []) x[`rule:${r.replace(/\+.*/, '')}`] = 1;
  for (const r of e.rules ?? []) if (r.includes('+')) x[`cue:${r.slice(r.indexOf('+') + 1)}`] = 1;
  const n = e.spans.length;
  x[n === 1 ? 'mentions:1' : n <= 3 ? 'mentions:2-3' : 'mentions:4+'] = 1;
  if (e.textRoles.length) x['text-role'] = 1;
  const words = Math.max(0, ...(e.names ?? []).map((s) => s.text.trim().split(/\s+/).length));
  x[words <= 1 ? 'name-words:1' : words === 2 ? 'name-words:2' : 'name-words:3+'] = 1;
  x['generator-confidence'] = e.confidence;
  return x;
}
