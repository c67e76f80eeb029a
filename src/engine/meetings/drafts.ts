// Drafts: one per telling of an encounter. Each trigger, in order, either refines the draft of its
// clause, lends a place to the encounter just told (a follow-up naming no one), adds one person to
// it (an anaphoric telling: «وحضر اللقاء X»), or opens a new draft with its people, place, date,
// duration and speakers — one per person met when a sentence lists several ("met with A, B and C").
import { spanOf } from '../doc.js';
import type { PlaceMention } from '../entities/places.js';
import type { MeetingContext } from './context.js';
import { betweenParties, bilateral, clauseSubject, comitativeBetween, firstPersonAfter, lastPersonBefore, pronounSubject, speaksAbout, SUBJECT_REACH } from './arguments.js';
import { firstAtOrAfter } from '../match/bisect.js';
import { SPECIFICITY } from './triggers.js';
import { anaphoric } from './context.js';
import { articleDates, dateEvidence, eventOffset, shiftDay, type ArticleDates } from './date-evidence.js';
import { dayOrWeek } from '../dates/resolve.js';
import { bestPlace, datelinePlace, nearestPlaceBefore, sentencePlaces, speakingPlaces, visitPlace, type PlaceEvidence } from './place-evidence.js';
import { findDuration } from './duration.js';
import { futureAt } from '../lexicon/future.js';
import type { Clause, Draft, MeetingLayer, Trigger } from './types.js';

const MAX_PARTICIPANTS = 8;

interface DraftState {
  mc: MeetingContext;
  layer: MeetingLayer;
  drafts: Draft[];
  lastClause?: Clause;
  placesBySentence: Map<number, PlaceMention[]>;
  dates: ArticleDates;
  spokeAt: Map<string, { place: PlaceMention; sentence: number }>;
  dateline?: PlaceMention;
  anaphoricSentences: Set<number>;
}

export function buildDrafts(mc: MeetingContext, layer: MeetingLayer): Draft[] {
  const placesBySentence = layer.placesBySentence;
  const anaphoricSentences = new Set<number>();
  for (const h of layer.hits) if (anaphoric(mc, h)) anaphoricSentences.add(mc.tokens[h.first].sentence);
  const st: DraftState = { mc, layer, drafts: [], placesBySentence, dates: articleDates(mc), spokeAt: speakingPlaces(mc), dateline: datelinePlace(mc), anaphoricSentences };
  for (const tr of layer.triggers) step(st, tr);
  return st.drafts;
}

function step(st: DraftState, tr: Trigger): void {
  const { mc } = st;
  const h = tr.hit;
  const s = tr.sentence;
  if (tr.clause === st.lastClause) return refine(st, tr);
  const people = participantsOf(st, tr);
  const between = anaphoric(mc, h) ? betweenParties(mc, h, s, people) : undefined;
  const pids = between ?? people;
  const sentence = mc.doc.sentences[s];
  if (pids.length === 0) {
    followUp(st, s, sentence.first, sentence.last, anaphoric(mc, h) ? 5 : 1);
    return;
  }
  // "The meetings, which end today with talks on Capitol Hill, … lay groundwork for a summit … between
  // Reagan and Mulroney": the clause up to the next trigger names no one and refers back
  if (mc.tokens[h.first].script === 'latin' && anaphoric(mc, h)) {
    const named = firstPersonAfter(mc, h.last, sentence.last);
    let owner = -1; // the last trigger before the first person named: the one those people belong to
    for (let k = tr.at + 1; k < st.layer.hits.length && st.layer.hits[k].first < named; k++) if (st.layer.hits[k].first >= h.last) owner = k;
    if (owner >= 0 && followUp(st, s, h.last, st.layer.hits[owner].first, 5)) return;
  }
  // «حضر اللقاء X وY», "Delors said at the same meeting": people told as joining the encounter just told
  if (!between && ((pids.length === 1 && st.anaphoricSentences.has(s)) || anaphoric(mc, h)) && joinPrevious(st, tr, pids, pids.length === 1 ? 3 : 2)) return;
  // one named person meeting an unnamed official («التقى الجبير نظيره الإيطالي»), or visiting a place
  const single =
    pids.length === 1 &&
    !speaksAbout(mc, h, pids[0]) &&
    ((!tr.entry.weak && mc.unnamedOfficials.has(s)) || (tr.type === 'visit' && visitPlace(mc, h, st.placesBySentence.get(s) ?? [])));
  if ((pids.length < 2 && !single) || pids.length > MAX_PARTICIPANTS) return;
  st.lastClause = tr.clause;
  const draft = newDraft(st, tr, pids);
  // "Blair held talks with Sharon and Abbas": one encounter per person met
  const pairs = bilateral(mc, h, s);
  if (!pairs) st.drafts.push(draft);
  else for (const [subject, other] of pairs) st.drafts.push({ ...draft, pids: new Set([subject, other]), evidence: [...draft.evidence], sentences: new Set(draft.sentences), cues: new Set(draft.cues), placeEvidence: [...draft.placeEvidence], triggerTokens: [...draft.triggerTokens] });
}

/** A later trigger of the clause of the last draft: a more specific type, an encounter, a plan. */
function refine(st: DraftState, tr: Trigger): void {
  const d = st.drafts[st.drafts.length - 1];
  if (!d || !d.sentences.has(tr.sentence)) return;
  if (SPECIFICITY[tr.type] > SPECIFICITY[d.type]) d.type = tr.type;
  if (tr.type !== 'visit') d.encounter = true;
  if (tr.entry.future === true) d.planned = true;
}

/** The people of the trigger's clause, with the unsaid subject of a later clause and a pronoun's. */
function participantsOf(st: DraftState, tr: Trigger): string[] {
  const { mc } = st;
  const h = tr.hit;
  let pids = tr.clause.people;
  // «…، كما التقى رئيس الوزراء»: the subject left unsaid is the one who opened the sentence
  // (not when the trigger is a noun with its own subject: "the visit of Prime Minister Nakasone")
  if (tr.clause.index > 0 && (pids.length === 1 || coordinatedVerb(mc, tr)) && mc.tokens[h.last]?.norm !== 'of') {
    const prev = mc.doc.ann.meeting!.clauses.get(tr.sentence)![tr.clause.index - 1];
    const from = tr.clause.first;
    // (a relative clause's subject is the person it follows: "… President Alan Garcia, who spoke by telephone with …")
    const opener = mc.doc.words.relativePronouns.has(mc.tokens[from]) ? lastPersonBefore(mc, prev.first, from) : clauseSubject(mc, st.layer.hits, prev.first, from);
    if (opener && !pids.includes(opener) && firstPersonAfter(mc, from, h.first) >= h.first) pids = [opener, ...pids];
  }
  const subject = pronounSubject(mc, h, tr.sentence, pids);
  return subject ? [subject, ...pids] : pids;
}

/** «…، وعقد اجتماعا مع X وY», ", and held talks with X and Y": a clause opened by a coordinated trigger verb with no subject of its own right after it. */
function coordinatedVerb(mc: MeetingContext, tr: Trigger): boolean {
  const h = tr.hit;
  const opens = tr.clause.first === h.first || (tr.clause.first === h.first - 1 && mc.doc.words.coordinators.has(mc.tokens[h.first - 1]));
  if (!opens) return false;
  // «…، واستقبل الملك X الوزير Y»: a person right after the verb, not after «مع», is its own subject
  const m = mc.mentions[firstAtOrAfter(mc.mentions, h.last)];
  return !m || m.first - h.last > SUBJECT_REACH || m.first >= tr.clause.last || comitativeBetween(mc, h.last, m.first);
}

/**
 * «وحضر اللقاء X», «كما حضر الاجتماع X وY», "Delors said at the same meeting": people joining the
 * encounter just told (one person up to three sentences back, several up to two), held like it.
 */
function joinPrevious(st: DraftState, tr: Trigger, pids: string[], reach: number): boolean {
  const prev = st.drafts[st.drafts.length - 1];
  const s = tr.sentence;
  const fresh = pids.filter((p) => !prev?.pids.has(p));
  if (!prev || fresh.length === 0 || ![...prev.sentences].some((x) => s > x && s - x <= reach)) return false;
  if (pids.length > 1 && (tr.polarity === 'planned') !== prev.planned) return false;
  if (pids.length > 1 && (tr.type === 'call') !== (prev.type === 'call')) return false;
  for (const p of fresh) prev.pids.add(p);
  prev.cues.add('joined');
  prev.tellings++;
  const sentence = st.mc.doc.sentences[s];
  // «اللقاء الذي جمع بوتين وبومبيو استمر حوالي ساعتين»: what the telling adds
  prev.duration ??= findDuration(st.mc.doc, st.mc.idx, sentence.first, sentence.last);
  prev.evidence.push(spanOf(st.mc.doc, sentence.first, sentence.last, 0, 'meeting:anaphora'));
  prev.sentences.add(s);
  st.lastClause = tr.clause;
  return true;
}

/**
 * "The Downing Street talks covered …": a follow-up with no one named adds its town or building (in
 * tokens [from, to)) to the encounter just told, when that is at most `gap` sentences back.
 */
function followUp(st: DraftState, s: number, from: number, to: number, gap: number): boolean {
  const group = lastTold(st.drafts);
  if (group.length === 0 || group[0].placeScore >= 3) return false;
  const told = Math.max(...group[0].sentences);
  if (s <= told || s - told > gap) return false;
  for (const p of st.placesBySentence.get(s) ?? []) {
    if (p.first < from || p.first >= to || (p.place.type !== 'city' && p.place.type !== 'facility')) continue;
    const sentence = st.mc.doc.sentences[s];
    for (const d of group) {
      d.place = st.mc.locations.idOf.get(p.place.index);
      d.placeEvidence.push({ value: d.place, source: 'follow-up', score: 3, reason: 'a follow-up naming no one' });
      d.placeScore = 3;
      d.placeSource = 'follow-up';
      d.evidence.push(spanOf(st.mc.doc, sentence.first, sentence.last, 0, 'meeting:follow-up'));
      d.sentences.add(s);
    }
    return true;
  }
  return false;
}

/** The drafts of the encounter told last (one per person met when a sentence lists several). */
function lastTold(drafts: Draft[]): Draft[] {
  const last = drafts[drafts.length - 1];
  if (!last) return [];
  const first = Math.min(...last.sentences);
  const out: Draft[] = [];
  for (let i = drafts.length - 1; i >= 0 && Math.min(...drafts[i].sentences) === first; i--) out.push(drafts[i]);
  return out;
}

function newDraft(st: DraftState, tr: Trigger, pids: string[]): Draft {
  const { mc } = st;
  const h = tr.hit;
  const s = tr.sentence;
  const sentence = mc.doc.sentences[s];
  const draft: Draft = {
    type: tr.type,
    pids: new Set(pids),
    planned: tr.polarity === 'planned',
    placeScore: 0,
    evidence: [spanOf(mc.doc, sentence.first, sentence.last, 0, `meeting:trigger:${mc.doc.text.slice(mc.tokens[h.first].start, mc.tokens[h.last - 1].end)}`)],
    sentences: new Set([s]),
    encounter: pids.length > 1 || tr.type !== 'visit' || mc.unnamedOfficials.has(s),
    tellings: 1,
    cues: triggerCues(st, tr, pids),
    placeEvidence: [],
    triggerTokens: [h.first],
  };
  for (let k = sentence.first; k < sentence.last && !draft.planned; k++) if (futureAt(mc.doc, mc.idx, k)) draft.planned = true;
  const evidence = placeEvidence(st, tr, draft);
  draft.placeEvidence = evidence.map((e) => ({ value: e.value, source: e.source === 'sentence' && e.score >= 4 ? 'sentence-locative' : e.source, score: e.score, reason: e.reason }));
  const place = bestPlace(evidence);
  if (place) {
    draft.place = place.value;
    draft.placeScore = place.score;
    draft.placeSource = place.source === 'sentence' && place.score >= 4 ? 'sentence-locative' : place.source;
  }
  setDate(st, tr, draft);
  draft.duration = findDuration(mc.doc, mc.idx, sentence.first, sentence.last);
  const speakers = pids.filter((pid) => speaksAbout(mc, h, pid));
  if (speakers.length) draft.speakers = new Set(speakers);
  return draft;
}

/** What the trigger and its clause show, for the meeting scorer. */
function triggerCues(st: DraftState, tr: Trigger, pids: string[]): Set<string> {
  const { mc } = st;
  const cues = new Set<string>();
  if (tr.entry.weak === true) cues.add('trigger-weak');
  if (anaphoric(mc, tr.hit)) cues.add('anaphoric');
  if (tr.clause.index > 0) cues.add('later-clause');
  if (tr.sentence <= 1) cues.add('lead');
  if (pids.length === 1 && mc.unnamedOfficials.has(tr.sentence)) cues.add('unnamed-official');
  if (pids.length !== tr.clause.people.length) cues.add('subject-from-context');
  if (mc.tokens[tr.hit.first].analyses[0].article || mc.tokens[tr.hit.first].script === 'latin' && mc.tokens[tr.hit.first - 1]?.norm === 'the') cues.add('noun-trigger');
  return cues;
}

/** Every piece of evidence for the draft's place, in the order the ladder weighs them. */
function placeEvidence(st: DraftState, tr: Trigger, draft: Draft): PlaceEvidence[] {
  const { mc } = st;
  const s = tr.sentence;
  const out = sentencePlaces(mc, tr.hit, st.placesBySentence.get(s) ?? []);
  // a phone call has no place unless its own sentence gives one («في اتصال هاتفي من الرياض»)
  if (tr.type === 'call') return out.filter((e) => e.score >= 4);
  if (!draft.planned) {
    for (const pid of draft.pids) {
      const at = st.spokeAt.get(pid);
      if (at && at.sentence <= s && s - at.sentence <= 4) out.push({ value: mc.locations.idOf.get(at.place.place.index), source: 'speaker', score: 2.9, threshold: 3, reason: 'where a participant spoke just before' });
    }
  }
  const near = nearestPlaceBefore(mc, mc.doc.sentences[s].first, s - 1);
  if (near) out.push({ value: mc.locations.idOf.get(near.place.index), source: 'previous-sentence', score: 2.8, threshold: 2.9, reason: 'the town the previous sentence went to' });
  if (st.dateline) out.push({ value: mc.locations.idOf.get(st.dateline.place.index), source: 'dateline', score: 2.5, threshold: 2.8, reason: 'the dateline' });
  return out;
}

function setDate(st: DraftState, tr: Trigger, draft: Draft): void {
  const { mc } = st;
  const evidence = dateEvidence(mc, st.dates, tr.hit, tr.sentence, draft.planned);
  const best = evidence[0];
  if (best) {
    draft.date = best.value;
    draft.dateSource = best.source;
  }
  // the meeting scorer learned from days and weeks: a month or a year ("last October") is not scored as a day found in the sentence
  draft.dateFeature = evidence.find((e) => dayOrWeek(e.value))?.source ?? 'none';
  if (best?.source === 'sentence' && best.value.future) draft.planned = true;
  // «وقال كيري غداة لقاء مع لافروف», "on the eve of talks": a day before or after the day the sentence speaks from
  const shift = eventOffset(mc.idx, tr.hit);
  if (shift && draft.date && draft.date.precision === 'day') {
    draft.date = { ...draft.date, value: shiftDay(draft.date.value, shift), text: '' };
    if (shift > 0) draft.planned = true;
  }
}
