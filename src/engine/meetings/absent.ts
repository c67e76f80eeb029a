// People named in a meeting's sentence who did not take part: those only mourned, visited at a
// tomb, discussed, supported or sent («ضريح الرئيس الراحل», «رحيل الأسد», «ممثل الرئيس الروسي»;
// lexicon `absent-markers`), and, in English, those named in a relative clause after the
// trigger ("talks with European ministers who blamed the attack on Assad"), those named in an aside
// between dashes («جولد – وهو مستشار قديم لنتنياهو – عقد اجتماعا»), and the one who reports it at the
// end of the clause ("…, foreign minister Guillermo Bedregal announced."), and a name
// that only modifies a noun ("the Reagan administration", "Assad's forces").
import type { Hit } from '../entities/lexicons.js';
import { entryOf } from '../entities/lexicons.js';
import type { PersonMention } from '../persons/types.js';
import type { MeetingContext } from './context.js';
import type { AbsentReason } from './types.js';

export function absentMentions(mc: MeetingContext): Map<PersonMention, AbsentReason> {
  const out = new Map<PersonMention, AbsentReason>();
  const relativeFrom = relativeClauses(mc);
  const aside = asides(mc);
  for (const m of mc.mentions) {
    const from = relativeFrom.get(m.sentence);
    if (from !== undefined && m.first > from) out.set(m, 'relative-clause');
    else if (aside[m.first] === 1) out.set(m, 'aside');
    else if (reportsAtEnd(mc, m)) out.set(m, 'reporter');
    else if (modifiesNoun(mc, m)) out.set(m, 'modifier');
  }
  const hits = mc.idx.all('lex:absent-markers');
  if (hits.length === 0) return out;
  // where each marker ends; «ممثل الرئيس الروسي»: the one who sent an envoy is absent only when named by
  // his title (the named «المبعوث الأممي إسماعيل ولد الشيخ» is the envoy himself); the sender of a letter
  // ("a letter from the president", «رسالة من … بان كي مون») is absent however he is named
  const ends = new Map<number, boolean>();
  for (const h of hits) ends.set(h.last, (ends.get(h.last) ?? true) && entryOf(h)?.sentBy === true);
  // words that may stand between the marker and the name: titles and honorifics ("the late President"),
  // and a title's nationality («رحيل الرئيس السوري بشار الأسد»; not a name's: «حزب القوات اللبنانية سمير جعجع»)
  const titled = new Set<number>();
  for (const key of ['lex:titles', 'lex:honorifics']) for (const h of mc.idx.all(key)) for (let k = h.first; k < h.last; k++) titled.add(k);
  for (const h of mc.idx.all('demonym')) if (titled.has(h.first - 1)) for (let k = h.first; k < h.last; k++) titled.add(k);
  // (a title with the body it serves: «رسالة من الأمين العام للأمم المتحدة بان كي مون»)
  for (const t of mc.doc.ann.persons?.titles ?? []) for (let k = t.first; k < t.last; k++) titled.add(k);
  const marks = (k: number, m: PersonMention) => ends.has(k) && !(ends.get(k) && m.via === 'name');
  const tokens = mc.tokens;
  let prev: PersonMention | undefined;
  for (const m of mc.mentions) {
    // the marker right before the mention or inside it («الرئيس الراحل ياسر عرفات»), or a name joined
    // by "and" to one it marks («نقل تحيات الملك سلمان والأمير محمد بن نايف إلى الرئيس السيسي»)
    let k = m.first;
    while (k > 0 && !ends.has(k) && (titled.has(k - 1) || tokens[k - 1].norm === 'the') && m.first - k < 8) k--;
    if (marks(k, m) || (prev && out.get(prev) === 'marker' && joinedByAnd(mc, prev, m, titled))) out.set(m, 'marker');
    else for (let i = m.first + 1; i < m.last; i++) if (marks(i, m)) out.set(m, 'marker');
    prev = m;
  }
  return out;
}

/** Whether mention `m` follows `prev` in its sentence with only "and" («و») and titles between. */
function joinedByAnd(mc: MeetingContext, prev: PersonMention, m: PersonMention, titled: ReadonlySet<number>): boolean {
  if (prev.sentence !== m.sentence || m.first < prev.last || m.first - prev.last > 8) return false;
  const tokens = mc.tokens;
  let and = false;
  for (let k = prev.last; k <= m.first && k < tokens.length; k++) {
    const t = tokens[k];
    const conj = t.norm === 'and' || (t.script === 'ar' && t.norm.startsWith('و') && t.analyses.some((a) => a.prefix > 0));
    if (k === m.first) return and || conj;
    if (conj && (t.norm === 'and' || titled.has(k))) and = true;
    else if (!titled.has(k)) return false;
  }
  return false;
}

/**
 * English "…, foreign minister Guillermo Bedregal announced.": a name after a comma (up to four words between: its title)
 * and after a meeting trigger of its sentence, followed by a reporting verb that ends the clause.
 */
function reportsAtEnd(mc: MeetingContext, m: PersonMention): boolean {
  const tokens = mc.tokens;
  if (tokens[m.first].script !== 'latin') return false;
  const verb = mc.idx.at('lex:speech-verbs', m.last);
  if (!verb) return false;
  const after = tokens[verb.last];
  if (after && after.sentence === m.sentence && after.kind !== 'punct') return false;
  let k = m.first - 1;
  while (k >= 0 && tokens[k].kind !== 'punct' && m.first - k <= 4) k--;
  if (k < 0 || tokens[k].norm !== ',') return false;
  // ("We … discussed this with Shultz today, Clark said": the one reporting names himself in it)
  const first = mc.doc.sentences[m.sentence].first;
  let trigger = false;
  for (let j = first; j < k; j++) {
    if (mc.doc.words.firstPersonPronouns.has(tokens[j])) return false;
    if (mc.idx.has('lex:meeting-triggers', j)) trigger = true;
  }
  return trigger;
}

/** English "the Reagan administration", "Assad's forces": a name right before a noun it modifies (word set name-modified-heads). */
function modifiesNoun(mc: MeetingContext, m: PersonMention): boolean {
  const tokens = mc.tokens;
  if (tokens[m.first].script !== 'latin') return false;
  let k = m.last;
  if ((tokens[k]?.norm === "'" || tokens[k]?.norm === '’') && tokens[k + 1]?.norm === 's') k += 2; // "Assad's
  const next = tokens[k];
  return next !== undefined && next.sentence === m.sentence && mc.doc.words.nameModifiedHeads.has(next);
}

/**
 * English: per sentence, the first token of a relative clause after the first trigger, when no
 * trigger follows it (not "The meetings, which end today with talks …", a clause about the trigger
 * itself, nor one that tells an encounter of its own, "… Garcia, who recently spoke by telephone with …").
 */
function relativeClauses(mc: MeetingContext): Map<number, number> {
  const tokens = mc.tokens;
  const relativeFrom = new Map<number, number>();
  const firstTrigger = new Map<number, Hit>();
  const lastTrigger = new Map<number, number>();
  for (const h of mc.idx.all('lex:meeting-triggers')) {
    const s = tokens[h.first].sentence;
    if (!firstTrigger.has(s)) firstTrigger.set(s, h);
    lastTrigger.set(s, h.first);
  }
  for (const [s, h] of firstTrigger) {
    if (tokens[h.first].script !== 'latin') continue;
    const end = mc.doc.sentences[s].last;
    let rel = -1;
    for (let k = h.last + 2; k < end; k++) if (mc.doc.words.relativePronouns.has(tokens[k])) { rel = k; break; }
    if (rel >= 0 && lastTrigger.get(s)! < rel) relativeFrom.set(s, rel);
  }
  return relativeFrom;
}

/** Tokens between a spaced dash and the next one of the sentence (an aside), when no trigger stands there. */
const ASIDE_REACH = 20;

function asides(mc: MeetingContext): Uint8Array {
  const { tokens } = mc;
  const text = mc.doc.text;
  const out = new Uint8Array(tokens.length);
  if (!/\s[–—-]\s/.test(text)) return out; // (most stories have no spaced dash: one native scan)
  const spacedDash = (k: number) => {
    const t = tokens[k];
    return (t.norm === '–' || t.norm === '—' || t.norm === '-') && /\s/.test(text[t.start - 1] ?? '') && /\s/.test(text[t.end] ?? '');
  };
  for (let k = 0; k < tokens.length; k++) {
    if (!spacedDash(k)) continue;
    let close = -1;
    for (let j = k + 1; j < tokens.length && j - k <= ASIDE_REACH && tokens[j].sentence === tokens[k].sentence; j++) if (spacedDash(j)) { close = j; break; }
    if (close < 0) continue;
    let trigger = false;
    for (let j = k + 1; j < close && !trigger; j++) trigger = mc.idx.has('lex:meeting-triggers', j);
    if (!trigger) out.fill(1, k + 1, close);
    k = close;
  }
  return out;
}
