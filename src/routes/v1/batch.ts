// POST /v1/extract/batch: a JSON array (-> one JSON object with a result per item), or
// application/x-ndjson (-> application/x-ndjson, streamed, in order, constant memory).
// A bad item gets a problem in its result; the others are processed.
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProblemError, toPointer, type FieldError } from '../../errors.js';
import { loggableError, toProblem } from '../../plugins/problems.js';
import { parseStrictJson } from '../../plugins/strict-json.js';
import { BatchItemResultSchema, BatchRequestSchema, BatchResponseSchema, ExtractRequestSchema, type BatchItemResult } from '../../schemas/api.js';
import { problemResponses, V1_PROBLEMS } from '../responses.js';
import { noteText, toInput } from './input.js';
import { mapLimit, mapOrdered, splitLines } from './ndjson.js';

export interface BatchRouteOptions {
  bodyLimit: number;
  batchMax: number;
  /** Extractions in flight per batch request. */
  concurrency: number;
  logArticleText: boolean;
}

const isStream = (v: unknown): v is Readable => typeof (v as Readable | null)?.pipe === 'function';

function invalidItem(issues: { path: PropertyKey[]; message: string; code: string }[]): ProblemError {
  const errors: FieldError[] = issues.map((i) => ({ pointer: toPointer(i.path), message: i.message, code: i.code }));
  return new ProblemError('validation-error', `The article is invalid: ${errors.map((e) => `${e.pointer || '(root)'}: ${e.message}`).join('; ')}`, errors);
}

const batch: FastifyPluginAsyncZod<BatchRouteOptions> = async (app, opts) => {
  // The NDJSON body is handed over as a stream; lines are read as the results go out.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/x-ndjson', (_request, payload, done) => done(null, payload));

  async function one(request: FastifyRequest, raw: unknown, index: number, pointerPrefix: string): Promise<BatchItemResult> {
    const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    const base = id === undefined ? { index } : { index, id };
    try {
      const parsed = ExtractRequestSchema.safeParse(raw);
      if (!parsed.success) throw invalidItem(parsed.error.issues);
      const input = toInput(parsed.data);
      noteText(request, [input.text], opts.logArticleText);
      const result = await app.extraction.extract(input);
      return { ...base, ok: true, result };
    } catch (err) {
      const mapped = toProblem(err, request.id, '/v1/extract/batch', pointerPrefix);
      if (mapped.unexpected) request.log.error({ err: loggableError(err), index }, 'batch item failed');
      return { ...base, ok: false, error: mapped.problem };
    }
  }

  app.post(
    '/extract/batch',
    {
      bodyLimit: opts.bodyLimit,
      // Items are validated one by one in the handler (a bad item must not fail the batch):
      // here only the shape of the whole body is checked.
      validatorCompiler:
        ({ httpPart }) =>
        (data) => {
          if (httpPart !== 'body' || Array.isArray(data) || isStream(data)) return { value: data };
          return { error: new ProblemError('validation-error', 'The body must be a JSON array of articles.', [{ pointer: '', message: 'expected an array', code: 'invalid_type' }]) };
        },
      schema: {
        tags: ['extraction'],
        operationId: 'extractBatch',
        summary: 'Extract from many articles',
        description:
          '`application/json`: an array of at most BATCH_MAX (default 100) articles -> `BatchResponse`. ' +
          '`application/x-ndjson`: one article per line, any number of lines -> one `BatchItemResult` per line, streamed in request order. ' +
          'A bad item gets `ok: false` and a problem; the others are processed.',
        consumes: ['application/json', 'application/x-ndjson'],
        body: BatchRequestSchema,
        response: {
          200: {
            description: 'One result per article.',
            content: {
              'application/json': { schema: BatchResponseSchema },
              'application/x-ndjson': { schema: BatchItemResultSchema },
            },
          },
          ...problemResponses('validation-error', 'malformed-body', 'body-too-large', 'batch-too-large', 'unsupported-media-type', ...V1_PROBLEMS),
        },
        security: [{}, { bearerAuth: [] }, { apiKeyHeader: [] }],
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (!app.extraction.ready) throw new ProblemError('not-ready', 'The knowledge base is still loading.');
      if (isStream(body)) {
        const lines = splitLines(body, opts.bodyLimit);
        const out = mapOrdered(lines, opts.concurrency, async (line, index) => {
          let item: BatchItemResult;
          if (line.kind === 'too-long') {
            const p = toProblem(new ProblemError('body-too-large', `Line ${index} has ${line.bytes} bytes, more than BODY_LIMIT (${opts.bodyLimit}).`), request.id, '/v1/extract/batch');
            item = { index, ok: false, error: p.problem };
          } else {
            let raw: unknown;
            try {
              raw = parseStrictJson(line.text, `Line ${index}`);
            } catch (e) {
              const err = e instanceof ProblemError ? e : new ProblemError('malformed-body', `Line ${index} is not valid JSON.`);
              const p = toProblem(err, request.id, '/v1/extract/batch');
              return JSON.stringify({ index, ok: false, error: p.problem }) + '\n';
            }
            item = await one(request, raw, index, '');
          }
          // Streams bypass the response serializer: hold each line to the same schema here.
          const checked = BatchItemResultSchema.safeParse(item);
          if (!checked.success) {
            request.log.error({ index, issues: checked.error.issues.map((i) => ({ path: i.path, code: i.code })) }, 'batch item outside the response schema');
            item = { index, ok: false, error: toProblem(new Error('response schema'), request.id, '/v1/extract/batch').problem };
          }
          return JSON.stringify(item) + '\n';
        });
        return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(out, { objectMode: false, highWaterMark: 16 * 1024 }) as never); // streams bypass the serializer
      }
      const items = body as unknown[];
      if (items.length > opts.batchMax) {
        throw new ProblemError('batch-too-large', `The batch has ${items.length} items; the limit (BATCH_MAX) is ${opts.batchMax}. Split it or stream it as application/x-ndjson.`);
      }
      const results = await mapLimit(items, opts.concurrency, (raw, i) => one(request, raw, i, `/${i}`));
      const failed = results.filter((r) => !r.ok).length;
      return reply.type('application/json; charset=utf-8').send({ results, succeeded: results.length - failed, failed });
    },
  );
};

export default batch;
