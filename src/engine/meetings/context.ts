// What the meeting components share for one document.
import type { Compiled } from '../compile.js';
import type { Doc } from '../doc.js';
import type { PlaceMention } from '../entities/places.js';
import type { Hit, MatchIndex } from '../entities/lexicons.js';
import type { Participant } from '../../schemas/extraction.js';
import type { LocationIndex } from '../doc.js';
import type { PersonMention } from '../persons/types.js';
import type { Token } from '../text/tokenize.js';
import { need } from '../pipeline.js';
import type { AbsentReason } from './types.js';

export interface MeetingContext {
  doc: Doc;
  c: Compiled;
  idx: MatchIndex;
  tokens: Token[];
  /** Person mentions in token order (participant ids). */
  mentions: PersonMention[];
  participants: Participant[];
  /** Participant ids of persons. */
  persons: Set<string>;
  absent: Map<PersonMention, AbsentReason>;
  unnamedOfficials: Set<number>;
  places: PlaceMention[];
  locations: LocationIndex;
}

export function meetingContext(doc: Doc, c: Compiled): MeetingContext {
  const participants = need(doc.ann.participants, 'participants', 'participants');
  return {
    doc,
    c,
    idx: doc.index,
    tokens: doc.tokens,
    mentions: need(doc.ann.personMentions, 'person mentions', 'participants'),
    participants,
    persons: doc.ann.meeting?.persons ?? new Set(participants.filter((p) => p.type === 'person').map((p) => p.id)),
    absent: doc.ann.meeting?.absent ?? new Map(),
    unnamedOfficials: doc.ann.unnamedOfficials ?? new Set(),
    places: need(doc.ann.placeMentions, 'place mentions', 'places'),
    locations: need(doc.ann.locations, 'locations', 'places'),
  };
}

/** Items keyed by the sentence their first token sits in, in their original order. */
export function groupBySentence<T extends { first: number }>(mc: MeetingContext, items: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const s = mc.tokens[item.first].sentence;
    const list = out.get(s);
    if (list) list.push(item);
    else out.set(s, [item]);
  }
  return out;
}

/** A mention that can be a participant: a person, not only mentioned (mourned, discussed, in a relative clause). */
export function present(mc: MeetingContext, m: PersonMention): boolean {
  return mc.persons.has(m.pid) && !mc.absent.has(m);
}

/** "the meeting", "the same talks", «اللقاء», «الاجتماع»: a trigger that refers back to an encounter already told. */
export function anaphoric(mc: MeetingContext, h: Hit): boolean {
  const t = mc.tokens[h.first];
  if (t.script === 'ar') return h.prefix === 0 && t.analyses[0].article && t.norm.length > 4;
  const prev = mc.tokens[h.first - 1];
  const prev2 = mc.tokens[h.first - 2];
  return !!prev && (prev.norm === 'the' || prev.norm === 'that' || prev.norm === 'same' || prev.norm === 'this') && (prev.norm !== 'same' || prev2?.norm === 'the');
}
