// Security headers (helmet) everywhere; CORS only when CORS_ORIGINS is set.
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface SecurityOptions {
  corsOrigins: string[];
}

export default fp<SecurityOptions>(
  async (app: FastifyInstance, opts) => {
    await app.register(helmet, {
      // Swagger UI (/docs) sets its own CSP (staticCSP); the API itself only serves JSON.
      contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      global: true,
    });
    if (opts.corsOrigins.length > 0) {
      await app.register(cors, {
        origin: opts.corsOrigins.includes('*') ? '*' : opts.corsOrigins,
        methods: ['GET', 'POST'],
        allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-request-id'],
        exposedHeaders: ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
        maxAge: 600,
      });
    }
  },
  { name: 'security', fastify: '5.x' },
);
