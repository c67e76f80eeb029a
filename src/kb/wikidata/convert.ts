// Converts Wikidata entities (the wbgetentities / JSON-dump format: labels, aliases and
// P39 "position held" with P580 start / P582 end qualifiers) into the people-file format of
// src/kb/data/people/*.json. Positions are mapped to offices through a table (Wikidata
// position id -> office, title, country or organisation); unmapped positions are skipped.
import { PeopleFileSchema, type Person, type Role } from '../schema.js';

export interface PositionMap {
  [qid: string]: { office: Role['office']; title: string; titleAr?: string; country?: string; org?: string };
}

interface Snak {
  datavalue?: { value?: unknown };
}
interface Claim {
  mainsnak?: Snak;
  qualifiers?: Record<string, Snak[]>;
  rank?: string;
}
export interface WikidataEntity {
  id: string;
  type?: string;
  labels?: Record<string, { value: string }>;
  aliases?: Record<string, Array<{ value: string }>>;
  claims?: Record<string, Claim[]>;
}

const GENDER: Record<string, 'm' | 'f'> = { Q6581097: 'm', Q6581072: 'f' };

/** "+2012-05-07T00:00:00Z" with its precision -> "2012-05-07" / "2012-05" / "2012". */
function wikidataDate(snak: Snak | undefined): string | undefined {
  const v = snak?.datavalue?.value as { time?: string; precision?: number } | undefined;
  if (!v?.time) return undefined;
  const m = /^[+]?(\d{4})-(\d{2})-(\d{2})/.exec(v.time);
  if (!m) return undefined;
  const precision = v.precision ?? 11;
  if (precision >= 11 && m[2] !== '00' && m[3] !== '00') return `${m[1]}-${m[2]}-${m[3]}`;
  if (precision >= 10 && m[2] !== '00') return `${m[1]}-${m[2]}`;
  return m[1];
}

function entityId(snak: Snak | undefined): string | undefined {
  const v = snak?.datavalue?.value as { id?: string } | undefined;
  return v?.id;
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Accepts `{ entities: { Q…: {…} } }`, an array of entities, or one entity. */
export function entitiesOf(data: unknown): WikidataEntity[] {
  if (Array.isArray(data)) return data as WikidataEntity[];
  if (data && typeof data === 'object' && 'entities' in data) return Object.values((data as { entities: Record<string, WikidataEntity> }).entities);
  if (data && typeof data === 'object' && 'id' in data) return [data as WikidataEntity];
  throw new Error('expected a Wikidata entity, an array of entities, or { "entities": { … } }');
}

export function convertEntity(e: WikidataEntity, positions: PositionMap): Person | undefined {
  const names = { en: [] as string[], ar: [] as string[] };
  for (const lang of ['en', 'ar'] as const) {
    const label = e.labels?.[lang]?.value;
    if (label) names[lang].push(label);
    for (const a of e.aliases?.[lang] ?? []) if (a.value && !names[lang].includes(a.value)) names[lang].push(a.value);
  }
  if (names.en.length === 0 && names.ar.length === 0) return undefined;
  const roles: Role[] = [];
  for (const claim of e.claims?.P39 ?? []) {
    if (claim.rank === 'deprecated') continue;
    const pos = entityId(claim.mainsnak);
    const mapped = pos ? positions[pos] : undefined;
    if (!mapped) continue;
    const from = wikidataDate(claim.qualifiers?.P580?.[0]);
    if (!from) continue;
    const to = wikidataDate(claim.qualifiers?.P582?.[0]);
    roles.push({ ...mapped, from, ...(to ? { to } : {}) });
  }
  roles.sort((a, b) => a.from.localeCompare(b.from));
  const gender = GENDER[entityId(e.claims?.P21?.[0]?.mainsnak) ?? ''];
  return {
    id: slug(names.en[0] ?? e.id) || e.id.toLowerCase(),
    wikidata: e.id,
    ...(gender ? { gender } : {}),
    names,
    roles,
  };
}

/** A validated people file from Wikidata entities. */
export function convert(data: unknown, positions: PositionMap, source: string, currentTo?: string) {
  const people = entitiesOf(data)
    .map((e) => convertEntity(e, positions))
    .filter((p): p is Person => p !== undefined);
  return PeopleFileSchema.parse({ source, ...(currentTo ? { currentTo } : {}), people });
}
