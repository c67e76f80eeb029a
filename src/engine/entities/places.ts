// Places: gazetteer matches (countries, cities, regions, waters) disambiguated with the
// article's country context, capital status, feature type and population.
import type { Doc, Span } from '../doc.js';
import { spanOf } from '../doc.js';
import type { Compiled, GazPlace, Payload } from '../compile.js';
import type { TrieMatch } from '../match/trie.js';
import type { Token } from '../text/tokenize.js';

export interface PlaceMention {
  place: GazPlace;
  first: number;
  last: number;
  span: Span;
}

/** English words that may be lower case inside a capitalised place name. */


/** An English match must look like a name in the original text. */
export function looksLikeName(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k < last; k++) {
    const t: Token = doc.tokens[k];
    if (t.kind !== 'word') continue;
    if (t.cap) continue;
    // "eastern Ghouta", "east Jerusalem": a direction before a capitalised name; "the Gulf", "the Hague":
    // a gazetteer name that starts with the article (the match holds it only when the name does)
    if (k === first && last - first > 1 && (doc.words.directions.has(t) || t.norm === 'the')) continue;
    if (k > first && doc.words.placeConnectors.has(t)) continue;
    return false;
  }
  return true;
}

/** All-capital abbreviations ("US", "UK") must be written in capitals: "us" is a pronoun. */
function caseOk(doc: Doc, first: number, last: number): boolean {
  if (last - first !== 1) return true;
  const t = doc.tokens[first];
  const raw = doc.text.slice(t.start, t.end);
  if (t.norm.length <= 3) return raw === raw.toUpperCase();
  return true;
}

export interface PlaceCandidate {
  first: number;
  last: number;
  prefix: number;
  places: number[];
}

/** The Arab League's members: Arabic is their language (town names carry the article, people's names are not transliterated). */
export const ARAB_STATES: ReadonlySet<string> = new Set(['AE', 'BH', 'DZ', 'EG', 'IQ', 'JO', 'KM', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SO', 'SY', 'TN', 'YE', 'DJ']);
/** Countries whose towns Arabic news names routinely (the Arab world and its neighbours). */
const NEAR_ARABIC = new Set([...ARAB_STATES, 'IR', 'TR', 'IL', 'EH', 'SS', 'ER', 'ET']);

/** «في كان», «بكان», «إلى مدينة كان»: the word is used as a place. */
function locative(doc: Doc, k: number, prefix: number): boolean {
  if (prefix > 0) {
    const c0 = doc.norm[doc.tokens[k].normStart + prefix - 1];
    if (c0 === 'ب' || c0 === 'ل') return true;
  }
  const prev = doc.tokens[k - 1];
  return !!prev && (doc.words.placeLocatives.hasNorm(prev.analyses[prev.analyses.length > 1 ? 1 : 0].key) || doc.words.placeLocatives.has(prev));
}

/** «في عدن ولحج وأبين»: a word with «و» glued on right after another place's name — a list of places, under the locative that opens it. */
function listedPlace(doc: Doc, k: number, prefix: number): boolean {
  if (prefix !== 1 || !doc.tokens[k].norm.startsWith('و')) return false;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) if (doc.index.at('place', j)?.last === k) return true;
  return false;
}

/** Whether the proclitics (`prefix` code units) of token k end in «ب» ('in', 'at'): «بصور», «بمدينة». */
export function gluedBa(doc: Doc, k: number, prefix: number): boolean {
  return prefix > 0 && doc.norm[doc.tokens[k].normStart + prefix - 1] === 'ب';
}

/** «بصور», «مدينة صور»: the narrow contexts that make an everyday word a place («في جوهر الموضوع» is not). */
function strictLocative(doc: Doc, k: number, prefix: number): boolean {
  if (prefix > 0) return gluedBa(doc, k, prefix);
  const prev = doc.tokens[k - 1];
  return !!prev && doc.words.placeNouns.hasNorm(prev.analyses[prev.analyses.length > 1 ? 1 : 0].key);
}

/** Countries named in the article (by name or demonym): the context for towns. */
export function countryContext(c: Compiled, matches: TrieMatch<Payload>[], demonyms: Set<string>): Set<string> {
  const out = new Set(demonyms);
  for (const m of matches) {
    // only unambiguous names: «عمان» (Oman or Amman) says nothing about the context
    let code: string | undefined;
    let single = true;
    for (const p of m.payloads) {
      if (p.kind !== 'place') continue;
      const cc = c.places[p.place].country ?? `city:${c.places[p.place].countryCode ?? ''}`;
      if (code === undefined) code = cc;
      else if (code !== cc) single = false;
    }
    if (code && single && !code.startsWith('city:')) out.add(code);
  }
  return out;
}

/** «المملكة» in a Saudi story: words that name a country only when it is already evident. */
export function contextualCandidates(c: Compiled, matches: TrieMatch<Payload>[], context: Set<string>): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const m of matches) {
    for (const p of m.payloads) {
      if (p.kind !== 'lex' || p.lexicon !== 'contextual-places') continue;
      const code = String(p.entry.country ?? '');
      const place = c.countryPlace.get(code);
      if (place !== undefined && context.has(code)) out.push({ first: m.first, last: m.last, prefix: m.analysis.prefix, places: [place] });
    }
  }
  return out;
}

/** Place candidates from the trie matches (before overlap resolution). */
export function placeCandidates(doc: Doc, c: Compiled, matches: TrieMatch<Payload>[], stop: Set<string>, context: Set<string>, common: Set<string>, heads: Set<string>): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  const dateWords = new Set<number>();
  for (const m of matches) {
    if (m.last - m.first !== 1 || m.analysis.prefix !== 0) continue;
    for (const p of m.payloads) if (p.kind === 'lex' && p.lexicon === 'dates') { dateWords.add(m.first); break; }
  }
  for (const m of matches) {
    // (most matches name no place: look before allocating)
    let anyPlace = false;
    for (const p of m.payloads) if (p.kind === 'place') { anyPlace = true; break; }
    if (!anyPlace) continue;
    const ids: number[] = [];
    for (const p of m.payloads) if (p.kind === 'place' && !ids.includes(p.place)) ids.push(p.place);
    const latin = doc.tokens[m.first].script === 'latin';
    if (latin && (!looksLikeName(doc, m.first, m.last) || !caseOk(doc, m.first, m.last))) continue;
    // "Burlington Industries", "Morgan Stanley Group": a place's name inside a firm's is no place
    if (latin && doc.tokens[m.last]?.cap && doc.words.orgDesignators.has(doc.tokens[m.last])) continue;
    // "Kafr Batna", «كفر بطنا»: the tail of an unknown village is not the town it shares a word with
    const before = doc.tokens[m.first - 1];
    if (m.analysis.prefix === 0 && before && before.kind === 'word' && before.script === doc.tokens[m.first].script && heads.has(before.norm) && (!latin || before.cap)) continue;
    const single = m.last - m.first === 1;
    const t = doc.tokens[m.first];
    // «آب» (August), «الثلاثاء»: dates are not places
    if (single && dateWords.has(m.first)) continue;
    // «كبيرة» is not ك + «بيرة»: only ب ل و ف split off a one-word place
    if (single && m.analysis.prefix > 0 && /ك$/.test(m.analysis.clitics)) continue;
    if (single && (stop.has(m.analysis.key) || stop.has(t.analyses[0].key) || stop.has(t.norm))) continue;
    // «وكيل» (an agent) is a word of its own, not و + «كيل» (Kiel)
    if (single && m.analysis.prefix > 0 && !latin && (common.has(t.norm) || common.has(t.analyses[0].key))) continue;
    // a single word that only names small towns is more likely a common word
    if (single) {
      let allSmall = true;
      for (const i of ids) {
        const p = c.places[i];
        if (!(p.type === 'city' && !p.capital && !p.venue && p.population < (latin ? 20_000 : 5_000))) { allSmall = false; break; }
      }
      if (allSmall) continue;
    }
    // Arabic: a foreign town far from the story, named by one word, needs a locative («في كان»);
    // so does any town whose name is an everyday word («في صور» but not «صور» = pictures)
    // English: a capitalised word that only names a small town abroad is more likely a name ("Nigel")
    const kept = !single ? ids : latin ? englishSingle(doc, c, m, ids, context) : arabicSingle(doc, c, m, ids, context, common);
    if (kept.length === 0) continue;
    // "in the Gulf": the place is "Gulf", the lower-case article stays outside the mention
    const first = latin && !single && doc.tokens[m.first].norm === 'the' && !doc.tokens[m.first].cap ? m.first + 1 : m.first;
    out.push({ first, last: m.last, prefix: first === m.first ? m.analysis.prefix : 0, places: kept });
  }
  return out;
}

/** The places a one-word Arabic match may name («المالي» is not Mali, «بقوله» is not Kavala, «في كان» is Cannes). */
function arabicSingle(doc: Doc, c: Compiled, m: TrieMatch<Payload>, ids: number[], context: Set<string>, common: Set<string>): number[] {
  const t = doc.tokens[m.first];
  const everyday = common.has(t.analyses[0].key) || common.has(t.norm) || common.has(m.analysis.key);
  return ids.filter((i) => {
    const p = c.places[i];
    // «المالي» (the financial) is not «مالي» (Mali): the article only where the name has it
    // (outside the Arab states too: «الأوديسا», «الصفوي» are not towns; Arab towns keep «ال» that
    // their gazetteer name may lack: «اللاذقية», «المنصورة»)
    if (m.analysis.article && !p.arArticle && (p.country || !p.countryCode || !ARAB_STATES.has(p.countryCode))) return false;
    // «إلى حد بعيد», «من صور»: for everyday words only «في» or a glued «ب» says "place"
    // (and a town abroad spelled like an everyday word needs to be large: «بقوله» is "by his saying", not Kavala)
    if (everyday && !p.country) return strictLocative(doc, m.first, m.analysis.prefix) && (p.population >= 500_000 || (!!p.countryCode && (NEAR_ARABIC.has(p.countryCode) || context.has(p.countryCode))));
    // a small foreign town far from the story: too likely a word spelled like it («بيانه»)
    if (p.type === 'city' && !p.capital && !p.venue && p.population < 50_000 && !(p.countryCode && (NEAR_ARABIC.has(p.countryCode) || context.has(p.countryCode)))) return false;
    // a province named by one bare word («باي» in «بأي») needs a locative too
    if (p.type === 'region' && p.countryCode) return locative(doc, m.first, m.analysis.prefix) || listedPlace(doc, m.first, m.analysis.prefix);
    if (p.type !== 'city' || p.capital || p.venue || p.population >= 1_000_000) return true;
    if (p.countryCode && NEAR_ARABIC.has(p.countryCode)) return p.population >= 20_000 || locative(doc, m.first, m.analysis.prefix);
    // a foreign town named in Arabic letters is often a surname («ويلسون», «إيفانز»): large ones, or a locative
    if (p.countryCode && context.has(p.countryCode)) return p.population >= 200_000 || locative(doc, m.first, m.analysis.prefix);
    return locative(doc, m.first, m.analysis.prefix);
  });
}

/** The places a one-word English match may name: a town that is also a first name ("Nancy") needs "in", "at", "to", "from" before it. */
function englishSingle(doc: Doc, c: Compiled, m: TrieMatch<Payload>, ids: number[], context: Set<string>): number[] {
  const personal = m.payloads.some((p) => p.kind === 'given' || p.kind === 'person');
  const prev = doc.tokens[m.first - 1];
  const placed = doc.words.placeLocatives.has(prev);
  // "ICA", "ICO" (the coffee agreement and organisation): a short capitalised acronym names a country ("UAE") or nothing
  const t = doc.tokens[m.first];
  const raw = doc.text.slice(t.start, t.end);
  const acronym = m.last - m.first === 1 && raw.length <= 3 && raw === raw.toUpperCase() && /[A-Z]/.test(raw);
  return ids.filter((i) => {
    const p = c.places[i];
    if (acronym && !p.country && p.type !== 'territory') return false;
    if (personal && p.type === 'city' && !p.capital && p.population < 150_000 && !placed) return false;
    return p.type !== 'city' || p.capital || p.venue || p.population >= 100_000 || (p.countryCode !== undefined && context.has(p.countryCode));
  });
}


/** Chooses one place per mention, using countries already evident in the article. */
export function resolvePlaces(doc: Doc, c: Compiled, chosen: PlaceCandidate[], demonymCountries: Set<string>): PlaceMention[] {
  const context = new Set<string>(demonymCountries);
  // countries named without ambiguity (by name or demonym)
  const strict = new Set<string>(demonymCountries);
  for (const cand of chosen) {
    for (const i of cand.places) {
      const p = c.places[i];
      if (p.country && cand.places.length === 1) {
        context.add(p.country);
        strict.add(p.country);
      }
    }
  }
  const out: PlaceMention[] = [];
  for (const cand of chosen) {
    let best: GazPlace | undefined;
    let bestScore = -Infinity;
    for (const i of cand.places) {
      const p = c.places[i];
      let score = Math.log10(p.population + 10) * 10;
      if (p.country) score += 1000;
      // seas, territories and named regions (the Middle East) outrank towns; a province does not
      // outrank the town it is named after («عدن»)
      else if (p.type === 'water' || p.type === 'territory' || (p.type === 'region' && !p.countryCode)) score += 200;
      else if (p.type === 'region') score += 5;
      if (p.capital) score += 60;
      // the story's countries favour their places, but not a village over a world city of the same
      // name (the United States is named in most stories; «باريس» is not Paris, Texas)
      if (p.countryCode && context.has(p.countryCode) && (p.type !== 'city' || p.capital || p.population >= 50_000)) score += 100;
      // «عمان»: the country Oman, or Amman when the story is about Jordan and Oman is not named otherwise
      if (p.country && cand.places.length > 1 && !strict.has(p.country)) {
        const rival = cand.places.some((j) => j !== i && c.places[j].capital && c.places[j].countryCode && strict.has(c.places[j].countryCode!));
        if (rival) score -= 1000;
      }
      if (score > bestScore || (score === bestScore && best && p.id < best.id)) {
        best = p;
        bestScore = score;
      }
    }
    if (!best) continue;
    out.push({ place: best, first: cand.first, last: cand.last, span: spanOf(doc, cand.first, cand.last, cand.prefix, `place:gazetteer:${best.type}`) });
  }
  return out;
}
