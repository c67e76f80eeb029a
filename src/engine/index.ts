// The extraction engine: no Fastify imports. createEngine() compiles the knowledge base
// into the matching automaton once; engine.extract() runs the named pipeline stages on
// one article: document -> matching -> entities -> coreference -> events -> assembly.
import type { Extraction, ExtractInput, Location } from '../schemas/extraction.js';
import type { KnowledgeBase } from '../kb/index.js';
import { buildDoc, type Doc } from './doc.js';
import { compile, type Compiled, type Payload } from './compile.js';
import { detectLanguage } from './lang/detect.js';
import type { TrieMatch } from './match/trie.js';
import { findResolutions } from './entities/resolutions.js';
import { resolutionItems } from './entities/resolution-items.js';
import { contextualCandidates, countryContext, placeCandidates, resolvePlaces, type PlaceMention } from './entities/places.js';
import { findActors, type ActorResult } from './entities/actors.js';
import { findMeetings } from './events/meetings.js';
import { filterSpans } from './match/overlaps.js';
import { stopwordSet } from './entities/lexicons.js';

export interface Engine {
  extract(input: ExtractInput): Extraction;
  readonly compiled: Compiled;
}

/** Publication date as YYYY-MM-DD (today, UTC, when absent or unreadable). */
export function articleDate(publishedAt: string | undefined): { date: string; given: boolean } {
  if (publishedAt) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
    if (m) return { date: `${m[1]}-${m[2]}-${m[3]}`, given: true };
    const d = new Date(publishedAt);
    if (!Number.isNaN(d.getTime())) return { date: d.toISOString().slice(0, 10), given: true };
  }
  return { date: new Date().toISOString().slice(0, 10), given: false };
}

export function createEngine(kb: KnowledgeBase): Engine {
  const c = compile(kb);
  const placeStop = stopwordSet(c, 'place-stopwords');
  for (const w of stopwordSet(c, 'stopwords')) placeStop.add(w);
  const commonWords = stopwordSet(c, 'common-words');
  const toponymHeads = stopwordSet(c, 'toponym-heads');
  return {
    compiled: c,
    extract(input: ExtractInput): Extraction {
      const timings: Record<string, number> = {};
      let t = performance.now();
      const lap = (name: string) => {
        const now = performance.now();
        timings[name] = Math.round((now - t) * 1000) / 1000;
        t = now;
      };
      const language = input.language && input.language !== 'auto' ? input.language : detectLanguage(input.text);
      const { date, given } = articleDate(input.publishedAt);
      const doc = buildDoc(input.text, language, date, given, input.debug === true);
      lap('document');
      const matches: TrieMatch<Payload>[] = c.trie.matchAll(doc.tokens);
      lap('match');
      const resolutions = resolutionItems(c, findResolutions(doc, c, matches));
      lap('resolutions');
      const actors: ActorResult = findActors(doc, c, matches);
      lap('actors');
      // places compete with organisation and person names for the same words
      const taken = new Uint8Array(doc.tokens.length);
      for (const s of actors.blocking) for (let k = s.first; k < s.last; k++) taken[k] = 1;
      const context = countryContext(c, matches, actors.demonymCountries);
      // the countries of the people in the story («الجبير» ties it to Saudi Arabia)
      for (const p of actors.participants) if (p.type === 'person' && p.country) context.add(p.country);
      // contextual names («المملكة») after the real names, so «المملكة المتحدة» stays the UK
      const chosen = filterSpans([...placeCandidates(doc, c, matches, placeStop, context, commonWords, toponymHeads), ...contextualCandidates(c, matches, context)], taken);
      const placeMentions = resolvePlaces(doc, c, chosen, actors.demonymCountries);
      const locations = locationItems(placeMentions);
      lap('places');
      const meetings = findMeetings(doc, actors, placeMentions, locations, resolutions);
      lap('meetings');
      const out: Extraction = {
        ...(input.id !== undefined ? { id: input.id } : {}),
        language,
        ...(given ? { publishedAt: date } : {}),
        participants: actors.participants,
        meetings,
        locations: locations.items,
        resolutions,
      };
      if (doc.debug) out.debug = { timings };
      return out;
    },
  };
}

export interface LocationIndex {
  items: Location[];
  /** Gazetteer index -> location item id. */
  idOf: Map<number, string>;
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

export type { Doc };
