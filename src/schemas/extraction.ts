// The response contract (see ../shared/DESIGN.md). The scorer reads these field names:
// add fields where users need them, never rename these.
import { z } from 'zod';

export const MentionSchema = z
  .object({
    start: z.number().int().nonnegative().describe('UTF-16 code-unit offset of the first character in the submitted text.'),
    end: z.number().int().nonnegative().describe('UTF-16 code-unit offset just past the last character (text.slice(start, end) === mention.text).'),
    text: z.string().describe('The mention exactly as it appears in the submitted text.'),
    rule: z.string().optional().describe('Which rule or list produced this mention (only with debug=true).'),
  })
  .describe('A span of the submitted text.').meta({ id: 'Mention' });

export const NamesOutSchema = z
  .object({
    ar: z.string().optional().describe('Arabic name.'),
    en: z.string().optional().describe('English name.'),
    source: z
      .literal('transliteration')
      .optional()
      .describe('Set when `en` is not written in the article nor held by the knowledge base but romanised from the Arabic name, in the conventions of the English-language press (a guess at the spelling, not a fact).'),
  })
  .describe('Display names per language.').meta({ id: 'Names' });

export const RoleOutSchema = z
  .object({
    title: z.string().describe('Title, in English where known (e.g. "Foreign Minister", "President").'),
    titleText: z.string().optional().describe('The title as written in the article, when it comes from the text.'),
    office: z.string().optional().describe('Normalised office: head-of-state, head-of-government, foreign-minister, …'),
    country: z.string().optional().describe('ISO 3166-1 alpha-2 code of the country the role belongs to.'),
    organization: z.string().optional().describe('Organisation the role belongs to (e.g. UN, ARAB-LEAGUE).'),
    source: z.enum(['text', 'knowledge-base']).describe('Whether the role was read in the article or taken from the knowledge base for the publication date.'),
  })
  .describe('A role a participant holds.').meta({ id: 'Role' });

export const ParticipantSchema = z
  .object({
    id: z.string().describe('Identifier within this response (p1, p2, …).'),
    type: z.enum(['person', 'state', 'organization']).describe('Kind of actor.'),
    name: z.string().describe('Canonical display name, English when known.'),
    names: NamesOutSchema,
    kbId: z.string().optional().describe('Knowledge-base identifier, when the actor is known.'),
    wikidata: z.string().optional().describe('Wikidata item id, when known with certainty.'),
    roles: z.array(RoleOutSchema).describe('Roles from the text and from the knowledge base.'),
    country: z.string().optional().describe('ISO 3166-1 alpha-2 code of the country the actor belongs to.'),
    mentions: z.array(MentionSchema).describe('Every mention in the text, in order.'),
    confidence: z.number().min(0).max(1).describe('Probability that the participant is right (persons: from the learned participant scorer).'),
    reasons: z.array(z.string()).optional().describe('The features that weighed most in the confidence, signed (only with debug=true).'),
  })
  .describe('A person, state or organisation taking part in the events of the article.').meta({ id: 'Participant' });

export const MeetingSchema = z
  .object({
    id: z.string().describe('Identifier within this response (m1, m2, …).'),
    type: z
      .enum(['meeting', 'talks', 'call', 'visit', 'summit', 'reception', 'press-conference', 'negotiations'])
      .describe('Kind of encounter.'),
    status: z.enum(['held', 'planned']).describe('Whether the encounter happened (or is happening) or is planned/proposed.'),
    participantIds: z.array(z.string()).describe('Ids of the participants who took part.'),
    locationIds: z.array(z.string()).describe('Ids of the locations where it took place.'),
    date: z
      .object({
        value: z.string().describe('ISO 8601 date (YYYY-MM-DD, or YYYY-MM / YYYY with coarser precision).'),
        text: z.string().optional().describe('The date expression as written.'),
        precision: z.enum(['day', 'month', 'year', 'week']).describe('Precision of the value.'),
        source: z
          .enum(['text', 'context', 'publication'])
          .optional()
          .describe('Where the date comes from: a date phrase in the sentence that tells the encounter (text), one elsewhere in the article (context), or publishedAt alone (publication: no date phrase, no text).'),
      })
      .optional()
      .describe('When it took place, resolved against publishedAt.'),
    duration: z
      .object({
        minutes: z.number().describe('Duration in minutes.'),
        text: z.string().describe('The duration as written.'),
      })
      .optional()
      .describe('How long it lasted.'),
    topics: z.array(z.string()).describe('What was discussed (country names, resolutions, themes).'),
    evidence: z.array(MentionSchema).describe('Sentences or clauses that describe the encounter.'),
    confidence: z.number().min(0).max(1).describe('Probability that the meeting is right, from the learned meeting scorer.'),
    reasons: z.array(z.string()).optional().describe('The features that weighed most in the confidence, signed, then those that chose its place ("+place:in-sentence:locative"; only with debug=true).'),
  })
  .describe('An encounter between participants: who met whom, where, when, how long, about what.').meta({ id: 'Meeting' });

export const LocationSchema = z
  .object({
    id: z.string().describe('Identifier within this response (l1, l2, …).'),
    name: z.string().describe('Display name, English when known.'),
    names: NamesOutSchema,
    type: z.enum(['country', 'territory', 'region', 'city', 'water', 'facility', 'area']).describe('Kind of place.'),
    countryCode: z.string().optional().describe('ISO 3166-1 alpha-2 code of the country the place is in.'),
    geonamesId: z.number().int().optional().describe('GeoNames id, when the place has one.'),
    coordinates: z
      .object({ lat: z.number().describe('Latitude (WGS84).'), lon: z.number().describe('Longitude (WGS84).') })
      .optional()
      .describe('Representative point.'),
    mentions: z.array(MentionSchema).describe('Every mention in the text, in order.'),
  })
  .describe('A geographic place named in the article.').meta({ id: 'Location' });

export const ResolutionSchema = z
  .object({
    id: z.string().describe('Identifier within this response (r1, r2, …).'),
    body: z.enum(['UNSC', 'UNGA', 'HRC', 'other']).describe('The UN organ that adopted the resolution.'),
    number: z.number().int().describe('Resolution number (for A/RES/67/19: 19).'),
    session: z.string().optional().describe('Session for General Assembly / Human Rights Council resolutions (A/RES/67/19 -> "67", A/RES/ES-10/19 -> "ES-10").'),
    year: z.number().int().optional().describe('Year of adoption, when known.'),
    symbol: z.string().optional().describe('UN document symbol, e.g. "S/RES/2254 (2015)".'),
    topic: z.string().optional().describe('Short topic for well-known resolutions.'),
    mentions: z.array(MentionSchema).describe('Every citation in the text, in order.'),
  })
  .describe('A UN resolution cited in the article.').meta({ id: 'Resolution' });

export const ExtractionSchema = z
  .object({
    id: z.string().optional().describe('The id sent with the article, echoed.'),
    language: z.enum(['ar', 'en']).describe('Language of the article (detected unless given).'),
    publishedAt: z.string().optional().describe('Publication date used to resolve relative dates and roles.'),
    participants: z.array(ParticipantSchema).describe('People, states and organisations taking part, in order of first mention.'),
    meetings: z.array(MeetingSchema).describe('Encounters between participants, in order of first mention.'),
    locations: z.array(LocationSchema).describe('Places named in the article, in order of first mention.'),
    resolutions: z.array(ResolutionSchema).describe('UN resolutions cited, in order of first mention.'),
    engineVersion: z.string().optional().describe('Version of the engine that made this extraction (also in the x-engine-version header).'),
    kbVersion: z
      .string()
      .optional()
      .describe('Content hash of the knowledge base it was made with, KB_DIR included (also in the x-kb-version header; GET /v1/kb lists what it covers). Re-run stored results whose kbVersion differs after a knowledge update.'),
    debug: z
      .object({ timings: z.record(z.string(), z.number()).describe('Milliseconds per pipeline stage.') })
      .optional()
      .describe('Diagnostics, only with debug=true.'),
  })
  .describe('Everything extracted from one article.').meta({ id: 'Extraction' });

export type Mention = z.infer<typeof MentionSchema>;
export type Participant = z.infer<typeof ParticipantSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type Resolution = z.infer<typeof ResolutionSchema>;
export type Extraction = z.infer<typeof ExtractionSchema>;

/** What the engine takes (already validated by the request schema). */
export interface ExtractInput {
  text: string;
  title?: string;
  publishedAt?: string;
  language?: 'ar' | 'en' | 'auto';
  id?: string;
  debug?: boolean;
}
