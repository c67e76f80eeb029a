// POST /v1/extract: one article as JSON, or the raw text as text/plain.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decodeText } from '../../plugins/charset.js';
import { ExtractQuerySchema, ExtractRequestSchema } from '../../schemas/api.js';
import { ExtractionSchema } from '../../schemas/extraction.js';
import { problemResponses, V1_PROBLEMS } from '../responses.js';
import { noteText, toInput } from './input.js';

export interface ExtractRouteOptions {
  bodyLimit: number;
  logArticleText: boolean;
}

const extract: FastifyPluginAsyncZod<ExtractRouteOptions> = async (app, opts) => {
  // text/plain: the body is the article; the other fields come from the query string.
  app.removeContentTypeParser('text/plain');
  // The body is decoded in its declared charset (UTF-8 by default), never with replacement characters.
  app.addContentTypeParser('text/plain', { parseAs: 'buffer', bodyLimit: opts.bodyLimit }, (request, body, done) => {
    try {
      done(null, { text: decodeText(body as Buffer, request.headers['content-type']) });
    } catch (e) {
      done(e as Error, undefined);
    }
  });

  app.post(
    '/extract',
    {
      bodyLimit: opts.bodyLimit,
      schema: {
        tags: ['extraction'],
        operationId: 'extract',
        summary: 'Extract from one article',
        description:
          'Send the article as JSON (`ExtractRequest`) or as `text/plain` (optional fields as query parameters). ' +
          'Returns the participants, meetings, locations and UN resolutions, each tied to exact offsets in `text`.',
        consumes: ['application/json', 'text/plain'],
        querystring: ExtractQuerySchema,
        body: ExtractRequestSchema,
        response: {
          200: { description: 'The extraction.', content: { 'application/json': { schema: ExtractionSchema } } },
          ...problemResponses('validation-error', 'malformed-body', 'method-not-allowed', 'body-too-large', 'unsupported-media-type', ...V1_PROBLEMS),
        },
        security: [{}, { bearerAuth: [] }, { apiKeyHeader: [] }],
      },
    },
    async (request, reply) => {
      const input = toInput(request.body, request.query);
      noteText(request, [input.text], opts.logArticleText);
      const service = app.extraction;
      if (service.extractJsonBytes) {
        // The same JSON as UTF-8 bytes, moved from the worker: the event loop neither copies nor encodes it
        const u8 = await service.extractJsonBytes(input);
        return reply.type('application/json; charset=utf-8').send(Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength) as never);
      }
      if (service.extractJson) {
        // Checked against ExtractionSchema and serialised in the worker: a JSON string with a
        // JSON content type is sent as it is (Fastify skips the response serializer for it).
        const json = await service.extractJson(input);
        return reply.type('application/json; charset=utf-8').send(json as never); // typed as the schema object
      }
      return service.extract(input);
    },
  );
};

export default extract;
