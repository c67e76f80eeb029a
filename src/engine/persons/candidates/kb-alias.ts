// Candidates: a name the knowledge base lists («مايك بومبيو», "Lavrov"), extended over a nasab;
// an alias that goes on with more name is someone else ("Assad Omar"); a surname alone names the
// known person only around the years they were in office ("Abe" in 1987 is not Shinzo Abe).
import { pickPerson } from '../../entities/roles.js';
import { looksLikeName } from '../../entities/places.js';
import type { PersonContext } from '../context.js';
import type { Candidate } from '../types.js';
import { nearTenure } from '../util.js';
import { normalizeString } from '../../text/normalize.js';
import { blocksName } from '../../entities/names.js';

export function knownAlias(ctx: PersonContext): Candidate[] {
  const { idx, tokens, parser, doc, c } = ctx;
  const out: Candidate[] = [];
  for (const h of idx.all('person')) {
    if (tokens[h.first].script === 'latin' && !looksLikeName(doc, h.first, h.last)) continue;
    const kbs = h.payloads.filter((p) => p.kind === 'person').map((p) => (p.kind === 'person' ? p.person : -1));
    const last = parser.extend(h.last - 1, 0, h.first);
    // "Assad Omar", "Mohammed Mustafa al-Jibouri": a known alias that goes on with more name is someone else
    // (a nasab continuing with «بن» is the same person)
    // («عبدالله بن عبدالعزيز الجربوع»: an alias that ends with a father's name, then an «ال» family name
    // that is no everyday word, is someone else's nasab; not «خالد بن محمد العطية» + «الانتباه»)
    const family = h.last - 2 > h.first && parser.familyAfterNasab(h.last) && !parser.everyday(tokens[h.last]);
    const goesOn = (last > h.last && !parser.isParticle(h.last)) || family;
    const latinGoesOn = tokens[h.first].script === 'latin' && h.last - h.first === 1 && parser.nameWord(h.last) && tokens[h.last].sentence === tokens[h.first].sentence;
    if (goesOn || latinGoesOn) {
      const end = Math.max(last, latinGoesOn ? parser.extend(h.first, 2) : last, family ? h.last + 1 : 0);
      out.push({ first: h.first, last: end, prefix: h.prefix, rule: 'name:longer-than-alias', confidence: 0.6, priority: 2 });
      continue;
    }
    // «ردا على محمود عباس»: an alias that starts with «علي» read where the text has the preposition «على»
    if (tokens[h.first].norm === 'علي' && parser.isStop(h.first)) continue;
    if (articleMissing(ctx, h.first, h.last, h.prefix, kbs)) continue;
    // «جامعة الحسين بن طلال», "King Fahd Causeway": a known person's name inside the name of a place or an institution
    if (h.first > 0 && blocksName(ctx.lex, tokens[h.first - 1], true)) continue;
    if (last < tokens.length && tokens[last].script === 'latin' && tokens[last].cap && ctx.lex.things.has(tokens[last].norm)) continue;
    const person = pickPerson(c, kbs, doc.date);
    if (h.last - h.first === 1 && doc.dateGiven && !nearTenure(c.people[person], doc.date)) continue;
    out.push({ first: h.first, last, prefix: h.prefix, rule: 'person:kb-alias', confidence: 0.95, kb: person, priority: 0 });
  }
  return out;
}

/**
 * «أسد» (a lion) is not «الأسد» (Assad): a one-word Arabic alias that the knowledge base writes with
 * the article names the person only where the text has the article too (lexicon keys drop it).
 */
function articleMissing(ctx: PersonContext, first: number, last: number, prefix: number, kbs: readonly number[]): boolean {
  const t = ctx.tokens[first];
  if (last - first !== 1 || t.script !== 'ar') return false;
  const a = t.reading(prefix);
  if (a.article) return false;
  for (const k of kbs) for (const n of ctx.c.people[k]?.names.ar ?? []) if (normalizeString(n) === a.key) return false;
  return true;
}
