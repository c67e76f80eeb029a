// Coreference of a definite generic title with the person the story just named: «وأجرى الوزير
// الأمريكي … لقاءات» after «وزير الدفاع الأمريكي أشتون كارتر», "the U.S. minister" after
// "Defence Minister Ashton Carter". A bare «الوزير الأمريكي» names no one office (there are many
// American ministers), so the knowledge base cannot resolve it (title-only.ts); the story can: it is
// the last person named in the few sentences before who holds a ministry of that country. In
// English, a definite title of one office with no country ("the prime minister", "the Crown
// Prince", "the Secretary General") refers back the same way, to the last person named who holds
// that office (by a title in the text, or in the knowledge base on the article's date). An envoy's
// title alone («المبعوث الأممي», "the envoy") refers back to the last envoy named: a story follows one.
import type { PersonContext } from '../context.js';
import type { Entity, Merge, PersonLayer, TitleUse } from '../types.js';
import { mentionOf } from '../entities.js';
import { titleMentionPrefix } from '../titles.js';
import { firstAtOrAfter } from '../../match/bisect.js';
import { TITLE_ONLY_OFFICES } from './title-only.js';
import { roleActive } from '../../entities/roles.js';

/** How many sentences back the person referred to may have been named. */
const REACH = 4;
/** Generic titles that refer back («الوزير», "the minister"), and the offices of those they may mean. */
const GENERIC: Record<string, (office: string) => boolean> = {
  minister: (office) => office.endsWith('minister'),
};

export function titleAnaphoraMerges(ctx: PersonContext, layer: PersonLayer): Merge[] {
  const merges: Merge[] = [];
  const mentioned = new Set(layer.mentions.map((m) => m.first));
  // (titles that could describe the one before: not «… والرئيس المصري», the next person of a list)
  const titleAt = new Set(layer.titles.filter((t) => !(t.hit.prefix > 0 && ctx.tokens[t.hit.first].norm.startsWith('و'))).map((t) => t.first));
  for (const t of layer.titles) {
    if (layer.usedTitles.has(t) || layer.covered[t.hit.first] || mentioned.has(t.first) || !definite(ctx, t)) continue;
    // "the president (Obama)": the name in brackets right after the title says who it is
    if (ctx.tokens[t.last]?.norm === '(' && mentioned.has(t.last + 1)) continue;
    // a title that introduces a name or another title («الرئيس أولاند», «ولي ولي العهد وزير الدفاع الأمير …») refers forward
    if (mentioned.has(t.nameStart) || titleAt.has(t.nameStart)) continue;
    const e = referent(ctx, layer, t);
    if (!e) continue;
    const prefix = titleMentionPrefix(ctx, t);
    merges.push({ kind: 'mention', into: e.key, mention: mentionOf(ctx, e.key, t.first, t.last, prefix, 'coref:title-anaphor', 'title') });
  }
  return merges;
}

/**
 * Who a definite title no name took refers back to: for «الوزير الأمريكي», "the U.S. minister", the
 * last person named who holds a ministry of that country; in English, for a title of one office and
 * no country ("the Crown Prince", "the president"), the last person named who holds that office.
 */
function referent(ctx: PersonContext, layer: PersonLayer, t: TitleUse): Entity | undefined {
  const country = t.role.country;
  const fits = GENERIC[t.role.office];
  if (fits && country && t.role.title === 'Minister') return lastHolder(ctx, layer, t, (en) => holds(ctx, en, country, fits));
  // «المبعوث الأممي», "the envoy": the last person named who is an envoy (there are many, but a story follows one)
  if (t.role.office === 'envoy' && !country && !t.role.organization) return ctx.parser.givenAt(t.nameStart) ? undefined : lastHolder(ctx, layer, t, (en) => holdsAnywhere(ctx, en, 'envoy'));
  if (country || t.role.organization || !TITLE_ONLY_OFFICES.has(t.role.office)) return undefined;
  const office = t.role.office;
  if (ctx.tokens[t.hit.first].script === 'latin') return lastHolder(ctx, layer, t, (en) => holdsAnywhere(ctx, en, office));
  // Arabic: only the very title the story itself gave, with no country, to a person just named
  // («ولي ولي العهد» after «محمد بن سلمان ولي ولي العهد», «وزير الخارجية» after «وزير الخارجية عادل
  // الجبير» but not after «وزير الخارجية الإيطالي»); the knowledge base is not asked, and a title
  // followed by a given name opens a name («الملك فيصل», «مركز الملك سلمان»)
  if (ctx.parser.givenAt(t.nameStart)) return undefined;
  return lastHolder(ctx, layer, t, (en) => en.bareTitles?.has(t.key) === true);
}

/** Whether the person holds office `office` of any country: in the text, or in the knowledge base on the article's date (when it has one). */
function holdsAnywhere(ctx: PersonContext, e: Entity, office: string): boolean {
  if (e.textRoles.some((r) => r.office === office && !r.former)) return true;
  const p = e.kb !== undefined && ctx.doc.dateGiven ? ctx.c.people[e.kb] : undefined;
  return !!p && p.roles.some((r) => r.office === office && roleActive(r, ctx.doc.date));
}

/** «الوزير» (with the article), "the minister": a title that refers back, not one that opens a name. */
function definite(ctx: PersonContext, t: TitleUse): boolean {
  const head = ctx.tokens[t.hit.first];
  if (head.script === 'latin') return ctx.tokens[t.hit.first - 1]?.norm === 'the';
  // («ولي العهد», «رئيس الوزراء»: a construct is definite by its last noun)
  return head.analyses.some((a) => a.article) || ctx.tokens[t.hit.last - 1].analyses.some((a) => a.article);
}

/** The person named last before the title, up to REACH sentences back, that `ok` accepts. */
function lastHolder(ctx: PersonContext, layer: PersonLayer, t: TitleUse, ok: (e: Entity) => boolean): Entity | undefined {
  const s = ctx.tokens[t.first].sentence;
  for (let i = firstAtOrAfter(layer.mentions, t.first) - 1; i >= 0; i--) {
    const m = layer.mentions[i];
    if (s - m.sentence > REACH) break;
    const e = layer.entities.get(m.pid);
    if (e?.type === 'person' && ok(e)) return e;
  }
  return undefined;
}

/** Whether the person holds (in the text or in the knowledge base) an office of `country` that `fits`. */
function holds(ctx: PersonContext, e: Entity, country: string, fits: (office: string) => boolean): boolean {
  if (e.textRoles.some((r) => r.country === country && fits(r.office))) return true;
  const p = e.kb !== undefined ? ctx.c.people[e.kb] : undefined;
  return !!p && p.roles.some((r) => r.country === country && fits(r.office));
}
