// Decorates the app with the extraction service. Loading starts when the app is ready
// (so /healthz answers at once and /readyz says 503 until the knowledge base is in);
// server.ts awaits `app.extraction.start()` and exits when it fails. Closing the app
// lets extractions in flight finish, then stops the workers.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ExtractionService, KnowledgeInfo } from '../service/index.js';
import { ENGINE_VERSION } from '../service/versions.js';

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
    // Every response says which engine and knowledge base answer (the knowledge-base version once it is loaded).
    app.addHook('onSend', async (_request, reply) => {
      reply.header('x-engine-version', ENGINE_VERSION);
      const kb = opts.service.knowledge()?.kbVersion;
      if (kb) reply.header('x-kb-version', kb);
    });
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

/** The start-up log line's fields: what knowledge was loaded (built-in, KB_DIR files merged, counts, versions). */
export function knowledgeLogFields(k: KnowledgeInfo | undefined, kbDir: string | undefined): Record<string, unknown> {
  if (!k) return {};
  const extra = k.files.filter((f) => f.origin === 'extra');
  return {
    engineVersion: k.engineVersion,
    kbVersion: k.kbVersion,
    currentTo: k.currentTo,
    builtInFiles: k.files.length - extra.length,
    kbDir: kbDir ?? null,
    kbDirFiles: extra.map((f) => `${f.file} (${f.kind}, ${f.items})`),
    counts: k.counts,
  };
}
