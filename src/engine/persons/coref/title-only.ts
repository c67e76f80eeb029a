// Coreference of titles alone: «الرئيس الروسي», "the Russian president" with no name is the
// knowledge base's holder of that office on the article's date. Also notes the sentences that
// speak of an official by title alone (the meetings read them).
import { holderOn } from '../../entities/roles.js';
import type { PersonContext } from '../context.js';
import type { Merge, PersonLayer } from '../types.js';
import { mentionOf } from '../entities.js';
import { titleMentionPrefix } from '../titles.js';

/** Offices a bare title identifies on a given date. */
export const TITLE_ONLY_OFFICES: ReadonlySet<string> = new Set(['head-of-state', 'head-of-government', 'foreign-minister', 'crown-prince', 'vice-president', 'defence-minister', 'supreme-leader', 'secretary-general', 'high-representative']);

export function titleOnlyMerges(ctx: PersonContext, layer: PersonLayer): Merge[] {
  const { doc, c } = ctx;
  const merges: Merge[] = [];
  for (const t of layer.titles) {
    if (layer.usedTitles.has(t) || t.role.former || !TITLE_ONLY_OFFICES.has(t.role.office)) continue;
    const where = t.role.country ?? t.role.organization;
    if (!where || layer.covered[t.hit.first]) continue;
    const holder = doc.dateGiven ? holderOn(c, t.role.office, where, doc.date) : undefined;
    if (!holder) continue;
    const key = `kb:${holder.person}`;
    const prefix = titleMentionPrefix(ctx, t);
    merges.push({ kind: 'mention', into: key, kb: holder.person, confidence: 0.6, role: t.role, mention: mentionOf(ctx, key, t.first, t.last, prefix, 'coref:title', 'title') });
  }
  return merges;
}

/** Sentences with a counterpart phrase, or a title that no name took and no mention covers. */
export function unnamedOfficials(ctx: PersonContext, layer: PersonLayer): Set<number> {
  const out = new Set<number>();
  for (const h of ctx.idx.all('lex:counterpart')) out.add(ctx.tokens[h.first].sentence);
  for (const t of layer.titles) if (!layer.usedTitles.has(t) && !layer.covered[t.hit.first]) out.add(ctx.tokens[t.hit.first].sentence);
  return out;
}
