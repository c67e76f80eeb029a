// Decorates the app with the extraction service. Loading starts when the app is ready
// (so /healthz answers at once and /readyz says 503 until the knowledge base is in);
// server.ts awaits `app.extraction.start()` and exits when it fails. Closing the app
// lets extractions in flight finish, then stops the workers.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ExtractionService } from '../service/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    extraction: ExtractionService;
  }
}

export interface ExtractionPluginOptions {
  service: ExtractionService;
  /** Start loading when the app is ready (default true). */
  autoStart?: boolean;
}

export default fp<ExtractionPluginOptions>(
  async (app: FastifyInstance, opts) => {
    app.decorate('extraction', opts.service);
    if (opts.autoStart !== false) {
      app.addHook('onReady', async () => {
        opts.service.start().catch((err: unknown) => app.log.error({ err }, 'knowledge base / engine failed to load'));
      });
    }
    app.addHook('onClose', async () => {
      await opts.service.close();
    });
  },
  { name: 'extraction', fastify: '5.x' },
);
