// Component "places": gazetteer candidates (and contextual names such as «المملكة») outside person
// and organisation names and outside «» titles, one overlap resolution, disambiguation with the story's countries, and
// location items (a governorate and its same-named capital are one place).
import type { Location } from '../../schemas/extraction.js';
import type { Compiled } from '../compile.js';
import type { Doc } from '../doc.js';
import type { Component } from '../pipeline.js';
import { need } from '../pipeline.js';
import type { LocationIndex } from '../doc.js';
import { filterSpans } from '../match/overlaps.js';
import { stopwordSet } from './lexicons.js';
import { contextualCandidates, countryContext, placeCandidates, resolvePlaces, type PlaceMention } from './places.js';

interface PlaceWords {
  stop: Set<string>;
  common: Set<string>;
  heads: Set<string>;
}
const wordsCache = new WeakMap<Compiled, PlaceWords>();
function placeWords(c: Compiled): PlaceWords {
  let w = wordsCache.get(c);
  if (!w) {
    const stop = stopwordSet(c, 'place-stopwords');
    for (const x of stopwordSet(c, 'stopwords')) stop.add(x);
    wordsCache.set(c, (w = { stop, common: stopwordSet(c, 'common-words'), heads: stopwordSet(c, 'toponym-heads') }));
  }
  return w;
}

export const placeComponent: Component = {
  name: 'places',
  requires: ['participants'],
  run(doc, c) {
    const participants = need(doc.ann.participants, 'participants', 'participants');
    const demonyms = doc.ann.demonymCountries ?? new Set<string>();
    const w = placeWords(c);
    // places compete with organisation and person names for the same words
    const taken = new Uint8Array(doc.tokens.length);
    for (const s of doc.ann.blocking ?? []) for (let k = s.first; k < s.last; k++) taken[k] = 1;
    // «مسقط رأس» (birthplace) is not Muscat: fixed phrases that hold a place's name (lexicon place-idioms)
    for (const h of doc.index.all('lex:place-idioms')) for (let k = h.first; k < h.last; k++) taken[k] = 1;
    const context = countryContext(c, doc.matches, demonyms);
    // the countries of the people in the story («الجبير» ties it to Saudi Arabia)
    for (const p of participants) if (p.type === 'person' && p.country) context.add(p.country);
    // contextual names («المملكة») after the real names, so «المملكة المتحدة» stays the UK
    const candidates = [...placeCandidates(doc, c, doc.matches, w.stop, context, w.common, w.heads), ...contextualCandidates(c, doc.matches, context)].filter((m) => !guillemetTitle(doc, m.first, m.last));
    const chosen = filterSpans(candidates, taken);
    const mentions = resolvePlaces(doc, c, chosen, demonyms);
    doc.ann.placeMentions = mentions;
    doc.ann.locations = locationItems(mentions);
  },
};

/**
 * «الشرق الأوسط» in guillemets is the newspaper, «رينو» the company, «سيفاستوبول» a ship: the Arabic
 * press sets the names of media, firms, ships and works between «», and a place's own name alone
 * between them is such a title, not the place.
 */
function guillemetTitle(doc: Doc, first: number, last: number): boolean {
  return doc.text[doc.tokens[first].start - 1] === '«' && doc.text[doc.tokens[last - 1].end] === '»';
}

function locationItems(mentions: PlaceMention[]): LocationIndex {
  // «محافظة عدن» and «عدن» in one story: a governorate and its capital of the same name are one place
  // to a news reader (and to the annotation guidelines), reported as the town with every mention
  const towns = new Map<string, PlaceMention['place']>();
  for (const m of mentions) if (m.place.type === 'city') towns.set(`${m.place.countryCode}|${m.place.nameEn}`, m.place);
  const canonical = (p: PlaceMention['place']) => {
    if (p.type !== 'region' || towns.size === 0) return p;
    const base = p.nameEn.replace(REGION_SUFFIX, '');
    return (base !== p.nameEn && towns.get(`${p.countryCode}|${base}`)) || p;
  };
  const byPlace = new Map<number, Location>();
  const idOf = new Map<number, string>();
  for (const m of mentions) {
    const p = canonical(m.place);
    let item = byPlace.get(p.index);
    if (!item) {
      item = {
        id: `l${byPlace.size + 1}`,
        name: p.nameEn,
        names: { ...(p.nameAr ? { ar: p.nameAr } : {}), en: p.nameEn },
        type: p.type,
        ...(p.countryCode ? { countryCode: p.countryCode } : {}),
        ...(p.id > 0 ? { geonamesId: p.id } : {}),
        coordinates: { lat: p.lat, lon: p.lon },
        mentions: [],
      };
      byPlace.set(p.index, item);
    }
    item.mentions.push(m.span);
    idOf.set(m.place.index, item.id);
  }
  return { items: [...byPlace.values()], idOf };
}
/** "Aden Governorate", "Idlib Province": the name of the town the region is named after. */
const REGION_SUFFIX = / (Governorate|Province|Region|Emirate|Municipality)$/;
