// Request, problem, batch and health schemas: with src/schemas/extraction.ts, the single
// source of validation, serialisation, TypeScript types and the OpenAPI document.
import { z } from 'zod';
import { ExtractionSchema } from './extraction.js';

/** A short example in the style of a wire story (written for this project, not copied from one). */
export const EXAMPLE_AR =
  'التقى وزير الخارجية الأمريكي مايك بومبيو الرئيس الروسي فلاديمير بوتين في سوتشي مساء أمس الثلاثاء، ' +
  'وبحث الجانبان الأزمة السورية وتطبيق قرار مجلس الأمن الدولي رقم 2254 خلال محادثات استمرت نحو ساعتين.';

const nonBlank = (s: string) => /\S/u.test(s);

export const LanguageSchema = z
  .enum(['ar', 'en', 'auto'])
  .describe('Language of the article; "auto" (the default) detects it.');

/** What a bad publishedAt is told (zod's own message for a failed union is only "Invalid input"). */
export const PUBLISHED_AT_FORMATS = 'expected a date YYYY-MM-DD (e.g. 2019-05-15) or an ISO 8601 date-time with a time zone (e.g. 2019-05-15T09:30:00Z or 2019-05-15T09:30:00+03:00)';

export const PublishedAtSchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: PUBLISHED_AT_FORMATS })
  .describe('Publication date (YYYY-MM-DD or an ISO 8601 date-time with offset); relative dates such as «أمس الثلاثاء» are resolved against it.');

// Strict objects: an unknown field (a misspelt "published_at") is a 400 naming it, not silently dropped.
export const ExtractRequestSchema = z
  .strictObject({
    text: z
      .string()
      .min(1, 'must not be empty')
      .refine(nonBlank, 'must contain at least one non-whitespace character')
      .describe('The article text. Offsets in the response are UTF-16 code-unit indices into exactly this string.'),
    title: z.string().max(10_000).optional().describe('Headline, if separate from the text (used as context, not offset into).'),
    publishedAt: PublishedAtSchema.optional(),
    language: LanguageSchema.optional(),
    id: z.string().max(512).optional().describe('Your identifier for the article, echoed in the response.'),
    debug: z
      .boolean()
      .optional()
      .describe('When true, the engine adds `debug` (timings per stage) to the response and a `rule` to every mention, naming what produced it.'),
  })
  .meta({
    id: 'ExtractRequest',
    description: 'One article to extract from.',
    examples: [{ text: EXAMPLE_AR, publishedAt: '2019-05-15', language: 'ar', id: 'example-1' }],
  });

/** For text/plain bodies: the optional fields as query parameters. */
export const ExtractQuerySchema = z
  .strictObject({
    title: z.string().max(10_000).optional().describe('Headline (text/plain bodies only; a JSON body carries it as a field).'),
    publishedAt: PublishedAtSchema.optional(),
    language: LanguageSchema.optional(),
    id: z.string().max(512).optional().describe('Your identifier for the article, echoed in the response.'),
    debug: z.enum(['true', 'false']).optional().describe('"true" adds diagnostics and mention rules to the response.'),
  })
  .describe('Optional article fields for text/plain bodies.');

export const FieldErrorSchema = z
  .object({
    pointer: z.string().describe('JSON Pointer (RFC 6901) to the offending field, e.g. "/text" or "/3/publishedAt"; "" for the whole body.'),
    message: z.string().describe('What is wrong with it.'),
    code: z.string().describe('Machine-readable reason (zod issue code, e.g. "invalid_type", "too_small").'),
  })
  .meta({ id: 'FieldError', description: 'One offending field of an invalid request.' });

export const ProblemSchema = z
  .object({
    type: z.string().describe('URI reference identifying the problem type (e.g. "/problems/validation-error"); GET it for a description.'),
    title: z.string().describe('Short, human-readable summary of the problem type.'),
    status: z.number().int().describe('HTTP status code.'),
    detail: z.string().describe('Human-readable explanation of this occurrence.'),
    instance: z.string().optional().describe('The request path this problem occurred on.'),
    requestId: z.string().optional().describe('Request id (also in the x-request-id header and the server log).'),
    errors: z.array(FieldErrorSchema).optional().describe('For validation errors: every offending field.'),
  })
  .meta({ id: 'Problem', description: 'An error, as RFC 9457 problem details (media type application/problem+json).' });

export const BatchRequestSchema = z
  .array(ExtractRequestSchema)
  .meta({
    id: 'BatchRequest',
    description: 'Articles to extract from (at most BATCH_MAX, default 100). Each item is validated on its own: a bad item gets a problem in its result, the others are processed.',
  });

export const BatchItemSuccessSchema = z
  .object({
    index: z.number().int().nonnegative().describe('Position of the article in the request (0-based; for NDJSON, the line number among non-blank lines).'),
    line: z.number().int().positive().optional().describe('For NDJSON: the 1-based physical line number of the article (blank lines counted).'),
    id: z.string().optional().describe('The id sent with the article, when there was one.'),
    ok: z.literal(true).describe('The article was processed.'),
    result: ExtractionSchema,
  })
  .meta({ id: 'BatchItemSuccess', description: 'The extraction for one article of a batch.' });

export const BatchItemFailureSchema = z
  .object({
    index: z.number().int().nonnegative().describe('Position of the article in the request (0-based; for NDJSON, the line number among non-blank lines).'),
    line: z.number().int().positive().optional().describe('For NDJSON: the 1-based physical line number of the article (blank lines counted).'),
    id: z.string().optional().describe('The id sent with the article, when it could be read.'),
    ok: z.literal(false).describe('The article could not be processed.'),
    error: ProblemSchema,
  })
  .meta({ id: 'BatchItemFailure', description: 'Why one article of a batch could not be processed.' });

export const BatchItemResultSchema = z
  .discriminatedUnion('ok', [BatchItemSuccessSchema, BatchItemFailureSchema])
  .meta({ id: 'BatchItemResult', description: 'The outcome for one article; `ok` tells which. In NDJSON responses, one per line, in request order.' });

export const BatchResponseSchema = z
  .object({
    results: z.array(BatchItemResultSchema).describe('One result per article, in request order.'),
    succeeded: z.number().int().nonnegative().describe('How many articles were processed.'),
    failed: z.number().int().nonnegative().describe('How many articles failed.'),
  })
  .meta({ id: 'BatchResponse', description: 'Results of a JSON batch.' });

export const HealthSchema = z
  .object({
    status: z.literal('ok').describe('Always "ok" when the process answers.'),
    uptimeSeconds: z.number().describe('Seconds since the process started.'),
  })
  .meta({ id: 'Health', description: 'Liveness: the process is up and its event loop answers.' });

export const ReadinessSchema = z
  .object({
    status: z.literal('ready').describe('The knowledge base is loaded and extractions are accepted.'),
    mode: z.enum(['workers', 'in-process']).describe('Whether extraction runs in worker threads or on the main thread.'),
    workers: z.number().int().nonnegative().describe('Worker threads in the pool (0 in in-process mode).'),
    queued: z.number().int().nonnegative().describe('Extractions waiting for a worker.'),
  })
  .meta({ id: 'Readiness', description: 'Readiness: the service accepts extractions.' });

export const KnowledgeSchema = z
  .object({
    engineVersion: z.string().describe('Version of the engine.'),
    kbVersion: z.string().describe('Content hash of everything loaded ("kb-" + 16 hex digits of SHA-256 over each file\'s origin, path and bytes), KB_DIR included.'),
    currentTo: z.string().optional().describe('Latest date up to which the people files are kept current (their `currentTo`).'),
    loadMs: z.number().describe('Milliseconds it took to load and validate the files.'),
    counts: z.record(z.string(), z.number().int()).describe('Items per kind of file, all files together (people, organizations, countries, places, resolutions, given-names, lexicon).'),
    files: z
      .array(
        z.object({
          file: z.string().describe('Path of the file, relative to the working directory.'),
          kind: z.string().describe('What it holds.'),
          items: z.number().int().describe('Items in the file.'),
          source: z.string().describe('Where its data comes from, as the file says.'),
          origin: z.enum(['built-in', 'extra']).describe('Part of the built-in knowledge base, or of KB_DIR.'),
        }),
      )
      .describe('Every file loaded, in load order (built-in first, then KB_DIR).'),
  })
  .meta({ id: 'KnowledgeBase', description: 'What the engine was built from.' });

export const ProblemTypeSchema = z
  .object({
    type: z.string().describe('The problem type URI.'),
    title: z.string().describe('Short summary.'),
    status: z.number().int().describe('HTTP status it comes with.'),
    description: z.string().describe('What it means and what to do about it.'),
  })
  .meta({ id: 'ProblemType', description: 'Documentation of one problem type.' });

export type ExtractRequest = z.infer<typeof ExtractRequestSchema>;
export type BatchItemResult = z.infer<typeof BatchItemResultSchema>;
export type ProblemBody = z.infer<typeof ProblemSchema>;
