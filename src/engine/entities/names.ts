// Person-name spans in running text: where a name starts (after a title, a given name,
// a quote) and how far it runs (name particles, surnames), in Arabic and English.
import type { Doc } from '../doc.js';
import type { Compiled } from '../compile.js';
import type { Token } from '../text/tokenize.js';
import { QUOTE_MARKS } from '../text/normalize.js';
import { MatchIndex, stopwordSet } from './lexicons.js';

export interface NameSpan {
  first: number;
  last: number;
  prefix: number;
  rule: string;
  confidence: number;
}

/** Lexicon keys the name parser consults, built once per engine. */
export interface NameLexicons {
  stop: Set<string>;
  particles: Set<string>;
  blockers: Set<string>;
  /** Blockers that name places, buildings, institutions and prizes: a known person's name next to one is the thing's name. */
  things: Set<string>;
  /** Everyday words that are not also names («يوما», «تواصل»): never an unknown name part. */
  common: Set<string>;
  /** Everyday words that are also given names («حسن», «سلام», «أمل»). */
  commonNames: Set<string>;
  /** Names that before an «ال» noun start a phrase («حسن الجوار»). */
  phraseHeads: Set<string>;
  /** Words that end a surname as a word of their own («أوغلو»). */
  tails: Set<string>;
}

export function nameLexicons(c: Compiled): NameLexicons {
  return {
    stop: stopwordSet(c, 'stopwords'),
    particles: stopwordSet(c, 'name-particles'),
    tails: stopwordSet(c, 'name-tails'),
    blockers: stopwordSet(c, 'name-blockers'),
    things: stopwordSet(c, 'name-blockers', (e) => e.things === true),
    common: stopwordSet(c, 'common-words', (e) => e.alsoName !== true),
    commonNames: stopwordSet(c, 'common-words', (e) => e.alsoName === true),
    phraseHeads: stopwordSet(c, 'common-words', (e) => e.headsPhrase === true),
  };
}

/**
 * Whether token `t` (the one before a name) makes the name part of a thing's name: a name blocker
 * («جامعة», «عهد», "Street"), or in Arabic a thing's head with a proclitic («بجامعة جورج ميسون»,
 * «لمطار الملك خالد»; not the other blockers, whose stems are also verbs: «وأمر», «وحكم»).
 * `thingsOnly`: only the heads of things' names (a known person's name after them is the thing's).
 */
export function blocksName(lex: NameLexicons, t: Token, thingsOnly = false): boolean {
  if ((thingsOnly ? lex.things : lex.blockers).has(t.analyses[0].key)) return true;
  return t.script === 'ar' && t.analyses.some((a) => a.prefix > 0 && lex.things.has(a.key));
}

const MAX_NAME_TOKENS = 7;

export class NameParser {
  /** The text writes final «ى» as «ي» («إلي», «علي» for «على»), so «علي» may be the preposition. */
  private readonly yaForAlifMaqsura: boolean;

  constructor(
    private readonly doc: Doc,
    private readonly idx: MatchIndex,
    private readonly lex: NameLexicons,
    private readonly c?: Compiled,
  ) {
    this.yaForAlifMaqsura = doc.text.indexOf('ى') < 0;
  }

  /** A one-word place that is not a country («Dole», "Howard"): may be a surname after a given name. */
  minorPlace(k: number): boolean {
    const h = this.idx.at('place', k);
    if (!h || h.last !== k + 1 || !this.c) return false;
    const t = this.tok(k)!;
    // Arabic: only «ال» family names («الأحمدي»), never an everyday word («كان»)
    if (t.script === 'ar' && (!t.analyses[0].article || h.prefix > 0 || this.lex.common.has(t.analyses[0].key) || this.lex.common.has(t.norm))) return false;
    // Arabic «ال» surnames after a given name («علي الأحمدي») may share a town's name whatever its size
    const limit = t.script === 'ar' ? Infinity : 500_000;
    return h.payloads.every((p) => p.kind === 'place' && !this.c!.places[p.place].country && !this.c!.places[p.place].capital && this.c!.places[p.place].population < limit);
  }

  /** An Arabic word with the article or a proclitic («الثروة», «للعلاقات», «والوفد») does not open a name. */
  bareWord(k: number): boolean {
    const t = this.tok(k);
    if (!t) return false;
    if (t.script !== 'ar') return true;
    return !/^(ال|لل|[وفبك]ال|[وف]لل)/.test(t.norm);
  }

  /** A strong name part: a given name, a particle, a known person or an «ال» family name. */
  strongNext(k: number): boolean {
    const t = this.tok(k);
    if (!t || t.kind !== 'word') return false;
    return this.givenAt(k) || this.isParticle(k) || this.idx.has('person', k);
  }

  private tok(k: number): Token | undefined {
    return this.doc.tokens[k];
  }

  /** A word that may be part of a name: not a function word, title, place, date or trigger. */
  nameWord(k: number, allowPlace = false): boolean {
    const t = this.tok(k);
    if (!t || t.kind !== 'word') return false;
    if (t.norm.length < 2) return false;
    if (this.isStop(k)) return false;
    if (this.givenAt(k) || (t.script === 'latin' && this.idx.has('given', k))) return true;
    if (this.otherKind(k) || this.idx.has('demonym', k)) return false;
    if (!allowPlace && this.idx.has('place', k)) return false;
    // "MoD", "UNHCR": abbreviations are not names
    if (t.script === 'latin') return t.cap && !/[a-z][A-Z]$/.test(this.doc.text.slice(t.start, t.end)) && !(t.norm.length > 1 && this.doc.text.slice(t.start, t.end) === this.doc.text.slice(t.start, t.end).toUpperCase() && t.norm.length <= 5);
    if (this.everyday(t)) return false;
    // «بمقالة», «بعنوان», «لذلك»: a preposition glued to an everyday or function word
    // (a short stem is no evidence: «بادي» is a name, not ب + «أدى»)
    if (t.script === 'ar' && t.analyses.some((a) => a.prefix > 0 && (this.lex.stop.has(a.key) || (a.key.length >= 4 && this.lex.common.has(a.key))))) return false;
    return t.script === 'ar';
  }

  /** A word of another kind than a name: a title, trigger, reporting verb, date, honorific, counterpart word or organisation. */
  private otherKind(k: number): boolean {
    const idx = this.idx;
    return idx.has('lex:titles', k) || idx.has('lex:meeting-triggers', k) || idx.has('lex:speech-verbs', k) || idx.has('lex:dates', k) || idx.has('lex:honorifics', k) || idx.has('lex:counterpart', k) || idx.has('org', k);
  }

  /** A given name that is also a common word once folded («علي»/«على»). */
  collides(k: number): boolean {
    return this.isStop(k) || (!!this.tok(k) && this.lex.stop.has(this.tok(k)!.norm) && this.tok(k)!.norm !== 'علي');
  }

  /**
   * Whether the given name at k is the function word it folds to («علي»/«على»): unless a strong name
   * part follows at `next` («علي حسن المجيد»), and never when written with final «ى» in a text that
   * tells «ى» from «ي» («على حسن الظن»).
   */
  functionWordHere(k: number, next: number): boolean {
    if (!this.collides(k)) return false;
    const t = this.tok(k)!;
    if (t.script === 'ar' && !this.yaForAlifMaqsura && this.doc.text[t.end - 1] === 'ى') return true;
    return !this.strongNext(next);
  }

  /** A function word; «علي» (the name) is told from «على» (on) by its original spelling. */
  isStop(k: number): boolean {
    const t = this.tok(k);
    if (!t) return false;
    const key = t.analyses[0].key;
    if (!this.lex.stop.has(key) && !this.lex.stop.has(t.norm)) return false;
    if (t.script === 'ar' && t.norm.endsWith('ي') && this.doc.text[t.end - 1] === 'ي' && !this.yaForAlifMaqsura && this.idx.has('given', k)) return false;
    return true;
  }

  isParticle(k: number): boolean {
    const t = this.tok(k);
    return !!t && t.kind === 'word' && (this.lex.particles.has(t.analyses[0].key) || this.lex.particles.has(t.norm));
  }

  givenAt(k: number): boolean {
    if (this.isStop(k)) return false;
    // «الرياض» is a city, not the given name «رياض»: given names do not take the article
    if (this.withArticle(k)) return false;
    const h = this.idx.at('given', k);
    return !!h && h.prefix === 0 && h.payloads.some((p) => p.kind === 'given' && !p.ambiguous);
  }

  /** Extends a name that starts at `first` over surnames and particles; returns the end (exclusive). */
  /** An Arabic family nisba: the article, a stem ending in «ي», nothing else glued, a name word (not a demonym or a place). */
  private nisbaAt(k: number): boolean {
    const t = this.tok(k);
    if (!t || t.kind !== 'word' || t.script !== 'ar' || t.sentence !== this.tok(k - 1)?.sentence || !this.withArticle(k)) return false;
    const a = t.analyses[0];
    return a.prefix === 0 && a.key.length >= 5 && a.key.endsWith('ي') && this.nameWord(k);
  }

  /**
   * «عبدالله بن إبراهيم الشريف»: after a father's name joined by «بن», an «ال» word is the family name even
   * when it is also an everyday word (not a title, place, date or other kind of word).
   */
  familyAfterNasab(k: number): boolean {
    const t = this.tok(k);
    if (!t || t.kind !== 'word' || t.script !== 'ar' || t.sentence !== this.tok(k - 1)?.sentence || !this.withArticle(k) || t.analyses[0].prefix !== 0) return false;
    if (!this.doc.words.nasabLinks.has(this.tok(k - 2)) || this.isStop(k)) return false;
    return !(this.otherKind(k) || this.idx.has('demonym', k) || this.idx.has('place', k) || this.doc.words.formerMarkers.has(t));
  }

  /** "the Reagan-Gorbachev summit", «قمة بوتين-ترامب»: the hyphen at `k` joins two known people's names, not one name. */
  private knownPair(k: number): boolean {
    const after = this.idx.at('person', k + 1);
    if (!after || after.last !== k + 2 || this.isParticle(k - 1)) return false;
    // "Jean-Marc", «عبد-العزيز»: a name listed with its hyphen is one name
    const spans = (layer: 'person' | 'given') => (this.idx.at(layer, k - 1)?.last ?? 0) > k;
    return !spans('person') && !spans('given');
  }

  /** A Latin word written against the token before it (no space between them). */
  private gluedLatinWord(k: number): boolean {
    const t = this.tok(k);
    return !!t && t.kind === 'word' && t.script === 'latin' && !t.spaceBefore;
  }

  /**
   * Whether an Arabic word cannot go on with a name: «واتفق», «وقال» (a conjunction starts a new
   * clause), «للإغاثة», «بالرياض» (a preposition with the article), «بهذه», «لذلك» (a preposition
   * glued to a function word).
   */
  private arabicNameEnd(k: number): boolean {
    const t = this.tok(k)!;
    if (t.script !== 'ar') return false;
    if (t.norm.startsWith('و') && t.analyses.length > 1) return true;
    if (/^(لل|[وفبك]ال)/.test(t.norm)) return true;
    return this.everydayWithProclitic(k);
  }

  /** «حسن النية», «أكبر الساسة»: a word that, before an «ال» noun, starts a phrase rather than going on with a name. */
  headsPhrase(k: number): boolean {
    const t = this.tok(k)!;
    const next = this.tok(k + 1);
    if (t.script !== 'ar' || !this.lex.phraseHeads.has(t.analyses[0].key) || !next || next.sentence !== t.sentence || !next.analyses[0].article) return false;
    // («محمد حسن الشامي»: before a family name the word goes on with the name; only an everyday noun makes the phrase)
    return this.lex.common.has(next.analyses[0].key) && !this.idx.has('person', k);
  }

  /** «بهذه», «لذلك», «لطلب», «ويرى»: a function word or an everyday word with a proclitic glued on. */
  everydayWithProclitic(k: number): boolean {
    return this.tok(k)!.analyses.some((a) => a.prefix > 0 && (this.lex.stop.has(a.key) || this.lex.common.has(a.key)));
  }

  /** `nameFirst`: where the whole name starts, when `first` is its last known part. */
  extend(first: number, maxUnknown: number, nameFirst = first): number {
    const t0 = this.tok(first)!;
    let last = first + 1;
    let unknown = 0;
    while (last < this.doc.tokens.length && last - first < MAX_NAME_TOKENS) {
      const t = this.tok(last)!;
      // «مايك بومبيو بمستهل», «جون كيري أوباما»: a known name ends where its alias ends
      // (a nasab may go on: «محمد بن سلمان بن عبدالعزيز»)
      if (this.idx.at('person', nameFirst)?.last === last && !this.isParticle(last)) break;
      if (t.sentence !== t0.sentence || (t.script !== t0.script && t.kind === 'word')) break;
      // English: hyphenated and glued parts ("al-Jubeir", "Ould-Cheikh")
      if (t.kind === 'punct' && t.norm === '-' && !t.spaceBefore && this.tok(last + 1) && !this.tok(last + 1)!.spaceBefore && this.tok(last + 1)!.kind === 'word' && (this.tok(last + 1)!.script !== 'latin' || this.tok(last + 1)!.cap)) {
        if (this.knownPair(last)) break;
        last += 2;
        continue;
      }
      // "al-Rifa'i", "Sana'a": an apostrophe inside a Latin word goes on with it (not the possessive "'s")
      if (t.kind === 'punct' && t.norm === "'" && !t.spaceBefore && this.gluedLatinWord(last + 1) && this.tok(last + 1)!.norm !== 's') {
        last += 2;
        continue;
      }
      if (this.isParticle(last)) {
        // "al-Attiya", "bin-Salman": particle, hyphen, word
        const h = this.tok(last + 1);
        if (h && h.norm === '-' && !h.spaceBefore && this.tok(last + 2)?.kind === 'word' && !this.tok(last + 2)!.spaceBefore) {
          last += 3;
          continue;
        }
        if (this.isParticle(last + 1)) {
          last += 1;
          continue;
        }
        // the word after a particle belongs to the name even when it is also a place («ديل روساريو», «بن زايد»)
        if (this.nameWord(last + 1, true)) {
          last += 2;
          continue;
        }
        if (this.afterParticle(last + 1)) {
          last += 2; // «عبد السلام», «ولد الشيخ»: the particle and its word
          continue;
        }
        break;
      }
      // "Eugene A. Gordon", "George H. W. Bush": a middle initial and its full stop go on with an English name
      if (this.middleInitial(last, t0.sentence)) {
        last += 2;
        continue;
      }
      if (t.script === 'latin' && !t.cap) break;
      if (this.headsPhrase(last)) break; // «سعود أكبر الساسة»
      if (this.givenAt(last)) {
        last++;
        continue;
      }
      if (this.idx.has('person', last)) {
        const h = this.idx.at('person', last)!;
        if (h.prefix === 0) {
          last = h.last;
          continue;
        }
      }
      if (this.arabicNameEnd(last)) break;
      // «داود أوغلو»: a surname's tail goes on with it, unknown word or not
      if (this.lex.tails.has(t.analyses[0].key) || this.lex.tails.has(t.norm)) {
        last++;
        continue;
      }
      if (unknown < maxUnknown && (this.nameWord(last) || ((t.script === 'ar' && this.givenAt(nameFirst) && this.minorPlace(last)) || (t.cap && this.minorPlace(last))))) {
        unknown++;
        last++;
        continue;
      }
      // «أحمد درع الجميلي»: a family nisba («الـ…ي») ends an Arabic name even past its unknown words
      if (this.nisbaAt(last) || this.familyAfterNasab(last)) last++;
      break;
    }
    // never end on a particle
    while (last > first + 1 && this.isParticle(last - 1)) last--;
    return last;
  }

  /** A capital letter at `k` with its full stop glued on, followed in the sentence by a name word or another initial. */
  private middleInitial(k: number, sentence: number): boolean {
    const t = this.tok(k);
    const dot = this.tok(k + 1);
    const next = this.tok(k + 2);
    if (!t || !dot || !next || t.kind !== 'word' || t.script !== 'latin' || !t.cap || t.norm.length !== 1 || dot.norm !== '.' || dot.spaceBefore) return false;
    // (the name goes on after it: a surname, or another initial; "Robert S. PriceU.S." ends no name on "S.")
    return next.kind === 'word' && next.script === 'latin' && next.sentence === sentence && (this.nameWord(k + 2) || this.middleInitial(k + 2, sentence));
  }

  /** After «بن», «عبد», «ولد», «أبو» almost any word is part of the name («عبد السلام», «ولد الشيخ»). */
  afterParticle(k: number): boolean {
    const t = this.tok(k);
    if (!t || t.kind !== 'word' || t.script !== 'ar' || t.sentence !== this.tok(k - 1)?.sentence) return false;
    if (this.idx.has('lex:titles', k) || this.idx.has('demonym', k) || this.idx.has('lex:meeting-triggers', k) || this.idx.has('lex:speech-verbs', k)) return false;
    // «بن جمعة», «بن رمضان»: after «بن» a day's or a month's name without the article is the father's name
    if (this.idx.has('lex:dates', k) && !(this.doc.words.nasabLinks.has(this.tok(k - 1)) && !t.analyses[0].article && t.analyses.length === 1)) return false;
    return !this.doc.words.notAfterParticle.has(t);
  }

  /**
   * Where a name found at `first` really starts when a nasab link stands before it: in «تعيين عادل بن
   * جميل بن إبراهيم عارف» the name found at «إبراهيم» is the grandfather's, and «عادل» (an everyday
   * word, a name before «بن») starts the person's own. Undefined when no link stands before `first`.
   * «وصل بن سلمان»: a known name that starts at the link itself («بن سلمان») is not a father's.
   */
  nasabStart(first: number): { first: number; prefix: number } | undefined {
    let k = first;
    let prefix = 0;
    while (k >= 2 && first - k < MAX_NAME_TOKENS - 2) {
      const link = this.tok(k - 1)!;
      if (link.kind !== 'word' || link.script !== 'ar' || !this.doc.words.nasabLinks.has(link) || this.idx.has('person', k - 1)) break;
      const own = this.ownNameBeforeLink(k - 2);
      if (!own) break;
      k = own.first;
      prefix = own.prefix;
      if (prefix > 0) break; // «ومطلق بن حمد»: the conjunction of a list starts it
    }
    return k < first ? { first: k, prefix } : undefined;
  }

  /**
   * Where a person's own name ends at j, right before «بن»: a given name («عادل»), an unknown word, or
   * a particle's pair («عبد المحسن بن …»); bare, or with the «و» of a list after a comma.
   */
  private ownNameBeforeLink(j: number): { first: number; prefix: number } | undefined {
    const t = this.tok(j)!;
    if (t.kind !== 'word' || t.script !== 'ar' || t.sentence !== this.tok(j + 1)?.sentence || this.isParticle(j)) return undefined;
    // (a demonym or a place without the article before «بن» is a name: «تركي بن محمد»)
    if (this.otherKind(j)) return undefined;
    if (this.isParticle(j - 1) && !this.doc.words.nasabLinks.has(this.tok(j - 1))) {
      const p = this.tok(j - 1)!;
      return p.sentence === t.sentence && this.afterParticle(j) ? { first: j - 1, prefix: 0 } : undefined;
    }
    if (this.withArticle(j)) return undefined;
    const listAfter = (k: number) => this.tok(k - 1)?.kind === 'punct';
    const given = this.idx.at('given', j);
    if (given && given.last === j + 1) {
      if (given.prefix === 0) return { first: j, prefix: 0 };
      return given.prefix === 1 && t.norm.startsWith('و') && listAfter(j) ? { first: j, prefix: 1 } : undefined;
    }
    if (this.isStop(j) || t.norm.length < 2) return undefined;
    if (!t.analyses.some((a) => a.prefix > 0)) return { first: j, prefix: 0 };
    const listed = t.analyses.find((a) => a.prefix === 1 && t.norm.startsWith('و'));
    return listed && listAfter(j) && !this.lex.stop.has(listed.key) && !this.lex.common.has(listed.key) ? { first: j, prefix: 1 } : undefined;
  }

  /** What may follow an unknown name: punctuation, a reporting verb, a title, a date, a function word. */
  boundaryAt(k: number): boolean {
    const t = this.tok(k);
    if (!t || t.kind === 'punct' || t.lineBefore) return true;
    if (t.sentence !== this.tok(k - 1)?.sentence) return true;
    if (this.idx.has('lex:speech-verbs', k) || this.idx.has('lex:titles', k) || this.idx.has('lex:dates', k) || this.idx.has('lex:meeting-triggers', k) || this.isStop(k)) return true;
    // «دان غيلرمان هجوما»: an everyday word (the name's verb object, an adverb) ends the name
    return t.script === 'ar' && this.everyday(t);
  }

  /** Token k's unsplit reading has the article «ال» («الرياض»); «ألكسندر», «آلان» begin with a hamza, never the article. */
  withArticle(k: number): boolean {
    const t = this.tok(k);
    return !!t && t.analyses[0].article && !'أآ'.includes(this.doc.text[t.start]);
  }

  /** An everyday word, also in the accusative with its alif («حقيقيا», «رسميا» of «حقيقي», «رسمي»). */
  everyday(t: Token): boolean {
    const key = t.analyses[0].key;
    if (this.lex.common.has(key) || this.lex.common.has(t.norm)) return true;
    return t.script === 'ar' && key.length > 3 && key.endsWith('ا') && this.lex.common.has(key.slice(0, -1));
  }

  /** A name in quotes: «“مايك بومبيو”», "“Bomb”". */
  quoted(k: number): NameSpan | undefined {
    const q = this.tok(k);
    if (!q || !QUOTE_MARKS.has(q.norm)) return undefined;
    let last = k + 1;
    while (last < this.doc.tokens.length && last - k <= 5 && this.tok(last)!.kind === 'word') last++;
    const close = this.tok(last);
    if (!close || !QUOTE_MARKS.has(close.norm) || last === k + 1) return undefined;
    for (let j = k + 1; j < last; j++) if (!this.nameWord(j, true) && !this.isParticle(j)) return undefined;
    if (this.idx.has('place', k + 1) && !this.givenAt(k + 1) && !this.idx.has('person', k + 1)) return undefined;
    // one word in quotes that no one is known by is a word quoted (the president «تمنى», 'wished'), not a name
    if (last === k + 2 && !this.givenAt(k + 1) && !this.idx.has('person', k + 1)) return undefined;
    return { first: k + 1, last, prefix: 0, rule: 'name:quoted', confidence: 0.8 };
  }

  /** A name right at k (after a title or honorifics): KB person, quote, given name, or two name-like words. */
  nameAt(k: number, strong: boolean): NameSpan | undefined {
    const t = this.tok(k);
    if (!t) return undefined;
    const q = this.quoted(k);
    if (q) return q;
    if (t.kind !== 'word') return undefined;
    if (t.script === 'latin' && !t.cap) return undefined;
    if (this.idx.has('person', k)) {
      const h = this.idx.at('person', k)!;
      return { first: k, last: this.extend(h.last - 1, 0, k), prefix: h.prefix, rule: 'name:kb', confidence: 0.95 };
    }
    if ((this.givenAt(k) && !this.functionWordHere(k, k + 1)) || (this.isParticle(k) && this.nameWord(k + 1, true))) {
      return { first: k, last: this.extend(k, t.script === 'ar' ? 1 : 2), prefix: 0, rule: 'name:given-name', confidence: 0.85 };
    }
    // «المبعوث الخاص ومنسق شؤون …»: a conjunction starts the next title, not a name
    const conjoined = t.script === 'ar' && t.norm.startsWith('و') && t.analyses.length > 1;
    if (strong && !conjoined && this.nameWord(k) && this.bareWord(k) && this.nameWord(k + 1) && this.bareWord(k + 1)) {
      // (a Latin name may have three unknown words: "Chun Doo Hwan", as below)
      const last = this.extend(k, t.script === 'ar' ? 1 : 2);
      if (last - k >= 2 && (t.script !== 'ar' || this.boundaryAt(last))) return { first: k, last, prefix: 0, rule: 'name:after-title', confidence: 0.7 };
    }
    if (strong && t.script === 'latin' && this.nameWord(k)) {
      return { first: k, last: this.extend(k, 2), prefix: 0, rule: 'name:after-title', confidence: 0.75 };
    }
    // "former central bank governor Haruo Maekawa": in English even a generic title before two capitalised words
    if (t.script === 'latin' && this.nameWord(k) && this.nameWord(k + 1) && !this.tok(k + 1)!.lineBefore) {
      return { first: k, last: this.extend(k, 2), prefix: 0, rule: 'name:after-title', confidence: 0.65 };
    }
    return undefined;
  }
}
