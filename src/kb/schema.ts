// zod schemas of the knowledge-base files under src/kb/data/ (and of the extra files a
// deployment drops into KB_DIR). Every file names where its facts come from (`source`).
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const iso2 = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code');

/** Names per language: the first is the display name, the rest are aliases/spellings. */
export const NamesSchema = z.object({
  en: z.array(z.string().min(1)).default([]),
  ar: z.array(z.string().min(1)).default([]),
  fr: z.array(z.string().min(1)).optional(),
});

/** Offices the engine reasons about (counterparts, "the Russian president" -> holder). */
export const OFFICES = [
  'head-of-state', // president, king, emir, sultan ... (title says which)
  'vice-president',
  'crown-prince',
  'head-of-government', // prime minister, chancellor, premier
  'deputy-prime-minister',
  'foreign-minister',
  'defence-minister',
  'minister', // any other minister (title names the portfolio)
  'supreme-leader',
  'speaker', // head of parliament
  'secretary-general', // of an organisation
  'envoy', // UN or national special envoy
  'high-representative',
  'ambassador',
  'spokesperson',
  'official', // anything else
] as const;
export const OfficeSchema = z.enum(OFFICES);

export const RoleSchema = z.object({
  office: OfficeSchema,
  /** English display title, e.g. "Secretary of State", "King", "UN Special Envoy for Syria". */
  title: z.string().min(1),
  /** Arabic display title, e.g. «وزير الخارجية». */
  titleAr: z.string().optional(),
  country: iso2.optional(),
  /** Organisation id (see organizations.json), e.g. "UN", "ARAB-LEAGUE". */
  org: z.string().optional(),
  from: isoDate,
  /** null/absent: still in office at the time the file was written. */
  to: isoDate.nullable().optional(),
});

export const PersonSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  wikidata: z.string().regex(/^Q\d+$/).optional(),
  gender: z.enum(['m', 'f']).optional(),
  names: NamesSchema,
  roles: z.array(RoleSchema).default([]),
});

export const PeopleFileSchema = z.object({
  source: z.string().min(1),
  currentTo: isoDate.optional(),
  people: z.array(PersonSchema),
});

export const OrganizationSchema = z.object({
  id: z.string().regex(/^[A-Z0-9-]+$/),
  /** "organization" for bodies (UN, Arab League); "group" for armed or political movements. */
  kind: z.enum(['organization', 'group']).default('organization'),
  names: NamesSchema,
  /** Country the body belongs to, for national bodies (e.g. a parliament). */
  country: iso2.optional(),
});

export const OrganizationsFileSchema = z.object({
  source: z.string().min(1),
  organizations: z.array(OrganizationSchema),
});

export const CountrySchema = z.object({
  code: iso2,
  geonamesId: z.number().int().optional(),
  /** country | territory */
  type: z.enum(['country', 'territory']).default('country'),
  names: NamesSchema,
  /** Demonyms/adjectives (not place mentions): en "Russian", "Russians"; ar «روسي», «روسية», «روس», «روسيا» not here. */
  demonyms: z.object({ en: z.array(z.string()).default([]), ar: z.array(z.string()).default([]) }),
  capitalGeonamesId: z.number().int().optional(),
  lat: z.number(),
  lon: z.number(),
  population: z.number().optional(),
});

export const CountriesFileSchema = z.object({
  source: z.string().min(1),
  countries: z.array(CountrySchema),
});

export const PLACE_TYPES = ['country', 'territory', 'region', 'city', 'water', 'facility', 'area'] as const;

export const PlaceSchema = z.object({
  /** GeoNames id, or a negative id for hand-added places without one. */
  id: z.number().int(),
  type: z.enum(PLACE_TYPES),
  countryCode: iso2.optional(),
  lat: z.number(),
  lon: z.number(),
  population: z.number().default(0),
  capital: z.boolean().optional(),
  /** Named in international news far beyond its size (summit venues: Davos, Evian): the small-town filters let it through. */
  venue: z.boolean().optional(),
  names: NamesSchema,
});

export const PlacesFileSchema = z.object({
  source: z.string().min(1),
  places: z.array(PlaceSchema),
});

export const ResolutionFactsFileSchema = z.object({
  source: z.string().min(1),
  /** Number of the first Security Council resolution adopted in each year. */
  unscFirstByYear: z.record(z.string().regex(/^\d{4}$/), z.number().int().positive()),
  /** Short topics of well-known resolutions: keys "242" (UNSC) or "UNGA:194". */
  topics: z.record(
    z.string(),
    z.object({ body: z.enum(['UNSC', 'UNGA', 'HRC']).optional(), year: z.number().int().optional(), topic: z.string(), topicAr: z.string().optional() }),
  ),
});

export const GivenNamesFileSchema = z.object({
  source: z.string().min(1),
  ar: z.array(z.string()).default([]),
  en: z.array(z.string()).default([]),
  arAmbiguous: z.array(z.string()).default([]),
  enAmbiguous: z.array(z.string()).default([]),
});

/** A lexicon (titles, triggers, honorifics …): phrases plus attributes the engine reads. */
export const LexiconEntrySchema = z.object({ phrases: z.array(z.string().min(1)).min(1) }).catchall(z.unknown());
export const LexiconFileSchema = z.object({
  source: z.string().min(1),
  lexicon: z.string().regex(/^[a-z-]+$/),
  lang: z.enum(['ar', 'en']),
  description: z.string().optional(),
  /** A word set: single words consulted as a set (compiled with the text's normaliser and tokenizer), not matched as phrases. */
  set: z.boolean().optional(),
  entries: z.array(LexiconEntrySchema),
});

export type ResolutionFacts = z.infer<typeof ResolutionFactsFileSchema>;
export type LexiconFile = z.infer<typeof LexiconFileSchema>;
export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;
export type Names = z.infer<typeof NamesSchema>;
export type Office = z.infer<typeof OfficeSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type Country = z.infer<typeof CountrySchema>;
export type Place = z.infer<typeof PlaceSchema>;
