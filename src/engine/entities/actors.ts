// Participants: persons (knowledge base, title + name, given-name lexicon, speakers),
// their roles (from the text and from the knowledge base on the article's date), and
// coreference into one item per real person (surnames, titles alone, counterparts).
// Organisations named in the text are participants of type "organization".
import type { Participant } from '../../schemas/extraction.js';
import type { Doc, Span } from '../doc.js';
import { spanOf } from '../doc.js';
import type { Compiled, Payload } from '../compile.js';
import type { TrieMatch } from '../match/trie.js';
import { filterSpans, type TokenRange } from '../match/overlaps.js';
import { firstAtOrAfter } from '../match/bisect.js';
import { MatchIndex, entryOf, type Hit } from './lexicons.js';
import { NameParser, nameLexicons, type NameLexicons, type NameSpan } from './names.js';
import { activeRoles, holderOn, pickPerson } from './roles.js';
import { countryContext, looksLikeName } from './places.js';
import type { Token } from '../text/tokenize.js';
import type { LexiconEntry, Names, Person } from '../../kb/schema.js';
import { normalizeString } from '../text/normalize.js';

export interface PersonMention {
  pid: string;
  first: number;
  last: number;
  sentence: number;
  span: Span;
  /** How the mention was found: name, surname, title, counterpart. */
  via: 'name' | 'surname' | 'title' | 'counterpart';
}

export interface ActorResult {
  participants: Participant[];
  /** Person mentions in text order (for events). */
  mentions: PersonMention[];
  /** Token ranges of person and organisation names (places inside them are not places). */
  blocking: TokenRange[];
  /** Countries named by demonyms anywhere in the article. */
  demonymCountries: Set<string>;
  /** Sentences that speak of an official by title alone, with no name («نظيره الإيطالي», "the opposition leader"). */
  unnamedOfficials: Set<number>;
  index: MatchIndex;
}

interface TextRole {
  /** A past office («المخلوع», "former president"): matched against roles that ended. */
  former?: boolean;
  office: string;
  title: string;
  titleText: string;
  country?: string;
  organization?: string;
}

interface TitleUse {
  hit: Hit;
  /** Token range of title + modifiers. */
  first: number;
  last: number;
  role: TextRole;
  weak: boolean;
  /** Position right after title, modifiers and honorifics (where a name would start). */
  nameStart: number;
}

interface Candidate extends NameSpan {
  kb?: number;
  priority: number;
}

/** Offices whose title is often followed by whom the holder serves («مبعوث الأمين العام»). */
const DESCRIBED_BY_TITLE = new Set(['envoy', 'spokesperson', 'ambassador', 'official', 'minister']);

/** The word before "by" in a byline ("Reporting by …", "Editing by …"). */
const BYLINE = /^(reporting|editing|writing|compiled|photo|photograph|photos|additional|produced|edited|written|graphic)$/;

const TITLE_ONLY_OFFICES = new Set(['head-of-state', 'head-of-government', 'foreign-minister', 'crown-prince', 'vice-president', 'defence-minister', 'supreme-leader', 'secretary-general', 'high-representative']);

const lexCache = new WeakMap<Compiled, NameLexicons>();

export function findActors(doc: Doc, c: Compiled, matches: TrieMatch<Payload>[]): ActorResult {
  let lex = lexCache.get(c);
  if (!lex) lexCache.set(c, (lex = nameLexicons(c)));
  const idx = new MatchIndex(matches);
  const parser = new NameParser(doc, idx, lex, c);
  const tokens = doc.tokens;
  const latinDoc = doc.language === 'en';

  const demonymCountries = new Set<string>();
  for (const h of idx.all('demonym')) for (const p of h.payloads) if (p.kind === 'demonym') demonymCountries.add(p.country);

  // ---- titles, with the country or organisation that qualifies them ----
  const titles: TitleUse[] = [];
  let titleEnd = 0;
  for (const h of idx.all('lex:titles')) {
    // "Foreign Minister" contains "Minister": the inner title is not another title
    if (h.first < titleEnd) continue;
    titleEnd = h.last;
    const e = titleEntry(h, tokens[h.first]);
    if (h.payloads.length === 0) continue;
    if (tokens[h.first].script === 'latin' && latinDoc === false && !tokens[h.first].cap) continue;
    const role: TextRole = { office: String(e.office), title: String(e.title), titleText: '', ...(e.former === true ? { former: true } : {}) };
    if (typeof e.country === 'string') role.country = e.country;
    if (typeof e.org === 'string') role.organization = e.org;
    let first = h.first;
    let pos = h.last;
    // English: "Russian Foreign Minister", "U.S. Secretary of State", "Russia's president"
    if (tokens[h.first].script === 'latin') {
      for (let k = Math.max(0, h.first - 4); k < h.first; k++) {
        const d = idx.at('demonym', k);
        const pl = idx.at('place', k);
        if (d && d.last === h.first) {
          role.country = countryOf(d);
          first = k;
        } else if (pl && (pl.last === h.first || (pl.last + 2 === h.first && tokens[pl.last].norm === "'" && tokens[pl.last + 1].norm === 's'))) {
          const cc = placeCountry(c, pl);
          if (cc) {
            role.country = cc;
            first = k;
          }
        }
      }
    }
    // a title right after an envoy's or spokesman's title describes it («مبعوث الأمين العام»)
    const last0 = titles[titles.length - 1];
    const chained = last0 && last0.last === first && DESCRIBED_BY_TITLE.has(last0.role.office) ? last0 : undefined;
    // modifiers after the title: «الروسي», «خارجية روسيا», «للأمم المتحدة», "of Russia"
    for (let step = 0; step < 3 && pos < tokens.length; step++) {
      const d = idx.at('demonym', pos);
      // «الأمير تركي الفيصل»: a demonym that is also a given name, before a name, is the name
      const nameInstead = d && d.prefix === 0 && parser.givenAt(pos) && parser.nameWord(pos + 1, true);
      if (d && !role.country && !nameInstead) {
        role.country = countryOf(d);
        pos = d.last;
        continue;
      }
      let at = pos;
      if (tokens[pos].norm === 'of' && tokens[pos].script === 'latin') at = pos + 1;
      const pl = idx.at('place', at);
      if (pl && e.ofCountry && !role.country && tokens[at].sentence === tokens[h.first].sentence) {
        const cc = placeCountry(c, pl);
        if (cc) {
          role.country = cc;
          pos = pl.last;
          continue;
        }
      }
      const o = idx.at('org', at);
      if (o && !role.organization && !role.country) {
        const p = o.payloads[0];
        if (p.kind === 'org') role.organization = c.organizations[p.org].id;
        pos = o.last;
        continue;
      }
      // an envoy's or ambassador's posting: «إلى اليمن», «لدى اليمن», "to Syria"
      const posted = chained?.role.office ?? role.office;
      if ((posted === 'envoy' || posted === 'ambassador') && /^(الي|لدي|في|to|in)$/.test(tokens[pos].norm) && idx.at('place', pos + 1)) {
        pos = idx.at('place', pos + 1)!.last;
        continue;
      }
      break;
    }
    // «مبعوث الأمين العام للأمم المتحدة», "spokesman for the Secretary-General": the second title
    // describes the first, and the name that follows belongs to the first
    const prevTitle = chained;
    if (prevTitle) {
      prevTitle.role.organization ??= role.organization;
      prevTitle.role.country ??= role.country;
      prevTitle.last = pos;
      let ns = pos;
      while (idx.at('lex:honorifics', ns)) ns = idx.at('lex:honorifics', ns)!.last;
      prevTitle.nameStart = ns;
      prevTitle.role.titleText = doc.text.slice(tokens[prevTitle.first].start, tokens[Math.max(prevTitle.first, pos - 1)].end);
      titleEnd = Math.max(titleEnd, pos);
      continue;
    }
    if (e.needsCountry && !role.country) continue;
    // «وزير الثروة السمكية محمد …»: the portfolio comes before the name
    if (e.portfolio === true && tokens[h.first].script === 'ar') {
      let k = pos;
      const portfolioWord = (i: number) => tokens[i] && tokens[i].sentence === tokens[h.first].sentence && tokens[i].kind === 'word' && /^(ال|[وبل]ال|لل)/.test(tokens[i].norm);
      // «الاتصالات وتقنية المعلومات»: a coordinated word followed by an «ال» word
      while (k < tokens.length && k - pos < 5 && (portfolioWord(k) || (tokens[k].norm.startsWith('و') && k > pos && portfolioWord(k + 1)))) k++;
      if (k > pos) {
        role.title = 'Minister';
        pos = k;
      }
    }
    let nameStart = pos;
    while (idx.at('lex:honorifics', nameStart)) nameStart = idx.at('lex:honorifics', nameStart)!.last;
    role.titleText = doc.text.slice(tokens[first].start, tokens[Math.max(first, pos - 1)].end);
    titles.push({ hit: h, first, last: pos, role, weak: e.weak === true, nameStart });
  }

  // titles tie the story to countries too («خادم الحرمين الشريفين», «ولي العهد السعودي»)
  for (const t of titles) if (t.role.country) demonymCountries.add(t.role.country);
  // ---- person candidates ----
  const cands: Candidate[] = [];
  const englishBlock = (first: number, last: number): number => {
    // "(Reporting by Andrew Heavens; Editing by …)": bylines are not participants
    const b1 = tokens[first - 1];
    if (b1 && b1.norm === 'by' && tokens[first - 2] && BYLINE.test(tokens[first - 2].norm)) return -1;
    // "editing by Andrew Roche and Christopher Wilson": the rest of the byline's list
    if (b1 && (b1.norm === 'and' || b1.norm === ',')) {
      for (let k = first - 2, n = 0; k > 0 && n < 8 && tokens[k].sentence === tokens[first].sentence; k--, n++) {
        if (tokens[k].norm === 'by') {
          if (BYLINE.test(tokens[k - 1].norm)) return -1;
          break;
        }
        if (!tokens[k].cap && tokens[k].norm !== 'and' && tokens[k].norm !== ',') break;
      }
    }
    // "REUTERS/Bassam Khabieh", "AFP/Getty": a photo credit
    if (b1 && b1.norm === '/' && tokens[first - 2] && /^(reuters|afp|ap|epa|getty|anadolu|sana|xinhua)$/.test(tokens[first - 2].norm)) return -1;
    // "Philippe Sands QC", "John Smith MP": drop post-nominal letters
    while (last - first > 1) {
      const t = tokens[last - 1];
      const raw = doc.text.slice(t.start, t.end);
      if (t.norm.length <= 3 && raw === raw.toUpperCase() && /[A-Z]/.test(raw)) last--;
      else break;
    }
    // "Geneva Convention", "Ghouta Media Center": an institution, not a person
    if (lex.blockers.has(tokens[last - 1].norm)) return -1;
    if (last < tokens.length && tokens[last].cap && lex.blockers.has(tokens[last].norm)) return -1;
    return last;
  };
  const pushCand = (cand: Candidate) => {
    if (tokens[cand.first].script === 'latin' && cand.kb === undefined && cand.rule !== 'person:kb-alias') {
      const last = englishBlock(cand.first, cand.last);
      if (last < 0) return;
      cand.last = last;
    }
    cands.push(cand);
  };
  const titleBefore = new Map<number, TitleUse>();
  for (const t of titles) {
    // «شارع الملك فهد», "King Fahd Causeway": the name of a thing
    if (t.first > 0 && tokens[t.first].script === 'ar' && lex.blockers.has(tokens[t.first - 1].analyses[0].key)) continue;
    // «المخلوع صالح», "former President Carter": the surname of someone who held that office
    if (t.role.former && tokens[t.nameStart]?.kind === 'word') {
      const former = bySurname(c, doc, t.nameStart, t.nameStart + 1, t.role);
      if (former !== undefined) {
        pushCand({ first: t.nameStart, last: t.nameStart + 1, prefix: 0, rule: 'name:former-officeholder', confidence: 0.8, priority: 0, kb: former });
        titleBefore.set(t.nameStart, t);
        continue;
      }
    }
    const n = parser.nameAt(t.nameStart, !t.weak);
    if (n) {
      pushCand({ ...n, rule: `${n.rule}+title`, priority: 1, confidence: Math.max(n.confidence, 0.85) });
      titleBefore.set(n.first, t);
    }
  }
  // «…، تيان تشي السفير الصيني»: two unknown words right before a title of office
  for (const t of titles) {
    if (t.weak || tokens[t.hit.first].script !== 'ar' || t.first !== t.hit.first || t.hit.prefix > 0) continue;
    const a = t.first - 2;
    if (a < 0 || !parser.nameWord(a) || !parser.nameWord(a + 1) || !parser.bareWord(a) || !parser.bareWord(a + 1)) continue;
    // the name starts a clause: after punctuation or a reporting verb («أوضح راجح بادي الناطق …»)
    if (tokens[a].sentence !== tokens[t.first].sentence) continue;
    if (a > 0 && tokens[a - 1].sentence === tokens[a].sentence && tokens[a - 1].kind !== 'punct' && !idx.has('lex:speech-verbs', a - 1)) continue;
    const g = idx.at('given', a);
    const prefix = g && g.prefix === 1 && tokens[a].norm.startsWith('و') ? 1 : 0;
    pushCand({ first: a, last: t.first, prefix, rule: 'name:before-title', confidence: 0.65, priority: 2 });
  }
  // "Mr Blair", "Dr Sands", «السيد جيم جيفري»
  for (const h of idx.all('lex:honorifics')) {
    const latin = tokens[h.first].script === 'latin';
    if (latin && !tokens[h.first].cap) continue;
    const n = parser.nameAt(h.last, latin);
    if (n) pushCand({ ...n, rule: `${n.rule}+honorific`, priority: 1, confidence: Math.max(n.confidence, 0.8) });
  }
  // «وقوات صالح», «أنصار هادي», "forces loyal to Saleh": a bare surname after words for the people a leader commands
  const followers = idx.all('lex:followers');
  const leaders = new Set<number>(); // «قوات هادي مدعومة …»: the leader's name stops at the surname
  // the countries the text names (a bare «صالح» in a story about Yemen is Yemen's Saleh)
  const named = followers.length ? countryContext(c, matches, demonymCountries) : new Set<string>();
  for (const h of followers) {
    if (entryOf(h)?.movement === true) continue;
    const k = h.last;
    if (k >= tokens.length || tokens[k].sentence !== tokens[h.first].sentence || tokens[k].kind !== 'word') continue;
    if (tokens[k].script === 'latin' && !tokens[k].cap) continue;
    // «النظام العربي» is an adjective, not «نظام الأسد»; «مليشيا الحوثي» names the movement
    const head = tokens[h.last - 1];
    if (head.script === 'ar' && head.analyses[0].article && h.last - h.first === 1) continue;
    if (idx.has('org', k) || idx.has('org', h.first) || entryOf(idx.at('lex:followers', k))?.movement === true) continue;
    const kb = leaderBySurname(c, doc, k, named);
    if (kb !== undefined) {
      pushCand({ first: k, last: k + 1, prefix: 0, rule: 'name:leader-of-followers', confidence: 0.75, priority: 1, kb });
      leaders.add(k);
    }
  }
  // "Kerrys meeting", "Assads forces": an English possessive that lost its apostrophe, on the surname
  // of one known person in office
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.script !== 'latin' || !t.cap || t.norm.length < 5 || !t.norm.endsWith('s') || idx.has('person', k) || idx.has('place', k) || idx.has('given', k)) continue;
    // ("Saddam Husseins" is the end of another name, not King Abdullah II bin Al-Hussein)
    const prev = tokens[k - 1];
    if (prev && prev.kind === 'word' && prev.cap && prev.sentence === t.sentence) continue;
    const stem = t.norm.slice(0, -1);
    const people = c.surnames.get(stem);
    if (!people) continue;
    const fits = people.filter((i) => activeRoles(c.people[i], doc.date).length > 0);
    if (fits.length === 1) pushCand({ first: k, last: k + 1, prefix: 0, rule: 'name:possessive-surname', confidence: 0.7, priority: 2, kb: fits[0] });
  }
  for (const h of idx.all('person')) {
    if (tokens[h.first].script === 'latin' && !looksLikeName(doc, h.first, h.last)) continue;
    const kbs = h.payloads.filter((p) => p.kind === 'person').map((p) => (p.kind === 'person' ? p.person : -1));
    const last = parser.extend(h.last - 1, 0, h.first);
    // "Assad Omar", "Mohammed Mustafa al-Jibouri": a known alias that goes on with more name is someone else
    // (a nasab continuing with «بن» is the same person)
    const goesOn = last > h.last && !parser.isParticle(h.last);
    const latinGoesOn = tokens[h.first].script === 'latin' && h.last - h.first === 1 && parser.nameWord(h.last) && tokens[h.last].sentence === tokens[h.first].sentence;
    if (goesOn || latinGoesOn) {
      pushCand({ first: h.first, last: Math.max(last, latinGoesOn ? parser.extend(h.first, 2) : last), prefix: h.prefix, rule: 'name:longer-than-alias', confidence: 0.6, priority: 2 });
      continue;
    }
    // «ردا على محمود عباس»: an alias that starts with «علي» read where the text has the preposition «على»
    if (tokens[h.first].norm === 'علي' && parser.isStop(h.first)) continue;
    // «جامعة الحسين بن طلال», "King Fahd Causeway": a known person's name inside the name of a place or an institution
    if (h.first > 0 && lex.things.has(tokens[h.first - 1].analyses[0].key)) continue;
    if (last < tokens.length && tokens[last].script === 'latin' && tokens[last].cap && lex.things.has(tokens[last].norm)) continue;
    const person = pickPerson(c, kbs, doc.date);
    // a surname alone ("Abe", «كيري») names the known person only around the years they were in office
    if (h.last - h.first === 1 && doc.dateGiven && !nearTenure(c.people[person], doc.date)) continue;
    cands.push({ first: h.first, last, prefix: h.prefix, rule: 'person:kb-alias', confidence: 0.95, kb: person, priority: 0 });
  }
  // after «و»: a name continues with a bare word or a known name part («وقاسم سلام», «وعادل الجبير»)
  const listedName = (k: number) => parser.nameWord(k) && (parser.bareWord(k) || parser.strongNext(k) || idx.has('person', k) || tokens[k].analyses[0].article);
  for (const h of idx.all('given')) {
    if (!h.payloads.some((p) => p.kind === 'given' && !p.ambiguous) || leaders.has(h.first)) continue;
    const t = tokens[h.first];
    if (t.script === 'latin' && !t.cap) continue;
    // «الرياض» is not «رياض»; «ألكسندر» (a hamza, never the article) is a name
    if (t.analyses[0].article && (h.prefix > 0 || parser.withArticle(h.first))) continue;
    // «وفهد كفاين»: in a list of names the conjunction is glued on; «وجود» is not و + «جود» (ambiguous)
    if (h.prefix > 0 && !(h.prefix === 1 && t.norm.startsWith('و') && listedName(h.last))) continue;
    if (h.prefix > 0) {
      const stem = t.analyses.find((a) => a.prefix === h.prefix)?.key ?? '';
      if (lex.stop.has(stem) || lex.common.has(stem) || lex.commonNames.has(stem)) continue; // «وعلى», «وحسن»
    }
    if (parser.collides(h.first) && !parser.strongNext(h.last)) continue;
    // «حسن الجوار», «حسن النوايا»: a given name that is also an everyday word, before an «ال» word, is a phrase
    if (t.script === 'ar' && lex.phraseHeads.has(t.analyses[0].key) && tokens[h.last]?.analyses[0].article && !parser.strongNext(h.last)) continue;
    if (h.first > 0 && lex.blockers.has(tokens[h.first - 1].analyses[0].key)) continue;
    const last = parser.extend(h.last - 1, t.script === 'ar' ? 1 : 2, h.first);
    if (last - h.first < 2) continue;
    // English: "... Street", "... University" after the name: a thing's name
    if (last < tokens.length && lex.blockers.has(tokens[last].norm) && tokens[last].cap) continue;
    pushCand({ first: h.first, last, prefix: h.prefix, rule: 'name:given-name', confidence: 0.7, priority: 2 });
  }
  for (const h of idx.all('lex:speech-verbs')) {
    const t = tokens[h.first];
    if (t.script === 'latin') {
      // "Jim Jeffrey said"
      let first = h.first;
      while (first > 0 && h.first - first < 4 && tokens[first - 1].kind === 'word' && (tokens[first - 1].cap || parser.isParticle(first - 1))) first--;
      while (first < h.first && !parser.nameWord(first)) first++;
      if (h.first - first >= 2 && [...Array(h.first - first).keys()].every((d) => parser.nameWord(first + d) || parser.isParticle(first + d))) {
        pushCand({ first, last: h.first, prefix: 0, rule: 'name:speaker', confidence: 0.55, priority: 3 });
      }
    } else {
      const q = parser.quoted(h.last);
      if (q) pushCand({ ...q, rule: 'name:quoted-speaker', priority: 3, confidence: 0.6 });
    }
  }
  // organisations compete for the same words
  const orgSpans: Array<Candidate & { org: number }> = [];
  for (const h of idx.all('org')) {
    const p = h.payloads[0];
    if (p.kind !== 'org') continue;
    if (tokens[h.first].script === 'latin' && !looksLikeName(doc, h.first, h.last) && tokens[h.first].norm.length > 3) continue;
    orgSpans.push({ first: h.first, last: h.last, prefix: h.prefix, rule: 'org:kb', confidence: 0.9, priority: 4, org: p.org });
  }
  const ordered = [...cands].sort((a, b) => a.priority - b.priority);
  const kept = filterSpans<Candidate & { org?: number }>([...ordered, ...orgSpans]);

  // ---- identities and coreference ----
  const builders = new Map<string, Builder>();
  const mentions: PersonMention[] = [];
  const covered = new Uint8Array(tokens.length);
  const blocking: TokenRange[] = [];
  const getBuilder = (key: string, make: () => Builder) => {
    let b = builders.get(key);
    if (!b) builders.set(key, (b = make()));
    return b;
  };
  const kbBuilder = (person: number) =>
    getBuilder(`kb:${person}`, () => ({ key: `kb:${person}`, type: 'person', kb: person, textRoles: [], spans: [], confidence: 0 }));

  const titleAt = new Map<number, TitleUse>();
  const titlesOfNext = new Set(titleBefore.values());
  for (const t of titles) {
    if (!titleAt.has(t.first)) titleAt.set(t.first, t);
    if (!titleAt.has(t.hit.first)) titleAt.set(t.hit.first, t);
  }
  for (const k of kept) {
    for (let i = k.first; i < k.last; i++) covered[i] = 1;
    blocking.push(k);
    const span = spanOf(doc, k.first, k.last, k.prefix, k.rule);
    if (k.org !== undefined) {
      const b = getBuilder(`org:${k.org}`, () => ({ key: `org:${k.org}`, type: 'organization', org: k.org, textRoles: [], spans: [], confidence: 0.9 }));
      b.spans.push(span);
      continue;
    }
    // a knowledge-base person inside the span (the span may be longer: «محمد بن سلمان بن عبدالعزيز»)
    let kb = k.kb;
    if (kb === undefined && k.rule !== 'name:longer-than-alias') {
      for (let i = k.first; i < k.last && kb === undefined; i++) {
        const h = idx.at('person', i);
        if (!h || h.last > k.last) continue;
        // the alias must be the whole name, or go on only with a nasab («… بن عبدالعزيز», «… آل سعود»)
        const rest = h.last < k.last ? tokens[h.last] : undefined;
        if (rest && !(rest.script === 'ar' && /^(بن|ابن|ال)$/.test(rest.norm))) continue;
        if (i > k.first && tokens[i].script === 'latin') continue;
        if (tokens[i].norm === 'علي' && parser.isStop(i)) continue; // «على محمود عباس» is not «علي محمود عباس»
        kb = pickPerson(c, h.payloads.map((p) => (p.kind === 'person' ? p.person : -1)).filter((x) => x >= 0), doc.date);
      }
    }
    const before = titleBefore.get(k.first);
    if (kb === undefined) {
      // «الرئيس هادي», «الملك سلمان», "President Reagan": a surname of a known person holding that office
      kb = bySurname(c, doc, k.first, k.last, before?.role) ?? byPossessive(c, doc, k.first, k.last) ?? byPrefix(c, doc, k.first, k.last, parser);
      // a lone given name after a title («الرئيس فرانسوا …» cut short) is not a name on its own
      if (kb === undefined && k.last - k.first === 1 && parser.givenAt(k.first) && tokens[k.first].script === 'ar') continue;
    }
    const b =
      kb !== undefined
        ? kbBuilder(kb)
        : getBuilder(`name:${nameKey(doc, k.first, k.last)}`, () => ({ key: `name:${nameKey(doc, k.first, k.last)}`, type: 'person', textRoles: [], spans: [], confidence: 0, firstTok: k.first, lastTok: k.last }));
    b.spans.push(span);
    (b.names ??= []).push(span);
    b.confidence = Math.max(b.confidence, k.confidence);
    const pid = b.key;
    mentions.push({ pid, first: k.first, last: k.last, sentence: tokens[k.first].sentence, span, via: 'name' });
    // roles: a title before the name, or right after it («رياض ياسين وزير الخارجية اليمني», "Pompeo, the U.S. secretary of state")
    if (before) addRole(b, before.role);
    let after = k.last;
    if (tokens[after]?.norm === ',') after++;
    if (tokens[after]?.norm === 'the' && tokens[after].script === 'latin') after++;
    // an apposition, not «… ووزير الخارجية» (a conjunction starts the next person)
    const ta0 = titleAt.get(after);
    // nor the title of the next name ("Vice President George Bush, Secretary of State George Shultz")
    const ta = ta0 && !(ta0.first === ta0.hit.first && ta0.hit.prefix > 0) && !titlesOfNext.has(ta0) ? ta0 : undefined;
    if (ta) {
      // «جيم جيفري المسؤول عن الملف السوري»: even a generic title after a name describes that person
      addRole(b, ta.role);
      ta.nameStart = -1; // used
    }
    if (before) before.nameStart = -1;
  }

  // surnames: «بومبيو» after «مايك بومبيو»; "Jeffrey" after "Jim Jeffrey"
  const surnames = new Map<string, string>();
  for (const m of mentions) {
    if (m.last - m.first < 2 || builders.get(m.pid)?.type !== 'person') continue;
    const t = tokens[m.last - 1];
    const key = t.analyses[0].key;
    if (t.kind !== 'word' || key.length < 3 || lex.stop.has(key) || lex.common.has(key) || lex.particles.has(key) || idx.has('place', m.last - 1)) continue;
    if (!surnames.has(key)) surnames.set(key, m.pid);
    else if (surnames.get(key) !== m.pid) surnames.set(key, ''); // two people share it: ambiguous
  }
  // «بومبيو» found on its own (a quoted speaker) is the «مايك بومبيو» of another mention
  const mergedInto = new Map<string, string>();
  // «زيد الطريفي» after «عادل بن زيد الطريفي»: the end of a longer name is that person
  const bySuffix = new Map<string, string[]>(); // proper multi-word suffix -> full names ending with it
  for (const f of builders.values()) {
    if (f.type !== 'person' || !f.key.startsWith('name:')) continue;
    const words = f.key.slice(5).split(' ');
    for (let i = 1; i + 2 <= words.length; i++) {
      const suffix = words.slice(i).join(' ');
      const list = bySuffix.get(suffix);
      if (!list) bySuffix.set(suffix, [f.key]);
      else if (list.length < 2 && !list.includes(f.key)) list.push(f.key);
    }
  }
  // "Ahmed al-Jarba" and "Ahmad Jarba": one person spelled two ways (same consonants, no «al-»)
  const bySkeleton = new Map<string, string>();
  for (const f of builders.values()) {
    if (f.type !== 'person' || !f.key.startsWith('name:')) continue;
    const sk = skeleton(f.key.slice(5));
    if (sk && !bySkeleton.has(sk)) bySkeleton.set(sk, f.key);
  }
  for (const b of [...builders.values()]) {
    if (b.type !== 'person' || b.kb !== undefined || !b.key.startsWith('name:')) continue;
    const key = b.key.slice(5);
    let target = key.includes(' ') ? undefined : surnames.get(key);
    if (key.includes(' ')) {
      const longer = bySuffix.get(key);
      if (longer?.length === 1) target = longer[0];
      else {
        const sk = skeleton(key);
        if (sk) target = bySkeleton.get(sk);
      }
    }
    while (target && mergedInto.has(target)) target = mergedInto.get(target);
    if (!target || target === b.key || !builders.has(target)) continue;
    const into = builders.get(target)!;
    into.spans.push(...b.spans);
    (into.names ??= []).push(...(b.names ?? []));
    for (const r of b.textRoles) addRole(into, r);
    into.confidence = Math.max(into.confidence, b.confidence);
    mergedInto.set(b.key, target);
    builders.delete(b.key);
  }
  if (mergedInto.size) for (const m of mentions) m.pid = mergedInto.get(m.pid) ?? m.pid;
  if (surnames.size > 0) {
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i]) continue;
      const t = tokens[i];
      if (t.kind !== 'word' || (t.script === 'latin' && !t.cap)) continue;
      for (const a of t.analyses) {
        const pid = surnames.get(a.key);
        if (!pid) continue;
        const span = spanOf(doc, i, i + 1, a.prefix, 'coref:surname');
        builders.get(pid)!.spans.push(span);
        mentions.push({ pid, first: i, last: i + 1, sentence: t.sentence, span, via: 'surname' });
        covered[i] = 1;
        blocking.push({ first: i, last: i + 1 });
        break;
      }
    }
  }

  // counterparts: «نظيره الروسي» -> the Russian holder of the antecedent's office
  mentions.sort((a, b) => a.first - b.first);
  const counterpartMentions: PersonMention[] = [];
  for (const h of idx.all('lex:counterpart')) {
    let country: string | undefined;
    let last = h.last;
    const d = idx.at('demonym', h.last);
    if (d) {
      country = countryOf(d);
      last = d.last;
    } else if (h.first > 0) {
      for (let k = Math.max(0, h.first - 2); k < h.first; k++) {
        const dd = idx.at('demonym', k);
        if (dd && dd.last === h.first) country = countryOf(dd);
      }
    }
    if (!country) {
      const pl = idx.at('place', tokens[h.last]?.norm === 'في' || tokens[h.last]?.norm === 'in' ? h.last + 1 : h.last);
      if (pl) {
        country = placeCountry(c, pl);
        if (country) last = pl.last;
      }
    }
    if (!country) continue;
    const antecedent = lastMentionBefore(mentions, h.first, tokens[h.first].sentence);
    if (!antecedent) continue;
    const office = officeOf(c, builders.get(antecedent.pid)!, doc.date);
    if (!office) continue;
    const role: TextRole = { office, title: officeTitle(office), titleText: doc.text.slice(tokens[h.first].start, tokens[last - 1].end), country };
    // a name right after: «نظيره الروسي “سيرغي لافروف”»
    const named = mentionStarting(mentions, last, last + 2);
    const span = spanOf(doc, h.first, last, h.prefix, 'coref:counterpart');
    if (named) {
      const b = builders.get(named.pid)!;
      addRole(b, role);
      b.spans.push(span);
      counterpartMentions.push({ pid: named.pid, first: h.first, last, sentence: tokens[h.first].sentence, span, via: 'counterpart' });
      continue;
    }
    // who held an office is only knowable when the article's date is; «نظيره البحريني» of a minister
    // names a portfolio the knowledge base may not list: only single-holder offices resolve
    if (!TITLE_ONLY_OFFICES.has(office)) continue;
    const holder = doc.dateGiven ? holderOn(c, office, country, doc.date) : undefined;
    if (!holder) continue;
    const b = kbBuilder(holder.person);
    b.confidence = Math.max(b.confidence, 0.6);
    addRole(b, role);
    b.spans.push(span);
    counterpartMentions.push({ pid: b.key, first: h.first, last, sentence: tokens[h.first].sentence, span, via: 'counterpart' });
  }
  mentions.push(...counterpartMentions);

  // titles alone: «الرئيس الروسي» -> the Russian president on the article's date
  const unnamedOfficials = new Set<number>();
  for (const h of idx.all('lex:counterpart')) unnamedOfficials.add(tokens[h.first].sentence);
  for (const t of titles) {
    if (t.nameStart >= 0 && !covered[t.hit.first]) unnamedOfficials.add(tokens[t.hit.first].sentence);
    if (t.nameStart < 0 || !TITLE_ONLY_OFFICES.has(t.role.office)) continue;
    const where = t.role.country ?? t.role.organization;
    if (!where) continue;
    if (covered[t.hit.first]) continue;
    // a name follows after all (handled above) or the title is inside another name
    const holder = doc.dateGiven ? holderOn(c, t.role.office, where, doc.date) : undefined;
    if (!holder) continue;
    const b = kbBuilder(holder.person);
    b.confidence = Math.max(b.confidence, 0.6);
    addRole(b, t.role);
    const span = spanOf(doc, t.first, t.last, t.first === t.hit.first ? t.hit.prefix : 0, 'coref:title');
    b.spans.push(span);
    mentions.push({ pid: b.key, first: t.first, last: t.last, sentence: tokens[t.first].sentence, span, via: 'title' });
  }
  mentions.sort((a, b) => a.first - b.first);

  // ---- assembly ----
  const list = [...builders.values()].filter((b) => b.spans.length > 0);
  for (const b of list) b.spans.sort((x, y) => x.start - y.start);
  list.sort((x, y) => x.spans[0].start - y.spans[0].start);
  const idOf = new Map<string, string>();
  const participants: Participant[] = list.map((b, i) => {
    const id = `p${i + 1}`;
    idOf.set(b.key, id);
    return toParticipant(c, doc, b, id);
  });
  for (const m of mentions) m.pid = idOf.get(m.pid) ?? m.pid;
  return { participants, mentions, blocking, demonymCountries, unnamedOfficials, index: idx };
}

/** A Latin-script name's consonants, word by word, without «al-»/"el" ("ahmed al - jarba" and "ahmad jarba" -> "ahmd jrb"). */
function skeleton(key: string): string | undefined {
  if (!/^[a-z' .-]+$/.test(key)) return undefined;
  const words = key.split(' ').filter((w) => /[a-z]/.test(w) && w !== 'al' && w !== 'el' && w !== 'al-' && w !== 'el-');
  if (words.length < 2) return undefined;
  return words.map((w) => w[0] + w.slice(1).replace(/[aeiouy'.-]/g, '')).join(' ');
}

/** Whether the date falls within a person's years in office, give or take (8 years before, 15 after). */
function nearTenure(p: Person, date: string): boolean {
  const y = Number(date.slice(0, 4));
  return p.roles.some((r) => Number(r.from.slice(0, 4)) - 8 <= y && y <= Number((r.to ?? '9999').slice(0, 4)) + 15);
}

/** A one-word name that is the surname of exactly one known person in office (matching the title, if any). */
function bySurname(c: Compiled, doc: Doc, first: number, last: number, role: TextRole | undefined): number | undefined {
  if (last - first !== 1) return undefined;
  const t = doc.tokens[first];
  const people = c.surnames.get(t.analyses[0].key);
  if (!people) return undefined;
  const fits = people.filter((i) => {
    const p = c.people[i];
    // «المخلوع صالح», "former President Carter": an office that ended before the article
    const roles = role?.former ? p.roles.filter((r) => r.to && r.to < doc.date && nearTenure(p, doc.date)) : activeRoles(p, doc.date);
    return roles.some((r) => !role || ((role.office === 'official' || r.office === role.office) && (!role.country || r.country === role.country)));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** A one-word surname of exactly one known person around his years in office (in office or not), of a country the text names when several fit. */
function leaderBySurname(c: Compiled, doc: Doc, k: number, countries: Set<string>): number | undefined {
  const people = c.surnames.get(doc.tokens[k].analyses[0].key);
  if (!people) return undefined;
  let fits = people.filter((i) => nearTenure(c.people[i], doc.date));
  // several: the one whose country the text names
  if (fits.length > 1) fits = fits.filter((i) => c.people[i].roles.some((r) => r.country && countries.has(r.country)));
  return fits.length === 1 ? fits[0] : undefined;
}

/** «إسماعيل ولد الشيخ»: the leading words (two or more) of exactly one known person's name. */
function byPrefix(c: Compiled, doc: Doc, first: number, last: number, parser: NameParser): number | undefined {
  if (last - first < 2) return undefined;
  // «جان مارك دو لا سابليير» is not Jean-Marc Ayrault: the name must end where the prefix ends
  if (!parser.boundaryAt(last)) return undefined;
  const keys: string[] = [];
  for (let i = first; i < last; i++) if (doc.tokens[i].kind === 'word') keys.push(doc.tokens[i].analyses[0].key);
  const people = c.aliases.get(`prefix:${keys.join(' ')}`);
  return people && people.length === 1 ? people[0] : undefined;
}

/** "Donald Trumps", "Bashar al-Assads": a known name with a possessive s that lost its apostrophe. */
function byPossessive(c: Compiled, doc: Doc, first: number, last: number): number | undefined {
  const t = doc.tokens[last - 1];
  if (t.script !== 'latin' || !t.norm.endsWith('s') || t.norm.length < 4) return undefined;
  const keys: string[] = [];
  for (let i = first; i < last - 1; i++) keys.push(doc.tokens[i].norm);
  keys.push(t.norm.slice(0, -1));
  const people = c.aliases.get(keys.join(' '));
  return people && people.length === 1 ? people[0] : undefined;
}

/** The last mention starting before token `before`, in the same or the previous sentence (mentions sorted). */
function lastMentionBefore(mentions: PersonMention[], before: number, sentence: number): PersonMention | undefined {
  const m = mentions[firstAtOrAfter(mentions, before) - 1];
  return m && sentence - m.sentence <= 1 ? m : undefined;
}

function mentionStarting(mentions: PersonMention[], from: number, to: number): PersonMention | undefined {
  for (let i = firstAtOrAfter(mentions, from); i < mentions.length && mentions[i].first <= to; i++) if (mentions[i].via === 'name') return mentions[i];
  return undefined;
}

interface Builder {
  key: string;
  type: 'person' | 'organization';
  kb?: number;
  org?: number;
  textRoles: TextRole[];
  spans: Span[];
  /** Spans that are names (not titles or counterparts): the display name comes from these. */
  names?: Span[];
  confidence: number;
  firstTok?: number;
  lastTok?: number;
}

/** «الأمير» (Prince) and «أمير» (Emir) share a key once the article is split off: pick by the article. */
function titleEntry(h: Hit, t: Token): LexiconEntry {
  const entries = h.payloads.flatMap((p) => (p.kind === 'lex' ? [p.entry] : []));
  if (entries.length > 1 && t.script === 'ar') {
    const article = t.norm.slice(h.prefix).startsWith('ال') || t.norm.slice(h.prefix).startsWith('ل');
    const fit = entries.find((e) => e.phrases.some((ph) => normalizeString(ph).startsWith('ال') === article));
    if (fit) return fit;
  }
  return entries[0];
}

function addRole(b: Builder, r: TextRole): void {
  // «الملك» and «خادم الحرمين الشريفين» (King of Saudi Arabia) are one role: keep the more specific
  const same = b.textRoles.findIndex((x) => x.office === r.office && (x.country === r.country || !x.country || !r.country) && (x.organization === r.organization || !x.organization || !r.organization));
  if (same < 0) b.textRoles.push({ ...r });
  else if ((!b.textRoles[same].country && r.country) || (!b.textRoles[same].organization && r.organization)) b.textRoles[same] = { ...r };
}

function countryOf(h: Hit): string | undefined {
  for (const p of h.payloads) if (p.kind === 'demonym') return p.country;
  return undefined;
}

function placeCountry(c: Compiled, h: Hit): string | undefined {
  for (const p of h.payloads) if (p.kind === 'place' && c.places[p.place].country) return c.places[p.place].country;
  return undefined;
}

function officeOf(c: Compiled, b: Builder, date: string): string | undefined {
  const strong = b.textRoles.find((r) => r.office !== 'official' && !r.former);
  if (strong) return strong.office;
  if (b.kb !== undefined) {
    const r = activeRoles(c.people[b.kb], date).find((x) => x.office !== 'official');
    if (r) return r.office;
  }
  return undefined;
}

const OFFICE_TITLES: Record<string, string> = {
  'head-of-state': 'President',
  'head-of-government': 'Prime Minister',
  'foreign-minister': 'Foreign Minister',
  'defence-minister': 'Defence Minister',
  'crown-prince': 'Crown Prince',
  'vice-president': 'Vice President',
  'secretary-general': 'Secretary-General',
  ambassador: 'Ambassador',
  envoy: 'Envoy',
  minister: 'Minister',
};
function officeTitle(office: string): string {
  return OFFICE_TITLES[office] ?? office;
}

function nameKey(doc: Doc, first: number, last: number): string {
  const parts: string[] = [];
  for (let i = first; i < last; i++) parts.push(doc.tokens[i].analyses[0].key);
  return parts.join(' ');
}

/** Display name (English when known) and the first name in each language of a knowledge-base entry. */
function displayNames(names: Names, fallback: string): Pick<Participant, 'name' | 'names'> {
  return {
    name: names.en[0] ?? names.ar[0] ?? fallback,
    names: { ...(names.ar[0] ? { ar: names.ar[0] } : {}), ...(names.en[0] ? { en: names.en[0] } : {}) },
  };
}

function toParticipant(c: Compiled, doc: Doc, b: Builder, id: string): Participant {
  const mentions = b.spans.map((s) => ({ start: s.start, end: s.end, text: s.text, ...(s.rule ? { rule: s.rule } : {}) }));
  if (b.type === 'organization') {
    const o = c.organizations[b.org!];
    return {
      id,
      type: 'organization',
      ...displayNames(o.names, o.id),
      kbId: o.id,
      roles: [],
      ...(o.country ? { country: o.country } : {}),
      mentions,
      confidence: b.confidence,
    };
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
    return {
      id,
      type: 'person',
      ...displayNames(p.names, p.id),
      kbId: p.id,
      ...(p.wikidata ? { wikidata: p.wikidata } : {}),
      roles,
      ...(country ? { country } : {}),
      mentions,
      confidence: b.confidence,
    };
  }
  // a name the knowledge base does not know: the longest written form is the display name
  // (a line break inside a wrapped name is a space in the display name)
  const longest = (b.names?.length ? b.names : b.spans).reduce((x, y) => (y.text.length > x.text.length ? y : x)).text.replace(/\s+/g, ' ');
  const country = roles.find((r) => r.country)?.country;
  const lang = /[\u0600-\u06ff]/.test(longest) ? 'ar' : 'en';
  return {
    id,
    type: 'person',
    name: longest,
    names: { [lang]: longest },
    roles,
    ...(country ? { country } : {}),
    mentions,
    confidence: b.confidence,
  };
}
