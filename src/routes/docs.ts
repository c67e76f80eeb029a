// GET /openapi.json (byte-for-byte openapi/openapi.json) and GET /problems/{code}.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PROBLEMS, ProblemError, problemTypeUri, type ProblemCode } from '../errors.js';
import { ProblemTypeSchema } from '../schemas/api.js';
import { problemResponses } from './responses.js';

const docs: FastifyPluginAsyncZod = async (app) => {
  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type('application/json; charset=utf-8').send(app.openapiDocument());
  });

  app.get(
    '/problems/:code',
    {
      schema: {
        tags: ['operations'],
        operationId: 'problemType',
        summary: 'Describe a problem type',
        description: 'The `type` of every problem response resolves here.',
        params: z.object({ code: z.string().describe('Problem code, e.g. "validation-error".') }),
        response: { 200: ProblemTypeSchema, ...problemResponses('not-found') },
      },
    },
    async (request) => {
      const code = request.params.code as ProblemCode;
      if (!Object.hasOwn(PROBLEMS, code)) throw new ProblemError('not-found', `No problem type "${request.params.code}".`);
      const p = PROBLEMS[code];
      return { type: problemTypeUri(code), title: p.title, status: p.status, description: p.description };
    },
  );
};

export default docs;
