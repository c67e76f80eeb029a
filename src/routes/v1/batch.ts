// POST /v1/extract/batch: a JSON array (-> one JSON object with a result per item), or
// application/x-ndjson (-> application/x-ndjson, streamed, in order, constant memory).
// A bad item gets a problem in its result; the others are processed.
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProblemError } from '../../errors.js';
import { checkUtf8Only } from '../../plugins/charset.js';
import { BatchItemResultSchema, BatchRequestSchema, BatchResponseSchema, type BatchItemResult } from '../../schemas/api.js';
import { extractMany, type ExtractManyOptions, values } from '../../service/extract-many.js';
import { splitLines } from '../../service/ndjson.js';
import { problemResponses, V1_PROBLEMS } from '../responses.js';
import { noteText } from './input.js';

export interface BatchRouteOptions {
  bodyLimit: number;
  batchMax: number;
  /** Extractions in flight per batch request. */
  concurrency: number;
  logArticleText: boolean;
}

const isStream = (v: unknown): v is Readable => typeof (v as Readable | null)?.pipe === 'function';

const INSTANCE = '/v1/extract/batch';

/** The first item of `items` (or undefined when there is none), and an iterator over all of them. */
async function peek<T>(items: AsyncIterable<T>): Promise<{ first: T | undefined; all: AsyncIterable<T> }> {
  const it = items[Symbol.asyncIterator]();
  const head = await it.next();
  async function* all(): AsyncGenerator<T> {
    if (head.done) return;
    yield head.value;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { first: head.done ? undefined : head.value, all: all() };
}

const batch: FastifyPluginAsyncZod<BatchRouteOptions> = async (app, opts) => {
  // The NDJSON body is handed over as a stream; lines are read as the results go out.
  // It is UTF-8 (or says so); a line that is not valid UTF-8 gets an error line.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/x-ndjson', (request, payload, done) => {
    try {
      checkUtf8Only(request.headers['content-type'], 'application/x-ndjson');
    } catch (e) {
      return done(e as Error, undefined);
    }
    done(null, payload);
  });

  const options = (request: FastifyRequest, stream: boolean): ExtractManyOptions => ({
    concurrency: opts.concurrency,
    instance: INSTANCE,
    requestId: request.id,
    lineLimit: opts.bodyLimit,
    check: stream,
    ...(stream ? {} : { pointerPrefix: (i: number) => `/${i}` }),
    onInput: (input) => noteText(request, [input.text], opts.logArticleText),
    onUnexpected: (err, index) => request.log.error({ err, index }, 'batch item failed'),
    onOutsideSchema: (issues, index) => request.log.error({ index, issues }, 'batch item outside the response schema'),
  });

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
          ...problemResponses('validation-error', 'malformed-body', 'method-not-allowed', 'body-too-large', 'batch-too-large', 'unsupported-media-type', ...V1_PROBLEMS),
        },
        security: [{}, { bearerAuth: [] }, { apiKeyHeader: [] }],
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (!app.extraction.ready) throw new ProblemError('not-ready', 'The knowledge base is still loading.');
      if (isStream(body)) {
        // An empty body (or only blank lines) is refused like an empty JSON body, before the 200 goes out.
        const { first, all } = await peek(splitLines(body, opts.bodyLimit));
        if (first === undefined) throw new ProblemError('malformed-body', 'The NDJSON body has no articles: send one JSON object per line.');
        const out = extractMany(app.extraction, all, options(request, true));
        const lines = (async function* () {
          for await (const item of out) yield JSON.stringify(item) + '\n';
        })();
        return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines, { objectMode: false, highWaterMark: 16 * 1024 }) as never); // streams bypass the serializer
      }
      const items = body as unknown[];
      if (items.length > opts.batchMax) {
        throw new ProblemError('batch-too-large', `The batch has ${items.length} items; the limit (BATCH_MAX) is ${opts.batchMax}. Split it or stream it as application/x-ndjson.`);
      }
      const results: BatchItemResult[] = [];
      for await (const r of extractMany(app.extraction, values(items), options(request, false))) results.push(r);
      const failed = results.filter((r) => !r.ok).length;
      return reply.type('application/json; charset=utf-8').send({ results, succeeded: results.length - failed, failed });
    },
  );
};

export default batch;
