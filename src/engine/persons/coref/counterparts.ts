// Coreference of counterparts: «نظيره الروسي», "his Russian counterpart" is the holder, in that
// country, of the office the antecedent (the person named just before) holds — the name right
// after it when the text gives one («نظيره الروسي “سيرغي لافروف”»), else the knowledge base's
// holder on the article's date.
import { firstAtOrAfter } from '../../match/bisect.js';
import { holderOn } from '../../entities/roles.js';
import type { Hit } from '../../entities/lexicons.js';
import type { PersonContext } from '../context.js';
import type { Merge, PersonLayer, PersonMention, TextRole } from '../types.js';
import { mentionOf } from '../entities.js';
import { TITLE_ONLY_OFFICES } from './title-only.js';
import { addRoleTo, countryOf, officeOf, officeTitle, placeCountry } from '../util.js';

export function counterpartMerges(ctx: PersonContext, layer: PersonLayer): Merge[] {
  const { idx, tokens, doc, c } = ctx;
  const merges: Merge[] = [];
  // roles this pass gives, seen by the counterparts after it (a counterpart's office may come from one)
  const given = new Map<string, TextRole[]>();
  const rolesOf = (pid: string) => given.get(pid) ?? layer.entities.get(pid)!.textRoles;
  for (const h of idx.all('lex:counterpart')) {
    const where = counterpartCountry(ctx, h);
    if (!where) continue;
    const antecedent = lastMentionBefore(layer.mentions, h.first, tokens[h.first].sentence);
    if (!antecedent) continue;
    const office = officeOf(c, rolesOf(antecedent.pid), layer.entities.get(antecedent.pid)!.kb, doc.date);
    if (!office) continue;
    const role: TextRole = { office, title: officeTitle(office), titleText: doc.text.slice(tokens[h.first].start, tokens[where.last - 1].end), country: where.country };
    const named = mentionStarting(layer.mentions, where.last, where.last + 2);
    if (named) {
      const mention = mentionOf(ctx, named.pid, h.first, where.last, h.prefix, 'coref:counterpart', 'counterpart');
      merges.push({ kind: 'role', into: named.pid, role, span: mention.span, mention });
      const roles = [...rolesOf(named.pid)];
      addRoleTo(roles, role);
      given.set(named.pid, roles);
      continue;
    }
    // who held an office is only knowable when the article's date is; «نظيره البحريني» of a minister
    // names a portfolio the knowledge base may not list: only single-holder offices resolve
    if (!TITLE_ONLY_OFFICES.has(office)) continue;
    const holder = doc.dateGiven ? holderOn(c, office, where.country, doc.date) : undefined;
    if (!holder) continue;
    const key = `kb:${holder.person}`;
    merges.push({ kind: 'mention', into: key, kb: holder.person, confidence: 0.6, role, mention: mentionOf(ctx, key, h.first, where.last, h.prefix, 'coref:counterpart', 'counterpart') });
  }
  return merges;
}

/** The counterpart's country — a demonym after («نظيره الروسي») or before ("his Russian counterpart"), or a place («نظيره في روسيا») — and where the phrase ends. */
function counterpartCountry(ctx: PersonContext, h: Hit): { country: string; last: number } | undefined {
  const { idx, tokens } = ctx;
  const d = idx.at('demonym', h.last);
  if (d) {
    const country = countryOf(d);
    return country ? { country, last: d.last } : undefined;
  }
  let country: string | undefined;
  for (let k = Math.max(0, h.first - 2); k < h.first; k++) {
    const dd = idx.at('demonym', k);
    if (dd && dd.last === h.first) country = countryOf(dd);
  }
  if (country) return { country, last: h.last };
  const pl = idx.at('place', tokens[h.last]?.norm === 'في' || tokens[h.last]?.norm === 'in' ? h.last + 1 : h.last);
  const cc = pl ? placeCountry(ctx.c, pl) : undefined;
  return cc && pl ? { country: cc, last: pl.last } : undefined;
}

/** The last mention starting before token `before`, in the same or the previous sentence (mentions sorted). */
function lastMentionBefore(mentions: PersonMention[], before: number, sentence: number): PersonMention | undefined {
  const m = mentions[firstAtOrAfter(mentions, before) - 1];
  return m && sentence - m.sentence <= 1 ? m : undefined;
}

function mentionStarting(mentions: PersonMention[], from: number, to: number): PersonMention | undefined {
  for (let i = firstAtOrAfter(mentions, from); i < mentions.length && mentions[i].first <= to; i++) if (mentions[i].via === 'name') return mentions[i];
  return undefined;
}
