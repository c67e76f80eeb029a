// Candidates: «…، تيان تشي السفير الصيني» — two unknown words right before a title of office,
// at the start of a clause (after punctuation or a reporting verb).
import type { PersonContext } from '../context.js';
import type { Candidate, TitleUse } from '../types.js';

export function beforeTitle(ctx: PersonContext, titles: TitleUse[]): Candidate[] {
  const { tokens, idx, parser } = ctx;
  const out: Candidate[] = [];
  for (const t of titles) {
    if (t.weak || tokens[t.hit.first].script !== 'ar' || t.first !== t.hit.first || t.hit.prefix > 0) continue;
    const a = t.first - 2;
    if (a < 0 || !parser.nameWord(a) || !parser.nameWord(a + 1) || !parser.bareWord(a) || !parser.bareWord(a + 1)) continue;
    // the name starts a clause: after punctuation or a reporting verb («أوضح راجح بادي الناطق …»)
    if (tokens[a].sentence !== tokens[t.first].sentence) continue;
    if (a > 0 && tokens[a - 1].sentence === tokens[a].sentence && tokens[a - 1].kind !== 'punct' && !idx.has('lex:speech-verbs', a - 1)) continue;
    const g = idx.at('given', a);
    const prefix = g && g.prefix === 1 && tokens[a].norm.startsWith('و') ? 1 : 0;
    out.push({ first: a, last: t.first, prefix, rule: 'name:before-title', confidence: 0.65, priority: 2 });
  }
  return out;
}
