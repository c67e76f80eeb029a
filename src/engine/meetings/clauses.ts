// Clauses: a sentence is one clause, unless a later trigger opens an encounter of its own —
// after «كما» / «ثم» («التقى X Y، كما التقى Z»), as a verb coordinated after a comma («…، وعقد
// اجتماعا مع Z», ", and held talks with Z"), or, in English, in a relative clause that tells
// one ("meetings with Abe, who was paving the way for the visit of Nakasone") — and both parts
// name someone. People are grouped by clause.
import type { MeetingContext } from './context.js';
import { anaphoric, present } from './context.js';
import { firstPersonAfter, SUBJECT_REACH } from './arguments.js';
import { firstAtOrAfter } from '../match/bisect.js';
import type { Clause } from './types.js';
import type { Hit } from '../entities/lexicons.js';

/** Clauses per sentence that open an encounter of their own (more are folded into the last). */
const MAX_CLAUSES = 8;
/** How far back from a later trigger a relative pronoun may open its clause. */
const RELATIVE_REACH = 16;

export function findClauses(mc: MeetingContext): Map<number, Clause[]> {
  const cuts = clauseCuts(mc);
  const out = new Map<number, Clause[]>();
  for (const sentence of mc.doc.sentences) {
    const at = cuts.get(sentence.index) ?? [];
    const bounds = [sentence.first, ...at, sentence.last];
    const list: Clause[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) list.push({ sentence: sentence.index, index: i, first: bounds[i], last: bounds[i + 1], people: [] });
    out.set(sentence.index, list);
  }
  for (const m of mc.mentions) {
    if (!present(mc, m)) continue;
    const people = clauseAt(out, mc, m.first).people;
    if (!people.includes(m.pid)) people.push(m.pid);
  }
  return out;
}

/** The clause token `tok` belongs to. */
export function clauseAt(clauses: Map<number, Clause[]>, mc: MeetingContext, tok: number): Clause {
  const list = clauses.get(mc.tokens[tok].sentence)!;
  let i = 0;
  while (i + 1 < list.length && list[i + 1].first <= tok) i++;
  return list[i];
}

/** Per sentence, the tokens where a later encounter starts. */
function clauseCuts(mc: MeetingContext): Map<number, number[]> {
  const { tokens, doc } = mc;
  const named = (from: number, to: number) => firstPersonAfter(mc, from, to) < to;
  const out = new Map<number, number[]>();
  const firstOf = new Map<number, number>(); // sentence -> its first trigger's end
  const titled = titleMask(mc);
  // (the trigger hits the meeting layer kept: none inside a name or a quoted title, the addressed speech verbs added)
  for (const h of mc.doc.ann.meeting!.hits) {
    const s = tokens[h.first].sentence;
    if (!firstOf.has(s)) {
      firstOf.set(s, h.last);
      continue;
    }
    const cut = out.get(s);
    const from = cut ? cut[cut.length - 1] + 1 : firstOf.get(s)!;
    let at = -1;
    const before = tokens[h.first - 1];
    if (before && before.sentence === s && doc.words.nextEncounter.has(before)) at = h.first - 1;
    else if (coordinated(mc, h)) at = tokens[h.first].script === 'latin' ? h.first - 1 : h.first;
    else if (construct(mc, h, titled)) at = h.first;
    else if (tokens[h.first].script === 'latin') {
      for (let k = h.first - 1; k >= from && k >= h.first - RELATIVE_REACH; k--) if (doc.words.relativePronouns.has(tokens[k])) { at = k; break; }
    }
    if (at < 0) continue;
    // only between clauses that each name someone
    const start = cut ? cut[cut.length - 1] : doc.sentences[s].first;
    if (!named(start, at) || !named(at, doc.sentences[s].last)) continue;
    if (!cut) out.set(s, [at]);
    else if (cut.length < MAX_CLAUSES - 1) cut.push(at);
  }
  return out;
}

/** «، وعقد اجتماعا مع …», ", and held talks with …": a trigger verb coordinated after a comma opens a clause of its own. */
function coordinated(mc: MeetingContext, h: Hit): boolean {
  const { tokens, doc } = mc;
  const t = tokens[h.first];
  if (anaphoric(mc, h)) return false;
  if (t.script === 'ar') return h.prefix > 0 && tokens[h.first - 1]?.norm === ',' && doc.words.coordinators.hasNorm(t.norm.slice(0, h.prefix));
  return doc.words.coordinators.has(tokens[h.first - 1]) && tokens[h.first - 2]?.norm === ',';
}

/**
 * «… في ختام مباحثات الرئيس المصري عبد الفتاح السيسي وسمو ولي ولي العهد»: a later Arabic noun trigger
 * in construct with the people it names (no article, a person right after it, not after «مع») tells
 * their encounter, not the clause's.
 */
function construct(mc: MeetingContext, h: Hit, titled: () => Uint8Array): boolean {
  const t = mc.tokens[h.first];
  if (t.script !== 'ar' || t.analyses[0].article || h.prefix > 0 || anaphoric(mc, h)) return false;
  // («والتقى»: a verb with its conjunction, matched whole, is no noun in construct)
  if (t.analyses.length > 1 && mc.doc.words.coordinators.hasNorm(t.norm.slice(0, 1))) return false;
  const m = mc.mentions[firstAtOrAfter(mc.mentions, h.last)];
  if (!m || m.first - h.last > SUBJECT_REACH || !present(mc, m) || mc.tokens[m.first].sentence !== t.sentence) return false;
  // only the person's title, a form of address or «بين» may stand between («مباحثات الرئيس المصري X»,
  // «مباحثات بين الرئيسين …»), no other preposition («اتصالا من …», «مع …»)
  const mask = titled();
  for (let k = h.last; k < m.first; k++) if (!mask[k] && !mc.doc.words.encounterBetween.has(mc.tokens[k])) return false;
  return true;
}

/** Per token, 1 inside a title and its modifiers or a form of address (built once, when a clause asks). */
function titleMask(mc: MeetingContext): () => Uint8Array {
  let mask: Uint8Array | undefined;
  return () => {
    if (!mask) {
      mask = new Uint8Array(mc.tokens.length);
      for (const t of mc.doc.ann.persons?.titles ?? []) mask.fill(1, t.first, t.last);
      for (const x of mc.idx.all('lex:honorifics')) mask.fill(1, x.first, x.last);
    }
    return mask;
  };
}
