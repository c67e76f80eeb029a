// One JSON log line per request: request id, method, route, status, duration, text length.
// Never the article text (nor the query string, which can carry a headline) unless LOG_ARTICLE_TEXT.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** Length (UTF-16 code units) of the article text(s) in this request, for the log line. */
    textLength?: number;
    /** Short, non-secret id of the API key used (sha-256 prefix), when API keys are on. */
    apiKeyId?: string;
    /** Problem type of an error response, for the log line. */
    problemType?: string;
  }
}

const SAFE_ID = /^[\w.:@/+=-]{1,128}$/;

/** Honours a well-formed incoming x-request-id (so ids follow a request across services), else a UUID. */
export function genReqId(req: IncomingMessage): string {
  const h = req.headers['x-request-id'];
  const v = Array.isArray(h) ? h[0] : h;
  return v && SAFE_ID.test(v) ? v : randomUUID();
}

/** Paths pino must never print, whatever object ends up in a log line. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'request.headers.authorization',
  'request.headers["x-api-key"]',
];

/** Routes whose requests are logged at debug: liveness, readiness, metrics. */
export const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

export default fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
    app.addHook('onResponse', async (request, reply) => {
      const url = request.url;
      const q = url.indexOf('?');
      // Probes and scrapes come every few seconds (a 503 from /readyz too, while loading): at debug, so they do not drown the requests
      const route = request.routeOptions.url;
      const level = route !== undefined && QUIET_ROUTES.has(route) ? 'debug' : 'info';
      request.log[level](
        {
          method: request.method,
          route: request.routeOptions.url ?? null,
          path: q === -1 ? url : url.slice(0, q),
          status: reply.statusCode,
          durationMs: Math.round(reply.elapsedTime * 100) / 100,
          textLength: request.textLength,
          apiKeyId: request.apiKeyId,
          problem: request.problemType,
        },
        'request completed',
      );
    });
  },
  // the problems plugin's error handlers set request.problemType
  { name: 'request-log', fastify: '5.x', dependencies: ['problems'] },
);
