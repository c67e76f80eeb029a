// Liveness and readiness. Both stay open with API keys on and are never shed under load.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProblemError } from '../errors.js';
import { HealthSchema, ReadinessSchema } from '../schemas/api.js';
import { problemResponses } from './responses.js';

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        operationId: 'health',
        summary: 'Liveness',
        description: 'Answers as long as the process and its event loop are alive (extraction runs in worker threads).',
        response: { 200: HealthSchema },
      },
    },
    async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime() * 1000) / 1000 }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        operationId: 'readiness',
        summary: 'Readiness',
        description: '200 once the knowledge base is loaded and the engine built; 503 (not-ready) until then and while shutting down.',
        response: { 200: ReadinessSchema, ...problemResponses('not-ready') },
      },
    },
    async () => {
      if (!app.extraction.ready) throw new ProblemError('not-ready', 'The knowledge base is still loading.');
      const s = app.extraction.stats();
      return { status: 'ready' as const, mode: s.mode, workers: s.workers, queued: s.queued };
    },
  );
};

export default health;
