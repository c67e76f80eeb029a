// The person layer: titles of office, candidate name spans, the entities they link to, and
// their mentions. Written by the person components in order (titles → candidates → vetoes →
// spans → linking → coreference → participants); entity keys ("kb:12", "name:…", "org:3") are
// internal — participant ids are assigned only by the "participants" component.
import type { Span } from '../doc.js';
import type { Hit } from '../entities/lexicons.js';
import type { NameSpan } from '../entities/names.js';
import type { TokenRange } from '../match/overlaps.js';

/** A role the text gives («وزير الخارجية الروسي», "former president"). */
export interface TextRole {
  /** A past office («المخلوع», "former president"): matched against roles that ended. */
  former?: boolean;
  office: string;
  title: string;
  titleText: string;
  country?: string;
  organization?: string;
}

/** A title of office in the text, with the modifiers that qualify it. */
export interface TitleUse {
  hit: Hit;
  /** Token range of title + modifiers. */
  first: number;
  last: number;
  role: TextRole;
  weak: boolean;
  /** Position right after title, modifiers and honorifics (where a name would start). */
  nameStart: number;
  /** The title's own words, normalised, without clitics or modifiers («لسمو ولي العهد» → «ولي العهد»). */
  key: string;
}

/** A candidate person (or organisation) name span, with the generator that proposed it. */
export interface Candidate extends NameSpan {
  /** Knowledge-base person index, when the generator already knows who it is. */
  kb?: number;
  /** Knowledge-base organisation index (organisation spans compete for the same words). */
  org?: number;
  /** Lower wins an overlap of equal length. */
  priority: number;
  /** The title right before the name (generator "after-title"). */
  title?: TitleUse;
}

export interface PersonMention {
  /** Entity key while the person components run; the participant id afterwards. */
  pid: string;
  first: number;
  last: number;
  sentence: number;
  span: Span;
  /** How the mention was found: name, surname, title, counterpart. */
  via: 'name' | 'surname' | 'title' | 'counterpart';
}

/** One real-world person or organisation being assembled from its mentions. */
export interface Entity {
  key: string;
  type: 'person' | 'organization';
  kb?: number;
  org?: number;
  textRoles: TextRole[];
  spans: Span[];
  /** Spans that are names (not titles or counterparts): the display name comes from these. */
  names?: Span[];
  confidence: number;
  /** The generators and coreference passes that produced its mentions (features of the participant scorer). */
  rules?: Set<string>;
  /** Keys of the titles the text gave this person with no country or organisation («وزير الخارجية عادل الجبير»). */
  bareTitles?: Set<string>;
}

/** What one coreference pass concludes; `applyMerges` is the one place that carries it out. */
export type Merge =
  /** Entity `from` is entity `into` (its spans, names, roles and confidence move over). */
  | { kind: 'entity'; from: string; into: string }
  /** A new mention of entity `into` (created as a knowledge-base person when absent). */
  | { kind: 'mention'; into: string; kb?: number; mention: PersonMention; role?: TextRole; confidence?: number; covers?: boolean }
  /** A role for an existing mention's entity, with the span that says it. */
  | { kind: 'role'; into: string; role: TextRole; span: Span; mention: PersonMention };

export interface PersonLayer {
  titles: TitleUse[];
  /** Title start token (and its head's) -> title. */
  titleAt: Map<number, TitleUse>;
  /** Name start token -> the title right before it. */
  titleBefore: Map<number, TitleUse>;
  /** Titles that gave their role to a name (before or after it). */
  usedTitles: Set<TitleUse>;
  candidates: Candidate[];
  /** Candidates left after the overlap resolution, in token order. */
  kept: Candidate[];
  entities: Map<string, Entity>;
  /** Mentions in token order (entity keys). */
  mentions: PersonMention[];
  /** Tokens inside a person or organisation mention. */
  covered: Uint8Array;
  /** Token ranges of person and organisation names (places inside them are not places). */
  blocking: TokenRange[];
}
