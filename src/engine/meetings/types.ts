// The meeting layer: clauses, triggers with their polarity, the arguments of each encounter,
// place and date evidence, drafts (one per telling) and the merged encounters.
import type { Meeting } from '../../schemas/extraction.js';
import type { Span } from '../doc.js';
import type { Hit } from '../entities/lexicons.js';
import type { LexiconEntry } from '../../kb/schema.js';
import type { DateExpr } from '../dates/resolve.js';
import type { PersonMention } from '../persons/types.js';
import type { PlaceMention } from '../entities/places.js';

export type MeetingType = Meeting['type'];

/** What a trigger says of its encounter. */
export type Polarity = 'held' | 'planned' | 'proposed' | 'denied' | 'hypothetical';

/** A clause: a sentence, or a part of one cut where another encounter starts («كما التقى …», "…, who met …"). */
export interface Clause {
  sentence: number;
  /** Position in its sentence (0 = the first clause). */
  index: number;
  /** Token range [first, last). */
  first: number;
  last: number;
  /** Participant ids of the people named in it (not those only mentioned), in order. */
  people: string[];
}

export interface Trigger {
  hit: Hit;
  /** Index among every trigger hit of the document. */
  at: number;
  entry: LexiconEntry;
  type: MeetingType;
  polarity: Polarity;
  clause: Clause;
  sentence: number;
}

/** Why a mention is not a participant of the encounters of its sentence. */
export type AbsentReason = 'marker' | 'relative-clause' | 'aside' | 'reporter' | 'modifier';

/** One piece of evidence for a value, with where it came from; the best is taken. */
export interface Evidence<T> {
  value: T;
  source: string;
  score: number;
  reason: string;
}

/** One telling of an encounter. */
export interface Draft {
  type: MeetingType;
  pids: Set<string>;
  planned: boolean;
  place?: string;
  placeScore: number;
  date?: DateExpr;
  duration?: { minutes: number; text: string };
  evidence: Span[];
  sentences: Set<number>;
  /** People named only as the ones reporting the encounter («أوضح الجبير أن لقاء …»). */
  speakers?: Set<string>;
  /** Someone was met (not only a place visited): a lone person's draft without it is a trip, kept only to lend its place. */
  encounter: boolean;
  /** How many tellings were merged into this draft. */
  tellings: number;
  /** Where the place came from (place evidence `source`), and the date. */
  placeSource?: string;
  dateSource?: string;
  /** Where the best day or week came from (the meeting scorer's date feature; a month or a year is not one). */
  dateFeature?: string;
  /** What the tellings showed (features of the meeting scorer): "trigger-weak", "anaphoric", "later-clause", "lead" … */
  cues: Set<string>;
  /** Every piece of place evidence the tellings gave (the place scorer weighs them with the other candidates). */
  placeEvidence: Array<Evidence<string | undefined>>;
  /** The first token of each telling's trigger. */
  triggerTokens: number[];
}

export interface MeetingLayer {
  /** Participant ids of persons. */
  persons: Set<string>;
  absent: Map<PersonMention, AbsentReason>;
  /** Per sentence, its clauses in order. */
  clauses: Map<number, Clause[]>;
  /** Place mentions per sentence. */
  placesBySentence: Map<number, PlaceMention[]>;
  /** Every trigger hit, in order (clause splitting and subjects read them all). */
  hits: readonly Hit[];
  /** The triggers that can tell an encounter (not "called for", not "received a letter"). */
  triggers: Trigger[];
  drafts: Draft[];
  merged: Draft[];
}
