// From kept name spans to entities: each span is linked (a knowledge-base person, or a name of its
// own), becomes a mention, and takes the roles its titles give — a title right before it, or an
// apposition right after it («رياض ياسين وزير الخارجية اليمني», "Pompeo, the U.S. secretary of state").
import { spanOf } from '../doc.js';
import type { PersonContext } from './context.js';
import type { Candidate, Entity, PersonLayer, PersonMention, TitleUse } from './types.js';
import { link } from './linking.js';
import { addRole, nameKey } from './util.js';

export function buildEntities(ctx: PersonContext, layer: PersonLayer): void {
  const { tokens, doc } = ctx;
  const titlesOfNext = new Set(layer.titleBefore.values());
  for (const k of layer.kept) {
    for (let i = k.first; i < k.last; i++) layer.covered[i] = 1;
    layer.blocking.push(k);
    const span = spanOf(doc, k.first, k.last, k.prefix, k.rule);
    if (k.org !== undefined) {
      entity(layer, `org:${k.org}`, () => ({ type: 'organization', org: k.org, confidence: 0.9 })).spans.push(span);
      continue;
    }
    const before = layer.titleBefore.get(k.first);
    const kb = link(ctx, k, before?.role);
    // a lone given name after a title («الرئيس فرانسوا …» cut short) is not a name on its own
    if (kb === undefined && k.last - k.first === 1 && ctx.parser.givenAt(k.first) && tokens[k.first].script === 'ar') continue;
    const key = kb !== undefined ? `kb:${kb}` : `name:${nameKey(doc, k.first, k.last, k.prefix)}`;
    const e = entity(layer, key, () => ({ type: 'person', kb, confidence: 0 }));
    e.spans.push(span);
    (e.names ??= []).push(span);
    e.confidence = Math.max(e.confidence, k.confidence);
    (e.rules ??= new Set()).add(k.rule);
    if (before) e.rules.add('title-before');
    layer.mentions.push({ pid: key, first: k.first, last: k.last, sentence: tokens[k.first].sentence, span, via: 'name' });
    if (before) addTitle(e, before);
    const after = appositionAfter(ctx, layer, k, titlesOfNext);
    if (after) {
      // «جيم جيفري المسؤول عن الملف السوري»: even a generic title after a name describes that person
      addTitle(e, after);
      e.rules!.add('title-after');
      layer.usedTitles.add(after);
    }
    if (before) layer.usedTitles.add(before);
  }
}

/** The role a title gives, and the title itself when it names no country or organisation (title anaphora reads it). */
function addTitle(e: Entity, t: TitleUse): void {
  addRole(e, t.role);
  if (!t.role.country && !t.role.organization) (e.bareTitles ??= new Set()).add(t.key);
}

/** The entity with this key, created on first use. */
export function entity(layer: PersonLayer, key: string, make: () => Omit<Entity, 'key' | 'textRoles' | 'spans'>): Entity {
  let e = layer.entities.get(key);
  if (!e) layer.entities.set(key, (e = { key, textRoles: [], spans: [], ...make() }));
  return e;
}

export function mentionOf(ctx: PersonContext, pid: string, first: number, last: number, prefix: number, rule: string, via: PersonMention['via']): PersonMention {
  return { pid, first, last, sentence: ctx.tokens[first].sentence, span: spanOf(ctx.doc, first, last, prefix, rule), via };
}

/** A title in apposition right after the name (not «… ووزير الخارجية», nor the title of the next name). */
function appositionAfter(ctx: PersonContext, layer: PersonLayer, k: Candidate, titlesOfNext: Set<TitleUse>): TitleUse | undefined {
  const tokens = ctx.tokens;
  let after = k.last;
  if (tokens[after]?.norm === ',') after++;
  if (tokens[after]?.norm === 'the' && tokens[after].script === 'latin') after++;
  const ta = layer.titleAt.get(after);
  // a conjunction starts the next person; "Vice President George Bush, Secretary of State George Shultz"
  if (!ta || (ta.first === ta.hit.first && ta.hit.prefix > 0) || titlesOfNext.has(ta)) return undefined;
  if (tokens[k.last]?.norm === ',' && endsFrontedClause(ctx, k)) return undefined;
  return ta;
}

/**
 * "Before meeting with Bush, the Crown Prince paid a call on Reagan": the name ends a clause fronted
 * by a subordinator (no comma between the sentence's start and the name), so the title after the
 * comma opens the main clause: it is its subject, not an apposition of the name.
 */
function endsFrontedClause(ctx: PersonContext, k: Candidate): boolean {
  const { tokens, doc } = ctx;
  const start = doc.sentences[tokens[k.first].sentence].first;
  if (!doc.words.subordinators.has(tokens[start])) return false;
  for (let i = start + 1; i < k.first; i++) if (tokens[i].norm === ',') return false;
  return true;
}
