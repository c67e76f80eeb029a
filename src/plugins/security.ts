// Security headers everywhere; CORS only when CORS_ORIGINS is set.
// The headers are helmet's (the `helmet` package, the Express and Fastify standard), computed once
// per configuration at start-up: helmet's Fastify plugin rebuilds its middleware, CSP directives
// parsed and validated again, on every request (3 % of the event loop's busy time under load). They
// are static for us (no nonces, no per-request directives), so a route gets the same headers as a
// list of pairs set in one synchronous hook. A route may replace parts of the configuration with
// its `securityHeaders` option (the playground's page has its own CSP); Swagger UI (/docs) sets its own CSP.
import type { ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityOptions {
  corsOrigins: string[];
}

declare module 'fastify' {
  interface RouteShorthandOptions {
    /** Helmet options merged over the global ones for this route. */
    securityHeaders?: HelmetOptions;
  }
  interface FastifyContextConfig {
    /** The route's header pairs, computed when the route is added. */
    securityHeaderPairs?: ReadonlyArray<readonly [string, string]>;
  }
}

/** The API only serves JSON: nothing may load from it, nothing may frame it. */
export const GLOBAL_HELMET: HelmetOptions = { contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } };

/** The headers helmet's middleware sets for `options`, in the order it sets them (it throws on an invalid option, at start-up). */
export function helmetHeaders(options: HelmetOptions): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [];
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      pairs.push([name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)]);
      return res;
    },
    removeHeader() {},
  };
  helmet(options)({} as never, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return pairs;
}

export default fp<SecurityOptions>(
  async (app: FastifyInstance, opts) => {
    const global = helmetHeaders(GLOBAL_HELMET);
    app.addHook('onRoute', (route) => {
      if (route.securityHeaders) route.config = { ...route.config, securityHeaderPairs: helmetHeaders({ ...GLOBAL_HELMET, ...route.securityHeaders } as HelmetOptions) };
    });
    app.addHook('onRequest', (request, reply, done) => {
      const pairs = request.routeOptions.config?.securityHeaderPairs ?? global;
      const raw = reply.raw;
      for (let i = 0; i < pairs.length; i++) raw.setHeader(pairs[i][0], pairs[i][1]);
      done();
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
