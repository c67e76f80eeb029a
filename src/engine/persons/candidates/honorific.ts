// Candidates: the name after an honorific ("Mr Blair", "Dr Sands", «السيد جيم جيفري»).
import type { PersonContext } from '../context.js';
import type { Candidate } from '../types.js';

export function afterHonorific(ctx: PersonContext): Candidate[] {
  const out: Candidate[] = [];
  for (const h of ctx.idx.all('lex:honorifics')) {
    const latin = ctx.tokens[h.first].script === 'latin';
    if (latin && !ctx.tokens[h.first].cap) continue;
    const n = ctx.parser.nameAt(h.last, latin);
    if (n) out.push({ ...n, rule: `${n.rule}+honorific`, priority: 1, confidence: Math.max(n.confidence, 0.8) });
  }
  return out;
}
