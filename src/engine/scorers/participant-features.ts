// The features the participant scorer weighs: whether the knowledge base knows the person, which
// generators and coreference passes found them, how often and in what form they are mentioned.
import type { Doc } from '../doc.js';
import type { Entity } from '../persons/types.js';
import type { Features } from './model.js';
import { nerEvidence } from '../ner/evidence.js';

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
  taggerFeatures(doc, e, x);
  return x;
}

/** What the name tagger says of the person's names, per language (the tagger is surer in English). */
function taggerFeatures(doc: Doc, e: Entity, x: Features): void {
  if (!doc.ann.ner) return;
  let exact = 0;
  let partial = false;
  let other = false;
  for (const s of e.names ?? []) {
    const per = nerEvidence(doc, s, 'PER');
    if (per.exact) exact = Math.max(exact, per.exact.score);
    else if (per.overlap) partial = true;
    else if (nerEvidence(doc, s).overlap) other = true;
  }
  const l = doc.language;
  if (exact > 0) x[`ner:per:${l}`] = exact;
  else if (partial) x[`ner:per-partial:${l}`] = 1;
  else x[other ? `ner:other:${l}` : `ner:none:${l}`] = 1;
}
