// The arguments of an encounter: who acts (the subject of a clause, "he" before a trigger, «الأخير»),
// who is met ("received Saudi Foreign Minister …", "met with A, B and C"), and who only reports or
// comments ("…, Clark said", "Matsuda said he was optimistic about the talks").
import { firstAtOrAfter } from '../match/bisect.js';
import type { Hit } from '../entities/lexicons.js';
import type { MeetingContext } from './context.js';
import { present } from './context.js';

/** The last person who can take part named in tokens [from, to). */
export function lastPersonBefore(mc: MeetingContext, from: number, to: number): string | undefined {
  for (let i = firstAtOrAfter(mc.mentions, to) - 1; i >= 0 && mc.mentions[i].first >= from; i--) {
    if (present(mc, mc.mentions[i])) return mc.mentions[i].pid;
  }
  return undefined;
}

/** The first token of a person who can take part named in tokens [from, to), or `to`. */
export function firstPersonAfter(mc: MeetingContext, from: number, to: number): number {
  for (let i = firstAtOrAfter(mc.mentions, from); i < mc.mentions.length && mc.mentions[i].first < to; i++) {
    if (present(mc, mc.mentions[i])) return mc.mentions[i].first;
  }
  return to;
}

/** How far after an Arabic verb (in tokens: a title may stand between) its subject is named. */
export const SUBJECT_REACH = 3;

/** Whether «مع» / 'with' (word set comitatives) stands in tokens [from, to): a person after it is the one met. */
export function comitativeBetween(mc: MeetingContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (mc.doc.words.comitatives.has(mc.tokens[k])) return true;
  return false;
}

/**
 * The subject of the first trigger in tokens [from, to): in Arabic the person right after the verb
 * («ناقش الوزير X …»), in English the last person before it ("Kerry met …").
 */
export function clauseSubject(mc: MeetingContext, hits: readonly Hit[], from: number, to: number): string | undefined {
  const t = hits[firstAtOrAfter(hits, from)];
  if (!t || t.first >= to) return undefined;
  if (mc.tokens[t.first].script === 'ar') {
    const m = mc.mentions[firstAtOrAfter(mc.mentions, t.last)];
    if (!m || m.first - t.last > SUBJECT_REACH || m.first >= to || !present(mc, m)) return undefined;
    // «وأجرى الوزير الأمريكي … لقاءات مع رئيس الوزراء X»: the one met after «مع» is the object; the subject stood before the noun
    if (comitativeBetween(mc, t.last, m.first)) {
      const before = firstPersonAfter(mc, from, t.first);
      return before < t.first ? mc.mentions[firstAtOrAfter(mc.mentions, before)].pid : m.pid;
    }
    return m.pid;
  }
  return lastPersonBefore(mc, from, t.first);
}

/** Whether a reporting verb ends at token k ("said" in "said Hague"). */
export function speechEndsAt(mc: MeetingContext, k: number): boolean {
  for (let i = k; i >= Math.max(0, k - 2); i--) {
    const h = mc.idx.at('lex:speech-verbs', i);
    if (h && h.last === k + 1) return true;
  }
  return false;
}

/**
 * «التقى الأخير مع …», "the latter met …": the person named last before; and in English "he"/"she"
 * before the trigger, with the one person named in the sentence after it, is the last person quoted
 * in the four sentences before ("…, he added, heading into a working dinner with his French counterpart");
 * in English the pronoun may meet several people ("he was also scheduled to meet with A and B").
 */
export function pronounSubject(mc: MeetingContext, h: Hit, s: number, pids: string[]): string | undefined {
  const tokens = mc.tokens;
  if (pids.length === 0) return undefined;
  // ("he was also scheduled to meet with A and B": an English pronoun may meet several people)
  if (pids.length > 1 && tokens[h.first].script !== 'latin') return undefined;
  if (pids.length === 1 && (mc.doc.words.theLatter.has(tokens[h.last]) || mc.doc.words.theLatter.has(tokens[h.first - 1]))) {
    for (let j = firstAtOrAfter(mc.mentions, h.first) - 1; j >= 0; j--) {
      const m = mc.mentions[j];
      if (s - m.sentence > 1) break;
      if (present(mc, m) && m.pid !== pids[0]) return m.pid;
    }
    return undefined;
  }
  if (tokens[h.first].script === 'ar') return droppedSubject(mc, h, s, pids[0]);
  if (tokens[h.first].script !== 'latin') return undefined;
  const sentence = mc.doc.sentences[s];
  let pronoun = false;
  for (let k = sentence.first; k < h.first; k++) if (mc.doc.words.subjectPronouns.has(tokens[k])) pronoun = true;
  if (!pronoun || firstPersonAfter(mc, sentence.first, h.first) < h.first) return undefined;
  // the one named is met: right after the trigger, and not the one speaking ("…, Miyazawa said")
  const object = firstPersonAfter(mc, h.last, sentence.last);
  if (object - h.last > 8) return undefined;
  const m0 = mc.mentions[firstAtOrAfter(mc.mentions, object)];
  if (m0 && (mc.idx.has('lex:speech-verbs', m0.last) || speechEndsAt(mc, m0.first - 1))) return undefined;
  return lastQuoted(mc, s, sentence.first, pids);
}

/**
 * «وقال خلال مؤتمر صحفي مشترك عقده مع X», «وأضاف أنه بحث مع X»: an Arabic sentence opened by a
 * speech verb whose subject the verb carries: the one quoted last before, when no one is named
 * before the trigger and the one named is met right after it.
 */
function droppedSubject(mc: MeetingContext, h: Hit, s: number, met: string): string | undefined {
  const sentence = mc.doc.sentences[s];
  let k = sentence.first;
  while (k < h.first && mc.tokens[k].kind !== 'word') k++;
  const verb = mc.idx.at('lex:speech-verbs', k);
  if (!verb || verb.last > h.first || !mc.doc.words.afterDroppedSubject.has(mc.tokens[verb.last])) return undefined;
  if (firstPersonAfter(mc, sentence.first, h.first) < h.first) return undefined;
  const object = firstPersonAfter(mc, h.last, sentence.last);
  if (object - h.last > 8) return undefined;
  return lastQuoted(mc, s, sentence.first, [met]);
}

/**
 * «أشار الجبير إلى أن الاجتماع الذي عقد أمس بين السيسي وولي العهد …», "the meeting between X and Y": the
 * first two people named after the between-word a few words past the trigger are the encounter's
 * parties (not the one telling it).
 */
export function betweenParties(mc: MeetingContext, h: Hit, s: number, pids: readonly string[]): string[] | undefined {
  const sentence = mc.doc.sentences[s];
  const end = Math.min(sentence.last, h.last + 6);
  let k = h.last;
  while (k < end && !mc.doc.words.encounterBetween.has(mc.tokens[k])) k++;
  if (k >= end) return undefined;
  const parties: string[] = [];
  for (let j = firstAtOrAfter(mc.mentions, k); j < mc.mentions.length && parties.length < 2; j++) {
    const m = mc.mentions[j];
    if (m.sentence !== s) break;
    if (pids.includes(m.pid) && !parties.includes(m.pid)) parties.push(m.pid);
  }
  return parties.length === 2 ? parties : undefined;
}

/** The one who spoke last in the four sentences before ("…, Hague said"), not whoever was named last (a photo credit). */
function lastQuoted(mc: MeetingContext, s: number, before: number, not: readonly string[]): string | undefined {
  const tokens = mc.tokens;
  for (let j = firstAtOrAfter(mc.mentions, before) - 1; j >= 0; j--) {
    const m = mc.mentions[j];
    if (s - m.sentence > 4) break;
    if (!present(mc, m) || not.includes(m.pid)) continue;
    const after = tokens[m.last]?.norm === ',' ? m.last + 1 : m.last;
    // «أكد وزير الخارجية المصري سامح شكري», "said Foreign Minister X": the verb before the title
    const title = mc.doc.ann.persons?.titleBefore.get(m.first);
    const start = title && title.first < m.first ? title.first : m.first;
    const prev = start > 0 && tokens[start - 1].norm === ',' ? start - 2 : start - 1;
    if (mc.idx.has('lex:speech-verbs', after) || (prev >= 0 && speechEndsAt(mc, prev))) return m.pid;
  }
  return undefined;
}

/** "received Saudi Foreign Minister Adel al-Jubeir", "welcomed his French counterpart": a person is the object. */
export function personObjectAfter(mc: MeetingContext, h: Hit): boolean {
  const tokens = mc.tokens;
  const object = firstPersonAfter(mc, h.last, mc.doc.sentences[tokens[h.first].sentence].last);
  if (object - h.last > 5) return false;
  // only determiners and capitalised words (titles, demonyms) between: not "received a letter from Rice"
  for (let k = h.last; k < object; k++) if (!tokens[k].cap && !mc.doc.words.determiners.has(tokens[k])) return false;
  return true;
}

/** How far after a speech verb its speaker's name may start (his title between), and a title's name after it. */
const SPEAKER_REACH = 4;
const TITLE_NAME_REACH = 5;

/**
 * «قال إردوغان لرئيس الوزراء الصيني لي …», "Erdogan told President Xi": a speech verb tells an
 * encounter only when a person is addressed: in Arabic right after the one who speaks, who follows
 * the verb with his title (up to SPEAKER_REACH tokens), with «ل» on the addressee's title or name («لرئيس»,
 * «لنتنياهو») or, `glued` false, the addressee himself; in English right after the verb.
 */
export function addresseeAfter(mc: MeetingContext, h: Hit, glued: boolean): boolean {
  const tokens = mc.tokens;
  // ("Erdogan told Chinese President Xi": the speaker stood before the verb, the one addressed follows it)
  if (tokens[h.first].script === 'latin') return personObjectAfter(mc, h);
  const end = mc.doc.sentences[tokens[h.first].sentence].last;
  const i = firstAtOrAfter(mc.mentions, h.last);
  const speaker = mc.mentions[i];
  if (!speaker || speaker.first - h.last > SPEAKER_REACH || speaker.first >= end) return false;
  const k = speaker.last;
  if (k >= end) return false;
  const next = mc.mentions[i + 1];
  const named = next !== undefined && next.first === k;
  if (!glued) return named || (mc.idx.at('lex:titles', k) !== undefined && next !== undefined && next.first - k <= TITLE_NAME_REACH);
  // «لـ» glued to the title or the name right after the speaker
  if (!tokens[k].norm.startsWith('ل')) return false;
  if (named) return next.span.start > tokens[k].start;
  const title = mc.idx.at('lex:titles', k);
  return title !== undefined && title.prefix > 0 && next !== undefined && next.first - title.last <= 1;
}

/** "Matsuda said he was optimistic about the results of talks": the person named only comments on them. */
export function speaksAbout(mc: MeetingContext, h: Hit, pid: string): boolean {
  const s = mc.tokens[h.first].sentence;
  const first = mc.doc.sentences[s].first;
  for (let i = firstAtOrAfter(mc.mentions, first); i < mc.mentions.length && mc.mentions[i].first < h.first; i++) {
    const m = mc.mentions[i];
    if (m.pid !== pid) continue;
    for (let k = m.last; k < h.first; k++) if (mc.idx.has('lex:speech-verbs', k)) return true;
    return false;
  }
  return false;
}

/** English "X met with A, B and C": the people after "with" each met the others of the sentence. */
export function bilateral(mc: MeetingContext, h: Hit, s: number): Array<[string, string]> | undefined {
  const tokens = mc.tokens;
  if (tokens[h.first].script !== 'latin') return undefined;
  let withAt = -1;
  for (let k = h.last; k < Math.min(tokens.length, h.last + 3); k++) if (tokens[k].norm === 'with') withAt = k;
  if (withAt < 0) return undefined;
  const sentence = mc.doc.sentences[s];
  let end = sentence.last;
  for (let k = withAt + 1; k < sentence.last; k++) if (mc.idx.has('lex:speech-verbs', k) || tokens[k].norm === ';') { end = k; break; }
  const objects: string[] = [];
  const subjects: string[] = [];
  for (let i = firstAtOrAfter(mc.mentions, sentence.first); i < mc.mentions.length && mc.mentions[i].first < sentence.last; i++) {
    const m = mc.mentions[i];
    if (m.sentence !== s || !present(mc, m)) continue;
    // "…, Clark told reporters": the name right before the reporting verb is its subject, not one of those met
    if (m.first > withAt && m.first < end && !(end < sentence.last && m.last === end)) {
      if (!objects.includes(m.pid)) objects.push(m.pid);
    } else if (!subjects.includes(m.pid)) subjects.push(m.pid);
  }
  const subject = subjects.filter((x) => !objects.includes(x));
  if (objects.length < 2 || subject.length !== 1) return undefined;
  return objects.map((o) => [subject[0], o] as [string, string]);
}
