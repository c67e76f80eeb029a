// Candidates: a leader's bare surname after the words for the people he commands («وقوات صالح»,
// «أنصار هادي», "forces loyal to Saleh"), when one known person fits the date and the story's countries.
import { entryOf } from '../../entities/lexicons.js';
import { countryContext } from '../../entities/places.js';
import type { PersonContext } from '../context.js';
import type { Candidate } from '../types.js';
import { leaderBySurname } from '../linking.js';

export function leaderOfFollowers(ctx: PersonContext, demonymCountries: Set<string>): Candidate[] {
  const { idx, tokens } = ctx;
  const out: Candidate[] = [];
  const followers = idx.all('lex:followers');
  // the countries the text names (a bare «صالح» in a story about Yemen is Yemen's Saleh)
  const named = followers.length ? countryContext(ctx.c, ctx.doc.matches, demonymCountries) : new Set<string>();
  for (const h of followers) {
    if (entryOf(h)?.movement === true) continue;
    const k = h.last;
    if (k >= tokens.length || tokens[k].sentence !== tokens[h.first].sentence || tokens[k].kind !== 'word') continue;
    if (tokens[k].script === 'latin' && !tokens[k].cap) continue;
    // «النظام العربي» is an adjective, not «نظام الأسد»; «مليشيا الحوثي» names the movement
    const head = tokens[h.last - 1];
    if (head.script === 'ar' && head.analyses[0].article && h.last - h.first === 1) continue;
    if (idx.has('org', k) || idx.has('org', h.first) || entryOf(idx.at('lex:followers', k))?.movement === true) continue;
    const kb = leaderBySurname(ctx, k, named);
    if (kb !== undefined) out.push({ first: k, last: k + 1, prefix: 0, rule: 'name:leader-of-followers', confidence: 0.75, priority: 1, kb });
  }
  return out;
}
