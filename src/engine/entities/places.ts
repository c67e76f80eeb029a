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
const EN_CONNECTORS = new Set(['of', 'the', 'and', 'de', 'al', 'el', 'du', 'la', 'le', 'on', 'upon', 'da', 'do', 'dos', 'das', 'an', 'ad', 'as', 'es', '-', "'", '.']);

/** An English match must look like a name in the original text. */
export function looksLikeName(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k < last; k++) {
    const t: Token = doc.tokens[k];
    if (t.kind !== 'word') continue;
    if (t.cap) continue;
    if (k > first && EN_CONNECTORS.has(t.norm)) continue;
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

/** Place candidates from the trie matches (before overlap resolution). */
export function placeCandidates(doc: Doc, c: Compiled, matches: TrieMatch<Payload>[], stop: Set<string>): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const m of matches) {
    const ids: number[] = [];
    for (const p of m.payloads) if (p.kind === 'place' && !ids.includes(p.place)) ids.push(p.place);
    if (ids.length === 0) continue;
    const latin = doc.tokens[m.first].script === 'latin';
    if (latin && (!looksLikeName(doc, m.first, m.last) || !caseOk(doc, m.first, m.last))) continue;
    if (m.last - m.first === 1 && stop.has(m.analysis.key)) continue;
    // a single word that only names small towns is more likely a common word
    const best = ids.map((i) => c.places[i]);
    if (m.last - m.first === 1 && best.every((p) => p.type === 'city' && !p.capital && p.population < (latin ? 20_000 : 5_000))) continue;
    out.push({ first: m.first, last: m.last, prefix: m.analysis.prefix, places: ids });
  }
  return out;
}

/** Chooses one place per mention, using countries already evident in the article. */
export function resolvePlaces(doc: Doc, c: Compiled, chosen: PlaceCandidate[], demonymCountries: Set<string>): PlaceMention[] {
  const context = new Set<string>(demonymCountries);
  for (const cand of chosen) {
    for (const i of cand.places) {
      const p = c.places[i];
      if (p.country && cand.places.length === 1) context.add(p.country);
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
      else if (p.type === 'territory' || p.type === 'region' || p.type === 'water') score += 200;
      if (p.capital) score += 60;
      if (p.countryCode && context.has(p.countryCode)) score += 100;
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
