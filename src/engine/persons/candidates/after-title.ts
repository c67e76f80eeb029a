// Candidates: the name right after a title («الرئيس الروسي فلاديمير بوتين», "Secretary of State
// John Kerry"), and a former office-holder's surname after a past title («المخلوع صالح»,
// "former President Carter").
import type { PersonContext } from '../context.js';
import type { Candidate, TitleUse } from '../types.js';
import { formerHolder } from '../linking.js';
import { blocksName } from '../../entities/names.js';

export function afterTitle(ctx: PersonContext, titles: TitleUse[]): Candidate[] {
  const { tokens, lex, parser } = ctx;
  const out: Candidate[] = [];
  for (const t of titles) {
    // «شارع الملك فهد», "King Fahd Causeway": the name of a thing
    if (t.first > 0 && tokens[t.first].script === 'ar' && blocksName(lex, tokens[t.first - 1])) continue;
    if (t.role.former && tokens[t.nameStart]?.kind === 'word') {
      const former = formerHolder(ctx, t.nameStart, t.role);
      if (former !== undefined) {
        out.push({ first: t.nameStart, last: t.nameStart + 1, prefix: 0, rule: 'name:former-officeholder', confidence: 0.8, priority: 0, kb: former, title: t });
        continue;
      }
    }
    const n = parser.nameAt(t.nameStart, !t.weak);
    if (n) out.push({ ...n, rule: `${n.rule}+title`, priority: 1, confidence: Math.max(n.confidence, 0.85), title: t });
  }
  return out;
}
