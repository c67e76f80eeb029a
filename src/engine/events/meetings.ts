// Meetings: a trigger word («التقى», «محادثات», "held talks", "phone call") joined with
// the persons of its sentence, a place (في/بـ/in + place, or the dateline), a date resolved
// against the publication date, a duration and topics. One encounter told several times
// (same people, one a subset of the other) is one meeting.
import type { Location, Meeting, Resolution } from '../../schemas/extraction.js';
import type { Doc, Span } from '../doc.js';
import { spanOf } from '../doc.js';
import type { ActorResult, PersonMention } from '../entities/actors.js';
import { entryOf, type Hit, type MatchIndex } from '../entities/lexicons.js';
import type { PlaceMention } from '../entities/places.js';
import { findDates, type DateExpr } from '../dates/resolve.js';
import { firstAtOrAfter } from '../match/bisect.js';

type MeetingType = Meeting['type'];

const SPECIFICITY: Record<MeetingType, number> = { summit: 6, call: 5, talks: 4, negotiations: 4, reception: 3, meeting: 2, 'press-conference': 1, visit: 1 };
const LOCATIVE = new Set(['في', 'ب', 'in', 'at', 'داخل', 'بمدينة', 'مدينة', 'منتجع', 'بمنتجع', 'قصر', 'بقصر']);
const FUTURE_WORDS = new Set(['سوف', 'will', 'سيعقد', 'ستعقد', 'المقرر', 'يعتزم', 'تعتزم', 'المرتقب', 'المرتقبة', 'plans', 'planned', 'expected', 'scheduled', 'would']);
const MAX_PARTICIPANTS = 8;
/** English relative pronouns. */
const RELATIVE = new Set(['who', 'whom', 'whose', 'which']);
/** «الأخير», "the latter": the person named last. */
const LATTER = new Set(['الاخير', 'latter']);
/** Clauses per sentence that open an encounter of their own (more are folded into the last). */
const MAX_CLAUSES = 8;
/** Words before a later trigger that open another encounter in the sentence. */
const NEXT_ENCOUNTER = new Set(['كما', 'ثم']);

/**
 * The subject of the first trigger in tokens [from, to): in Arabic the person right after the verb
 * («ناقش الوزير X …»), in English the last person before it ("Kerry met …").
 */
function clauseSubject(doc: Doc, actors: ActorResult, persons: Set<string>, absent: Set<PersonMention>, triggers: readonly Hit[], from: number, to: number): string | undefined {
  const t = triggers[firstAtOrAfter(triggers, from)];
  if (!t || t.first >= to) return undefined;
  const mentions = actors.mentions;
  if (doc.tokens[t.first].script === 'ar') {
    const i = firstAtOrAfter(mentions, t.last);
    const m = mentions[i];
    return m && m.first - t.last <= 3 && m.first < to && persons.has(m.pid) && !absent.has(m) ? m.pid : undefined;
  }
  return lastPersonBefore(actors, persons, absent, from, t.first);
}

/** Per sentence, the tokens where a later encounter starts («كما» / «ثم» before a trigger that is not the sentence's first). */
function clauseSplits(doc: Doc, idx: MatchIndex, named: (from: number, to: number) => boolean): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const firstOf = new Map<number, number>(); // sentence -> its first trigger's end
  const tokens = doc.tokens;
  for (const h of idx.all('lex:meeting-triggers')) {
    const s = tokens[h.first].sentence;
    if (!firstOf.has(s)) {
      firstOf.set(s, h.last);
      continue;
    }
    const cut = out.get(s);
    const sentence = doc.sentences[s];
    const from = cut ? cut[cut.length - 1] + 1 : firstOf.get(s)!;
    let at = -1;
    const before = tokens[h.first - 1];
    if (before && before.sentence === s && NEXT_ENCOUNTER.has(before.norm)) at = h.first - 1;
    else if (tokens[h.first].script === 'latin') {
      // "meetings with Abe, who was paving the way for the visit of Nakasone": a relative clause that tells
      // an encounter of its own (the nearest "who"/"which" since the last cut, at most 16 tokens back)
      for (let k = h.first - 1; k >= from && k >= h.first - 16; k--) if (RELATIVE.has(tokens[k].norm)) { at = k; break; }
    }
    if (at < 0) continue;
    // only between clauses that each name someone
    const start = cut ? cut[cut.length - 1] : sentence.first;
    if (!named(start, at) || !named(at, sentence.last)) continue;
    if (!cut) out.set(s, [at]);
    else if (cut.length < MAX_CLAUSES - 1) cut.push(at);
  }
  return out;
}

/** How many of a person's latest encounters a new telling is compared with. */
const RECENT_ENCOUNTERS = 16;
/** How far from a town's centre a building still counts as in that town. */
const CITY_RADIUS_KM = 30;

interface Draft {
  type: MeetingType;
  pids: Set<string>;
  planned: boolean;
  place?: string;
  placeScore: number;
  date?: DateExpr;
  duration?: { minutes: number; text: string };
  topics: string[];
  evidence: Span[];
  sentences: Set<number>;
  confidence: number;
  /** People named only as the ones reporting the encounter («أوضح الجبير أن لقاء …»). */
  speakers?: Set<string>;
  /** Someone was met (not only a place visited): a lone person's draft without it is a trip, kept only to lend its place. */
  encounter: boolean;
}

export interface LocationIds {
  items: Location[];
  idOf: Map<number, string>;
}

export function findMeetings(doc: Doc, actors: ActorResult, places: PlaceMention[], locations: LocationIds, resolutions: Resolution[]): Meeting[] {
  const idx = actors.index;
  const tokens = doc.tokens;
  if (tokens.length === 0) return [];
  const persons = new Set(actors.participants.filter((p) => p.type === 'person').map((p) => p.id));
  // «التقى X Y، كما التقى Z»: a later trigger after «كما» / «ثم» opens another encounter in the same sentence;
  // people are grouped by clause (a sentence, cut at those words)
  const absent = absentMentions(doc, actors);
  const splits = clauseSplits(doc, idx, (from, to) => firstPersonAfter(actors, persons, absent, from, to) < to);
  const clauseOf = (tok: number) => {
    const s = tokens[tok].sentence;
    const cut = splits.get(s);
    let ci = 0;
    if (cut) for (const k of cut) if (k <= tok) ci++;
    return s * MAX_CLAUSES + Math.min(ci, MAX_CLAUSES - 1);
  };
  const bySentence = new Map<number, string[]>(); // by clause
  for (const m of actors.mentions) {
    if (!persons.has(m.pid) || absent.has(m)) continue;
    const key = clauseOf(m.first);
    let l = bySentence.get(key);
    if (!l) bySentence.set(key, (l = []));
    if (!l.includes(m.pid)) l.push(m.pid);
  }
  const placesBySentence = groupBySentence(places.map((p) => [tokens[p.first].sentence, p]));
  const dateline = datelinePlace(doc, places);
  const spokeAt = speakingPlaces(doc, actors, places, persons);
  let allDates = findDates(doc, idx, 0, tokens.length);
  // "September 8 2013 U.S. leaves door open …": a date opening the text is the story's own date
  const opening = allDates[0];
  if (opening && opening.explicit && opening.first <= 2 && !opening.future && opening.value !== doc.date) {
    allDates = findDates({ ...doc, date: opening.value, dateGiven: true }, idx, 0, tokens.length);
  }
  // a date still to come (an election "on 9 January") does not date an encounter told later
  const pastDates = allDates.filter((d) => !d.future);
  const datesBySentence = groupBySentence(allDates.map((d) => [tokens[d.first].sentence, d]));

  const drafts: Draft[] = [];
  let lastSentence = -1;
  const triggers = idx.all('lex:meeting-triggers');
  // sentences where some trigger refers back ("the meeting", «اللقاء الذي حضره …»)
  const anaphoricSentences = new Set<number>();
  for (const h of triggers) if (anaphoric(doc, h)) anaphoricSentences.add(tokens[h.first].sentence);
  // "The Downing Street talks covered …": a follow-up with no one named adds its town or building to the
  // encounter just told (the one sentence before, or up to five when the trigger refers back: "The meetings …")
  const followUp = (s: number, from: number, to: number, gap: number): boolean => {
    const group = lastTold(drafts);
    if (group.length === 0 || group[0].placeScore >= 3) return false;
    const told = Math.max(...group[0].sentences);
    if (s <= told || s - told > gap) return false;
    for (const p of placesBySentence.get(s) ?? []) {
      if (p.first < from || p.first >= to || (p.place.type !== 'city' && p.place.type !== 'facility')) continue;
      const sentence = doc.sentences[s];
      for (const d of group) {
        d.place = locations.idOf.get(p.place.index);
        d.placeScore = 3;
        d.evidence.push(spanOf(doc, sentence.first, sentence.last, 0, 'meeting:follow-up'));
        d.sentences.add(s);
      }
      return true;
    }
    return false;
  };
  for (let ti = 0; ti < triggers.length; ti++) {
    const h = triggers[ti];
    const s = tokens[h.first].sentence;
    // "called for action", "called on the UN": not a phone call
    if (typeOf(h) === 'call' && /^(for|on|upon|it)$/.test(tokens[h.last]?.norm ?? '') && tokens[h.first].norm.startsWith('call')) continue;
    // "received a précis", "welcomed the decision": not a reception
    if (entryOf(h)?.personObject === true && !personObjectAfter(doc, actors, persons, absent, h)) continue;
    const clause = clauseOf(h.first);
    if (clause === lastSentence) {
      // one draft per sentence; a later trigger may refine the type
      const d = drafts[drafts.length - 1];
      if (d && d.sentences.has(s)) {
        const t = typeOf(h);
        if (SPECIFICITY[t] > SPECIFICITY[d.type]) d.type = t;
        if (t !== 'visit') d.encounter = true;
        if (entryOf(h)?.future === true) d.planned = true;
      }
      continue;
    }
    let pids = bySentence.get(clause) ?? [];
    const sentence0 = doc.sentences[s];
    // «…، كما التقى رئيس الوزراء»: the subject left unsaid is the one who opened the sentence
    // (not when the trigger is a noun with its own subject: "the visit of Prime Minister Nakasone")
    if (clause % MAX_CLAUSES > 0 && pids.length === 1 && tokens[h.last]?.norm !== 'of') {
      const cut = splits.get(s)!;
      const ci = clause % MAX_CLAUSES;
      const from = cut[ci - 1];
      // (a relative clause's subject is the person it follows: "… President Alan Garcia, who spoke by telephone with …")
      const opener = RELATIVE.has(tokens[from].norm)
        ? lastPersonBefore(actors, persons, absent, ci === 1 ? sentence0.first : cut[ci - 2], from)
        : clauseSubject(doc, actors, persons, absent, triggers, ci === 1 ? sentence0.first : cut[ci - 2], from);
      if (opener && !pids.includes(opener) && firstPersonAfter(actors, persons, absent, from, h.first) >= h.first) pids = [opener, ...pids];
    }
    const subject = pronounSubject(doc, actors, persons, absent, h, s, pids);
    if (subject) pids = [subject, ...pids];
    if (pids.length === 0) {
      followUp(s, sentence0.first, sentence0.last, anaphoric(doc, h) ? 5 : 1);
      continue;
    }
    // "The meetings, which end today with talks on Capitol Hill, … lay groundwork for a summit … between
    // Reagan and Mulroney": the clause up to the next trigger names no one and refers back
    if (tokens[h.first].script === 'latin' && anaphoric(doc, h)) {
      const named = firstPersonAfter(actors, persons, absent, h.last, sentence0.last);
      let owner = -1; // the last trigger before the first person named: the one those people belong to
      for (let k = ti + 1; k < triggers.length && triggers[k].first < named; k++) if (triggers[k].first >= h.last) owner = k;
      if (owner >= 0 && followUp(s, h.last, triggers[owner].first, 5)) continue;
    }
    // «وحضر اللقاء X», "Delors said at the same meeting": one person joining the encounter just told
    if (pids.length === 1 && anaphoricSentences.has(s)) {
      const prev = drafts[drafts.length - 1];
      if (prev && [...prev.sentences].some((x) => s > x && s - x <= 3) && !prev.pids.has(pids[0])) {
        prev.pids.add(pids[0]);
        const sentence = doc.sentences[s];
        prev.evidence.push(spanOf(doc, sentence.first, sentence.last, 0, 'meeting:anaphora'));
        prev.sentences.add(s);
        lastSentence = clause;
        continue;
      }
    }
    // one named person meeting an unnamed official («التقى الجبير نظيره الإيطالي»), or visiting a place
    const single =
      pids.length === 1 &&
      !speaksAbout(doc, actors, h, pids[0]) &&
      ((!entryOf(h)?.weak && actors.unnamedOfficials.has(s)) || (typeOf(h) === 'visit' && visitPlace(doc, h, placesBySentence.get(s) ?? [])));
    if ((pids.length < 2 && !single) || pids.length > MAX_PARTICIPANTS) continue;
    lastSentence = clause;
    const sentence = doc.sentences[s];
    const e = entryOf(h)!;
    const draft: Draft = {
      type: typeOf(h),
      pids: new Set(pids),
      planned: e.future === true,
      placeScore: 0,
      topics: [],
      evidence: [spanOf(doc, sentence.first, sentence.last, 0, `meeting:trigger:${doc.text.slice(tokens[h.first].start, tokens[h.last - 1].end)}`)],
      sentences: new Set([s]),
      confidence: 0.7,
      encounter: pids.length > 1 || typeOf(h) !== 'visit' || actors.unnamedOfficials.has(s),
    };
    for (let k = sentence.first; k < sentence.last; k++) if (FUTURE_WORDS.has(tokens[k].norm)) draft.planned = true;
    // place: a locative place in the sentence, towns before countries, nearest the trigger
    for (const p of placesBySentence.get(s) ?? []) {
      const prev = tokens[p.first - 1];
      const loc = (p.span.start > tokens[p.first].start) || (prev && LOCATIVE.has(prev.norm));
      let score = loc ? 4 : 1;
      if (p.place.type === 'city' || p.place.type === 'facility') score += 3;
      else if (p.place.type === 'country' || p.place.type === 'territory') score += loc ? 0 : -1;
      score -= Math.min(2, Math.abs(p.first - h.first) / 20);
      if (score > draft.placeScore) {
        draft.placeScore = score;
        draft.place = locations.idOf.get(p.place.index);
      }
    }
    // no place in the sentence: where one of them spoke just before ("Hague told reporters in Paris"),
    if (draft.placeScore < 3 && !draft.planned) {
      for (const pid of draft.pids) {
        const at = spokeAt.get(pid);
        if (at && at.sentence <= s && s - at.sentence <= 4) {
          draft.place = locations.idOf.get(at.place.place.index);
          draft.placeScore = 2.9;
        }
      }
    }
    // or a town or building the previous sentence went to ("a mission to Washington")
    if (draft.placeScore < 2.9) {
      const near = nearestPlaceBefore(doc, places, sentence.first, s - 1);
      if (near) {
        draft.place = locations.idOf.get(near.place.index);
        draft.placeScore = 2.8;
      }
    }
    if (draft.placeScore < 2.8 && dateline) {
      draft.place = locations.idOf.get(dateline.place.index);
      draft.placeScore = 2.5;
    }
    // date: in the sentence, else the nearest one before it, else the first of the article
    const inSentence = datesBySentence.get(s)?.[0];
    // (an encounter told as held takes no date still to come from elsewhere)
    const candidates = draft.planned ? allDates : pastDates;
    const date = inSentence ?? nearestBefore(candidates, h.first) ?? candidates[0];
    if (date) draft.date = date;
    else if (doc.dateGiven) draft.date = { value: doc.date, precision: 'day', text: '', first: h.first, last: h.first, future: false, explicit: false };
    if (date?.future && date === inSentence) draft.planned = true;
    // «وقال كيري غداة لقاء مع لافروف», "on the eve of talks": a day before or after the day the sentence speaks from
    const shift = eventOffset(idx, h);
    if (shift && draft.date && draft.date.precision === 'day') {
      draft.date = { ...draft.date, value: shiftDay(draft.date.value, shift), text: '' };
      if (shift > 0) draft.planned = true;
    }
    draft.duration = findDuration(doc, idx, sentence.first, sentence.last);
    const speakers = pids.filter((pid) => speaksAbout(doc, actors, h, pid));
    if (speakers.length) draft.speakers = new Set(speakers);
    // "Blair held talks with Sharon and Abbas", "meetings with Bush, Shultz and Baldrige, Clark said":
    // one encounter per person met
    const pairs = bilateral(doc, actors, h, s, persons, absent);
    if (pairs) {
      for (const [subject, other] of pairs) drafts.push({ ...draft, pids: new Set([subject, other]), evidence: [...draft.evidence], sentences: new Set(draft.sentences), topics: [] });
      continue;
    }
    drafts.push(draft);
  }

  // one encounter told several times is one meeting
  const merged: Draft[] = [];
  // the encounters each person took part in (indices into merged): a telling is compared only with
  // the latest few encounters of its own people, so merging stays linear in long texts
  const byPid = new Map<string, number[]>();
  const remember = (i: number, pid: string) => {
    let list = byPid.get(pid);
    if (!list) byPid.set(pid, (list = []));
    if (list[list.length - 1] !== i) list.push(i);
  };
  const sharing = (pids: Set<string>): number[] => {
    const found = new Set<number>();
    for (const p of pids) {
      const list = byPid.get(p);
      if (list) for (let j = Math.max(0, list.length - RECENT_ENCOUNTERS); j < list.length; j++) found.add(list[j]);
    }
    return [...found].sort((a, b) => a - b);
  };
  // encounters with two or more named people first; a lone person's encounter joins one of theirs
  const ordered = [...drafts.filter((d) => d.pids.size > 1), ...drafts.filter((d) => d.pids.size === 1)];
  ordered.sort((a, b) => (a.pids.size > 1 ? 0 : 1) - (b.pids.size > 1 ? 0 : 1) || Math.min(...a.sentences) - Math.min(...b.sentences));
  for (const d of ordered) {
    // the reporter of an encounter told before is not one more participant
    if (d.speakers && d.pids.size - d.speakers.size >= 2) {
      const rest = new Set([...d.pids].filter((p) => !d.speakers!.has(p)));
      if (sharing(rest).some((i) => subset(rest, merged[i].pids))) d.pids = rest;
    }
    const at =
      d.pids.size === 1
        ? // a lone person's trip to a place of its own joins only an encounter told close by
          // ("Before visiting Israel, Mr Blair made a surprise visit to Iraq" is not the Sharon talks)
          sharing(d.pids).find((i) => overlap(merged[i].pids, d.pids) === 1 && compatible(merged[i], d) && (d.placeScore < 4 || distance(merged[i].sentences, d.sentences) <= 3))
        : sharing(d.pids).find((i) => overlap(merged[i].pids, d.pids) >= 2 && (subset(merged[i].pids, d.pids) || subset(d.pids, merged[i].pids)) && compatible(merged[i], d));
    const same = at === undefined ? undefined : merged[at];
    if (!same || at === undefined) {
      // a trip on which no one is met ("visited the tomb of …") is not a meeting
      if (d.encounter) {
        merged.push(d);
        for (const p of d.pids) remember(merged.length - 1, p);
      }
      continue;
    }
    for (const p of d.pids) remember(at, p);
    for (const p of d.pids) same.pids.add(p);
    if (SPECIFICITY[d.type] > SPECIFICITY[same.type]) same.type = d.type;
    if (d.placeScore > same.placeScore) {
      same.place = d.place;
      same.placeScore = d.placeScore;
    }
    if (!same.date || (same.date.text === '' && d.date && d.date.text !== '')) same.date = d.date;
    same.duration ??= d.duration;
    same.evidence.push(...d.evidence);
    for (const s of d.sentences) same.sentences.add(s);
    same.confidence = Math.min(0.95, same.confidence + 0.1);
  }

  // topics: countries and resolutions named in the meeting's sentences
  const resBySentence = groupBySentence(
    resolutions.flatMap((r) =>
      r.mentions.map((m) => tokenAt(doc, m.start)).filter((tok) => tok >= 0).map((tok): [number, string] => [tokens[tok].sentence, r.symbol ?? `${r.body} ${r.number}`]),
    ),
  );
  const locById = new Map(locations.items.map((l) => [l.id, l]));
  merged.sort((a, b) => Math.min(...a.sentences) - Math.min(...b.sentences));
  const countryOf = new Map(actors.participants.map((p) => [p.id, p.country]));
  return merged.map((d, i) => {
    const topics: string[] = [];
    // the participants' own countries are who they are, not what they discussed
    const own = new Set([...d.pids].map((id) => countryOf.get(id)).filter((x): x is string => !!x));
    for (const s of d.sentences) {
      for (const p of placesBySentence.get(s) ?? []) {
        const id = locations.idOf.get(p.place.index);
        if (!id || id === d.place) continue;
        const l = locById.get(id)!;
        if (l.type === 'country' && l.countryCode && own.has(l.countryCode)) continue;
        if ((l.type === 'country' || l.type === 'territory' || l.type === 'region') && !topics.includes(l.name)) topics.push(l.name);
      }
      for (const r of resBySentence.get(s) ?? []) if (!topics.includes(r)) topics.push(r);
    }
    const m: Meeting = {
      id: `m${i + 1}`,
      type: d.type,
      // (an encounter dated after the story was published has not happened yet)
      status: d.planned || (doc.dateGiven && d.date !== undefined && d.date.value > doc.date) ? 'planned' : 'held',
      participantIds: [...d.pids],
      locationIds: d.place ? withCity(d.place, locations.items, locById) : [],
      topics,
      evidence: d.evidence,
      confidence: Math.round(d.confidence * 100) / 100,
    };
    if (d.date) m.date = { value: d.date.value, ...(d.date.text ? { text: d.date.text } : {}), precision: d.date.precision === 'month' ? 'month' : d.date.precision };
    if (d.duration) m.duration = d.duration;
    return m;
  });
}

/** "the tomb of Yasser Arafat", «ضريح الرئيس الراحل»: mentions of people visited, mourned or honoured, not met. */
function absentMentions(doc: Doc, actors: ActorResult): Set<PersonMention> {
  const out = new Set<PersonMention>();
  const hits = actors.index.all('lex:absent-markers');
  // where each marker ends; «ممثل الرئيس الروسي», "a letter from the president": a sender is absent only when
  // named by his title (the named «المبعوث الأممي إسماعيل ولد الشيخ» is the envoy himself)
  const ends = new Map<number, boolean>();
  for (const h of hits) ends.set(h.last, (ends.get(h.last) ?? true) && entryOf(h)?.sentBy === true);
  const tokens = doc.tokens;
  // words that may stand between the marker and the name: titles and honorifics ("the late President")
  const titled = new Set<number>();
  if (hits.length) for (const key of ['lex:titles', 'lex:honorifics']) for (const h of actors.index.all(key)) for (let k = h.first; k < h.last; k++) titled.add(k);
  const marks = (k: number, m: PersonMention) => ends.has(k) && !(ends.get(k) && m.via === 'name');
  // "talks with European ministers who blamed the attack on Assad": in English, people named in a
  // relative clause after the encounter's trigger are not its participants
  // (not "The meetings, which end today with talks …": a clause about the trigger itself, or one that tells
  // an encounter of its own, "… Garcia, who recently spoke by telephone with de la Madrid")
  const relativeFrom = new Map<number, number>(); // sentence -> first token of such a clause
  const firstTrigger = new Map<number, Hit>();
  const lastTrigger = new Map<number, number>();
  for (const h of actors.index.all('lex:meeting-triggers')) {
    const s = tokens[h.first].sentence;
    if (!firstTrigger.has(s)) firstTrigger.set(s, h);
    lastTrigger.set(s, h.first);
  }
  for (const [s, h] of firstTrigger) {
    if (tokens[h.first].script !== 'latin') continue;
    const end = doc.sentences[s].last;
    let rel = -1;
    for (let k = h.last + 2; k < end; k++) if (RELATIVE.has(tokens[k].norm)) { rel = k; break; }
    if (rel >= 0 && lastTrigger.get(s)! < rel) relativeFrom.set(s, rel);
  }
  for (const m of actors.mentions) {
    const from = relativeFrom.get(m.sentence);
    if (from !== undefined && m.first > from) out.add(m);
  }
  if (hits.length) for (const m of actors.mentions) {
    // the marker right before the mention or inside it («الرئيس الراحل ياسر عرفات»)
    let k = m.first;
    while (k > 0 && !ends.has(k) && (titled.has(k - 1) || tokens[k - 1].norm === 'the') && m.first - k < 5) k--;
    if (marks(k, m)) {
      out.add(m);
      continue;
    }
    for (let i = m.first + 1; i < m.last; i++) if (marks(i, m)) out.add(m);
  }
  return out;
}

/** «غداة» (−1), «عشية» (+1), "the day after", "on the eve of" right before a trigger. */
function eventOffset(idx: MatchIndex, h: Hit): number {
  for (let k = Math.max(0, h.first - 4); k < h.first; k++) {
    const d = idx.at('lex:dates', k);
    const off = entryOf(d)?.eventOffset;
    if (d && d.last === h.first && typeof off === 'number') return off;
  }
  return 0;
}

function shiftDay(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
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

/**
 * "…, he added, heading into a working dinner with his French counterpart Laurent Fabius": in English,
 * "he"/"she" before the trigger, with the one person named in the sentence after it, is the last
 * person quoted in the four sentences before.
 */
function pronounSubject(doc: Doc, actors: ActorResult, persons: Set<string>, absent: Set<PersonMention>, h: Hit, s: number, pids: string[]): string | undefined {
  const tokens = doc.tokens;
  if (pids.length !== 1) return undefined;
  // «التقى الأخير مع نظيره العماني يوسف بن علوي», "the latter met …": the person named last before
  if (LATTER.has(tokens[h.last]?.norm ?? '') || LATTER.has(tokens[h.first - 1]?.norm ?? '')) {
    for (let j = firstAtOrAfter(actors.mentions, h.first) - 1; j >= 0; j--) {
      const m = actors.mentions[j];
      if (s - m.sentence > 1) break;
      if (persons.has(m.pid) && !absent.has(m) && m.pid !== pids[0]) return m.pid;
    }
    return undefined;
  }
  if (tokens[h.first].script !== 'latin') return undefined;
  const sentence = doc.sentences[s];
  let pronoun = false;
  for (let k = sentence.first; k < h.first; k++) if (tokens[k].norm === 'he' || tokens[k].norm === 'she') pronoun = true;
  if (!pronoun || firstPersonAfter(actors, persons, absent, sentence.first, h.first) < h.first) return undefined;
  // the one named is met: right after the trigger, and not the one speaking ("…, Miyazawa said")
  const object = firstPersonAfter(actors, persons, absent, h.last, sentence.last);
  if (object - h.last > 8) return undefined;
  const m0 = actors.mentions[firstAtOrAfter(actors.mentions, object)];
  if (m0 && (actors.index.has('lex:speech-verbs', m0.last) || speechEndsAt(actors, m0.first - 1))) return undefined;
  for (let j = firstAtOrAfter(actors.mentions, sentence.first) - 1; j >= 0; j--) {
    const m = actors.mentions[j];
    if (s - m.sentence > 4) break;
    if (!persons.has(m.pid) || absent.has(m) || m.pid === pids[0]) continue;
    // the one who spoke last ("…, Hague said"), not whoever was named last (a photo credit)
    const after = tokens[m.last]?.norm === ',' ? m.last + 1 : m.last;
    const before = m.first > 0 && tokens[m.first - 1].norm === ',' ? m.first - 2 : m.first - 1;
    if (actors.index.has('lex:speech-verbs', after) || (before >= 0 && speechEndsAt(actors, before))) return m.pid;
  }
  return undefined;
}

/** Where people spoke: "Hague told reporters in Paris", «وقال الجبير في مؤتمر صحفي بالرياض» (the latest per person). */
function speakingPlaces(doc: Doc, actors: ActorResult, places: PlaceMention[], persons: Set<string>): Map<string, { place: PlaceMention; sentence: number }> {
  const out = new Map<string, { place: PlaceMention; sentence: number }>();
  const tokens = doc.tokens;
  for (const m of actors.mentions) {
    if (!persons.has(m.pid)) continue;
    // the reporting verb right after the name, or right before it («وقال الجبير»)
    let verbEnd = -1;
    const after = actors.index.at('lex:speech-verbs', m.last);
    if (after) verbEnd = after.last;
    else if (m.first > 0 && speechEndsAt(actors, m.first - 1)) verbEnd = m.last;
    if (verbEnd < 0) continue;
    for (let i = firstAtOrAfter(places, verbEnd); i < places.length && places[i].first - verbEnd <= 6; i++) {
      const p = places[i];
      if (tokens[p.first].sentence !== m.sentence || (p.place.type !== 'city' && p.place.type !== 'facility')) continue;
      const prev = tokens[p.first - 1];
      if (p.span.start > tokens[p.first].start || (prev && LOCATIVE.has(prev.norm))) {
        out.set(m.pid, { place: p, sentence: m.sentence });
        break;
      }
    }
  }
  return out;
}

/** "received Saudi Foreign Minister Adel al-Jubeir", "welcomed his French counterpart": a person is the object. */
function personObjectAfter(doc: Doc, actors: ActorResult, persons: Set<string>, absent: Set<PersonMention>, h: Hit): boolean {
  const tokens = doc.tokens;
  const object = firstPersonAfter(actors, persons, absent, h.last, doc.sentences[tokens[h.first].sentence].last);
  if (object - h.last > 5) return false;
  // only determiners and capitalised words (titles, demonyms) between: not "received a letter from Rice"
  for (let k = h.last; k < object; k++) if (!tokens[k].cap && !/^(the|his|her|their|its)$/.test(tokens[k].norm)) return false;
  return true;
}

/** Whether a reporting verb ends at token k ("said" in "said Hague"). */
function speechEndsAt(actors: ActorResult, k: number): boolean {
  for (let i = k; i >= Math.max(0, k - 2); i--) {
    const h = actors.index.at('lex:speech-verbs', i);
    if (h && h.last === k + 1) return true;
  }
  return false;
}

/** The last person (not one only mourned or discussed) named in tokens [from, to). */
function lastPersonBefore(actors: ActorResult, persons: Set<string>, absent: Set<PersonMention>, from: number, to: number): string | undefined {
  for (let i = firstAtOrAfter(actors.mentions, to) - 1; i >= 0 && actors.mentions[i].first >= from; i--) {
    const m = actors.mentions[i];
    if (persons.has(m.pid) && !absent.has(m)) return m.pid;
  }
  return undefined;
}

/** The first token of a person (not one only mourned or honoured) named in tokens [from, to), or `to`. */
function firstPersonAfter(actors: ActorResult, persons: Set<string>, absent: Set<PersonMention>, from: number, to: number): number {
  for (let i = firstAtOrAfter(actors.mentions, from); i < actors.mentions.length && actors.mentions[i].first < to; i++) {
    const m = actors.mentions[i];
    if (persons.has(m.pid) && !absent.has(m)) return m.first;
  }
  return to;
}

/** "the meeting", "the same talks", «اللقاء», «الاجتماع»: a trigger that refers back to an encounter already told. */
function anaphoric(doc: Doc, h: Hit): boolean {
  const t = doc.tokens[h.first];
  if (t.script === 'ar') return h.prefix === 0 && t.analyses[0].article && t.norm.length > 4;
  const prev = doc.tokens[h.first - 1];
  const prev2 = doc.tokens[h.first - 2];
  return !!prev && (prev.norm === 'the' || prev.norm === 'that' || prev.norm === 'same' || prev.norm === 'this') && (prev.norm !== 'same' || prev2?.norm === 'the');
}

/** English "X met with A, B and C": the people after "with" each met the others of the sentence. */
function bilateral(doc: Doc, actors: ActorResult, h: Hit, s: number, persons: Set<string>, absent: Set<PersonMention>): Array<[string, string]> | undefined {
  const tokens = doc.tokens;
  if (tokens[h.first].script !== 'latin') return undefined;
  let withAt = -1;
  for (let k = h.last; k < Math.min(tokens.length, h.last + 3); k++) if (tokens[k].norm === 'with') withAt = k;
  if (withAt < 0) return undefined;
  const sentence = doc.sentences[s];
  let end = sentence.last;
  for (let k = withAt + 1; k < sentence.last; k++) if (actors.index.has('lex:speech-verbs', k) || tokens[k].norm === ';') { end = k; break; }
  const objects: string[] = [];
  const subjects: string[] = [];
  // mentions are sorted by position: visit only this sentence's
  const lo = firstAtOrAfter(actors.mentions, sentence.first);
  for (let i = lo; i < actors.mentions.length && actors.mentions[i].first < sentence.last; i++) {
    const m = actors.mentions[i];
    if (m.sentence !== s || !persons.has(m.pid) || absent.has(m)) continue;
    // "…, Clark told reporters": the name right before the reporting verb is its subject, not one of those met
    if (m.first > withAt && m.first < end && !(end < sentence.last && m.last === end)) {
      if (!objects.includes(m.pid)) objects.push(m.pid);
    } else if (!subjects.includes(m.pid)) subjects.push(m.pid);
  }
  const subject = subjects.filter((x) => !objects.includes(x));
  if (objects.length < 2 || subject.length !== 1) return undefined;
  return objects.map((o) => [subject[0], o] as [string, string]);
}

/** "Matsuda said he was optimistic about the results of talks": the one person named only comments on them. */
function speaksAbout(doc: Doc, actors: ActorResult, h: Hit, pid: string): boolean {
  const s = doc.tokens[h.first].sentence;
  const first = doc.sentences[s].first;
  for (let i = firstAtOrAfter(actors.mentions, first); i < actors.mentions.length && actors.mentions[i].first < h.first; i++) {
    const m = actors.mentions[i];
    if (m.pid !== pid) continue;
    for (let k = m.last; k < h.first; k++) if (actors.index.has('lex:speech-verbs', k)) return true;
    return false;
  }
  return false;
}

/** «زيارة … لموسكو», "visited Lithuania": a place the visit goes to, after the trigger. */
function visitPlace(doc: Doc, h: Hit, places: PlaceMention[]): boolean {
  for (const p of places) {
    if (p.first < h.last || p.first - h.last > 25) continue;
    const prev = doc.tokens[p.first - 1];
    const glued = p.span.start > doc.tokens[p.first].start; // «لموسكو», «بموسكو»
    if (glued || (prev && /^(الي|في|to|in)$/.test(prev.norm)) || p.first === h.last) return true;
  }
  return false;
}

/** Items keyed by the sentence they sit in, in their original order. */
function groupBySentence<T>(pairs: Array<[number, T]>): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const [s, item] of pairs) {
    const list = out.get(s);
    if (list) list.push(item);
    else out.set(s, [item]);
  }
  return out;
}

function typeOf(h: Hit): MeetingType {
  const t = entryOf(h)?.type;
  return (typeof t === 'string' && t in SPECIFICITY ? t : 'meeting') as MeetingType;
}

/** A building (Capitol Hill, Downing Street) and the town it stands in, when the article names that town too. */
function withCity(id: string, items: Location[], byId: Map<string, Location>): string[] {
  const place = byId.get(id);
  const at = place?.coordinates;
  if (!place || place.type !== 'facility' || !at) return [id];
  let best: Location | undefined;
  let bestKm = CITY_RADIUS_KM;
  for (const l of items) {
    if (l.type !== 'city' || !l.coordinates || l.countryCode !== place.countryCode) continue;
    const km = kilometres(at, l.coordinates);
    if (km < bestKm) {
      best = l;
      bestKm = km;
    }
  }
  return best ? [id, best.id] : [id];
}

/** Great-circle distance (haversine). */
function kilometres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Two tellings can be one encounter: both held or both planned, and a phone call is never a meeting in person. */
function compatible(a: Draft, b: Draft): boolean {
  return a.planned === b.planned && (a.type === 'call') === (b.type === 'call');
}

/** Sentences between the closest sentences of two encounters. */
function distance(a: Set<number>, b: Set<number>): number {
  let best = Infinity;
  for (const x of a) for (const y of b) best = Math.min(best, Math.abs(x - y));
  return best;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
function subset(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** The last date expression starting before token `tok` (dates sorted by position). */
function nearestBefore(dates: DateExpr[], tok: number): DateExpr | undefined {
  return dates[firstAtOrAfter(dates, tok) - 1];
}

/** The last town or building named after a locative or "to" before token `before`, from sentence `minSentence` on. */
function nearestPlaceBefore(doc: Doc, places: PlaceMention[], before: number, minSentence: number): PlaceMention | undefined {
  const lo = firstAtOrAfter(places, before);
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
    const p = places[i];
    if (doc.tokens[p.first].sentence < minSentence) break;
    if (p.place.type !== 'city' && p.place.type !== 'facility') continue;
    const prev = doc.tokens[p.first - 1];
    if (prev && (LOCATIVE.has(prev.norm) || prev.norm === 'to' || prev.norm === 'الي')) return p;
  }
  return undefined;
}

/** «الرياض - واس», "MOSCOW (Reuters) -": a place opening the article. */
function datelinePlace(doc: Doc, places: PlaceMention[]): PlaceMention | undefined {
  const p = places[0];
  if (!p || p.first > 3) return undefined;
  const next = doc.tokens[p.last];
  if (next && (next.norm === '-' || next.norm === '(' || next.norm === ',' || next.norm === ':')) return p;
  return undefined;
}

function tokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = doc.tokens[mid];
    if (t.end <= offset) lo = mid + 1;
    else if (t.start > offset) hi = mid - 1;
    else return mid;
  }
  return lo < doc.tokens.length ? lo : -1;
}

/** «حوالي ساعتين», «ثلاث ساعات», «45 دقيقة», "for two hours", "90-minute". */
function findDuration(doc: Doc, idx: MatchIndex, from: number, to: number): { minutes: number; text: string } | undefined {
  const tokens = doc.tokens;
  for (let k = from; k < to; k++) {
    const h = idx.at('lex:durations', k);
    const e = entryOf(h);
    let minutes: number | undefined;
    let first = k;
    let last = k + 1;
    if (h && e && typeof e.number === 'number') {
      const u = entryOf(idx.at('lex:durations', h.last));
      if (u && typeof u.unit === 'number') {
        minutes = e.number * u.unit;
        last = idx.at('lex:durations', h.last)!.last;
      }
    } else if (tokens[k].kind === 'number' && tokens[k].norm.length <= 3) {
      let after = k + 1;
      if (tokens[after]?.norm === '-') after++;
      const u = entryOf(idx.at('lex:durations', after));
      if (u && typeof u.unit === 'number') {
        minutes = Number(tokens[k].norm) * u.unit;
        last = idx.at('lex:durations', after)!.last;
      }
    } else if (h && e && typeof e.minutes === 'number' && h.prefix === 0) {
      minutes = e.minutes;
      last = h.last;
      // «ساعة» alone is often "the hour" of something: keep it only after a duration word
      if (typeof e.unit === 'number' && !(k > 0 && entryOf(idx.at('lex:durations', k - 1))?.approx === true)) minutes = undefined;
    }
    if (minutes === undefined || minutes <= 0 || minutes > 24 * 60 * 3) continue;
    // «حوالي», "about" before
    for (let b = k - 1; b >= from && b >= k - 3; b--) {
      const a = entryOf(idx.at('lex:durations', b));
      if (a && a.approx === true && idx.at('lex:durations', b)!.last === first) first = b;
      else break;
    }
    return { minutes, text: doc.text.slice(tokens[first].start, tokens[last - 1].end) };
  }
  return undefined;
}
