// GET /v1/kb: which engine and knowledge base answer, and what the knowledge base holds.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProblemError } from '../../errors.js';
import { KnowledgeSchema } from '../../schemas/api.js';
import { problemResponses, V1_PROBLEMS } from '../responses.js';

const kb: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/kb',
    {
      schema: {
        tags: ['operations'],
        operationId: 'knowledgeBase',
        summary: 'Knowledge-base version and contents',
        description:
          'The engine version and the knowledge-base version (a content hash of every file loaded, KB_DIR included) that every extraction carries in `engineVersion`/`kbVersion` and in the x-engine-version / x-kb-version headers, with the files loaded, their item counts and `currentTo`.',
        response: { 200: KnowledgeSchema, ...problemResponses(...V1_PROBLEMS) },
        security: [{}, { bearerAuth: [] }, { apiKeyHeader: [] }],
      },
    },
    async () => {
      const k = app.extraction.knowledge();
      if (!k) throw new ProblemError('not-ready', 'The knowledge base is still loading.');
      return k;
    },
  );
};

export default kb;
