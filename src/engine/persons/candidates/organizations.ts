// Organisation spans from the knowledge base: they compete with person names for the same words.
import { looksLikeName } from '../../entities/places.js';
import type { PersonContext } from '../context.js';
import type { Candidate } from '../types.js';

export function organizations(ctx: PersonContext): Candidate[] {
  const out: Candidate[] = [];
  for (const h of ctx.idx.all('org')) {
    const p = h.payloads[0];
    if (p.kind !== 'org') continue;
    if (ctx.tokens[h.first].script === 'latin' && !looksLikeName(ctx.doc, h.first, h.last) && ctx.tokens[h.first].norm.length > 3) continue;
    out.push({ first: h.first, last: h.last, prefix: h.prefix, rule: 'org:kb', confidence: 0.9, priority: 4, org: p.org });
  }
  return out;
}
