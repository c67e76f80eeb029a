// Assembly: entities with mentions become participants, in order of first mention — the only place
// participant ids are assigned. Knowledge-base people carry their roles on the article's date.
import type { Participant } from '../../schemas/extraction.js';
import type { Compiled } from '../compile.js';
import type { Doc } from '../doc.js';
import { activeRoles } from '../entities/roles.js';
import type { Names } from '../../kb/schema.js';
import type { Entity, PersonLayer } from './types.js';
import type { Features } from '../scorers/model.js';
import { participantFeatures } from '../scorers/participant-features.js';
import { romaniser } from '../names/romanise.js';

export function assembleParticipants(c: Compiled, doc: Doc, layer: PersonLayer, features?: Features[]): Participant[] {
  const list = [...layer.entities.values()].filter((b) => b.spans.length > 0);
  for (const b of list) b.spans.sort((x, y) => x.start - y.start);
  list.sort((x, y) => x.spans[0].start - y.spans[0].start);
  const idOf = new Map<string, string>();
  const scorer = doc.scorers.participants;
  const participants: Participant[] = [];
  for (const b of list) {
    let reasons: string[] | undefined;
    if (b.type === 'person') {
      // the learned scorer gives persons their confidence, and drops those unlikely to be people of the story
      const x = participantFeatures(doc, b);
      const p = scorer.score(x);
      if (!scorer.keep(p)) continue;
      b.confidence = Math.round(p * 100) / 100;
      features?.push(x);
      if (doc.debug) reasons = scorer.reasons(x);
    } else features?.push({});
    const id = `p${participants.length + 1}`;
    idOf.set(b.key, id);
    participants.push({ ...toParticipant(c, doc, b, id), ...(reasons ? { reasons } : {}) });
  }
  // mentions of dropped entities go with them
  layer.mentions = layer.mentions.filter((m) => idOf.has(m.pid));
  for (const m of layer.mentions) m.pid = idOf.get(m.pid)!;
  return participants;
}

/** Display name (English when known) and the first name in each language of a knowledge-base entry. */
function displayNames(names: Names, fallback: string): Pick<Participant, 'name' | 'names'> {
  return {
    name: names.en[0] ?? names.ar[0] ?? fallback,
    names: { ...(names.ar[0] ? { ar: names.ar[0] } : {}), ...(names.en[0] ? { en: names.en[0] } : {}) },
  };
}

function toParticipant(c: Compiled, doc: Doc, b: Entity, id: string): Participant {
  const mentions = b.spans.map((s) => ({ start: s.start, end: s.end, text: s.text, ...(s.rule ? { rule: s.rule } : {}) }));
  if (b.type === 'organization') {
    const o = c.organizations[b.org!];
    return { id, type: 'organization', ...displayNames(o.names, o.id), kbId: o.id, roles: [], ...(o.country ? { country: o.country } : {}), mentions, confidence: b.confidence };
  }
  const roles: Participant['roles'] = b.textRoles.map((r) => ({
    title: r.title,
    titleText: r.titleText,
    office: r.office,
    ...(r.country ? { country: r.country } : {}),
    ...(r.organization ? { organization: r.organization } : {}),
    source: 'text' as const,
  }));
  if (b.kb !== undefined) {
    const p = c.people[b.kb];
    for (const r of activeRoles(p, doc.date)) {
      roles.push({ title: r.title, office: r.office, ...(r.country ? { country: r.country } : {}), ...(r.org ? { organization: r.org } : {}), source: 'knowledge-base' });
    }
    const country = roles.find((r) => r.source === 'knowledge-base' && r.country)?.country ?? roles.find((r) => r.country)?.country;
    return { id, type: 'person', ...displayNames(p.names, p.id), kbId: p.id, ...(p.wikidata ? { wikidata: p.wikidata } : {}), roles, ...(country ? { country } : {}), mentions, confidence: b.confidence };
  }
  // a name the knowledge base does not know: the longest written form is the display name
  // (a line break inside a wrapped name is a space in the display name)
  const longest = (b.names?.length ? b.names : b.spans).reduce((x, y) => (y.text.length > x.text.length ? y : x)).text.replace(/\s+/g, ' ');
  const country = roles.find((r) => r.country)?.country;
  const names = /[\u0600-\u06ff]/.test(longest) ? arabicNames(c, longest) : { en: longest };
  return { id, type: 'person', name: longest, names, roles, ...(country ? { country } : {}), mentions, confidence: b.confidence };
}

/** The names of a person known only by an Arabic name: that name, and its press romanisation marked as such. */
function arabicNames(c: Compiled, ar: string): Participant['names'] {
  const en = romaniser(c).romanise(ar);
  return en ? { ar, en, source: 'transliteration' } : { ar };
}
