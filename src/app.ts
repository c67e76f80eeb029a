// buildApp(): the whole HTTP service without a socket, so tests can `inject`.
// server.ts adds the logger destination, listens and shuts down with grace.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Config, defaultConfig } from './config.js';
import extraction from './plugins/extraction.js';
import graceful from './plugins/graceful.js';
import jobs from './plugins/jobs.js';
import metrics from './plugins/metrics.js';
import problems from './plugins/problems.js';
import requestLog, { genReqId, REDACT_PATHS } from './plugins/request-log.js';
import security from './plugins/security.js';
import strictJson from './plugins/strict-json.js';
import swagger from './plugins/swagger.js';
import docs from './routes/docs.js';
import health from './routes/health.js';
import playground from './routes/playground.js';
import v1 from './routes/v1/index.js';
import { createExtractionService, type ExtractionService } from './service/index.js';

export interface BuildAppOptions {
  config?: Config;
  /** Defaults to the service the configuration asks for (worker pool, or in-process with WORKERS=0). */
  service?: ExtractionService;
  /** Start loading the knowledge base when the app is ready (default true). */
  autoStart?: boolean;
  /** pino options or instance; default: JSON at LOG_LEVEL on stdout. false = silent. */
  logger?: FastifyServerOptions['logger'];
  /** Where the default logger writes (tests capture log lines with it). */
  logStream?: { write(line: string): unknown };
}

export function loggerOptions(config: Config): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Only what is safe to log: never bodies, never query strings, never auth headers.
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({ method: req.method, path: req.url?.split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

// (Fastify types these factories for ajv and fast-json-stringify; the zod compilers fit at run time)
const ZOD_COMPILERS = { buildValidator: () => validatorCompiler, buildSerializer: () => serializerCompiler } as unknown as NonNullable<
  FastifyServerOptions['schemaController']
>['compilersFactory'];

export async function buildApp(options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const config = options.config ?? defaultConfig();
  const app = Fastify({
    logger: options.logger ?? { ...loggerOptions(config), ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: config.BODY_LIMIT,
    genReqId,
    // request-log.ts writes the one line per request
    logController: new Fastify.LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    trustProxy: config.TRUST_PROXY,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    // zod validates and serialises every route: Fastify's default compilers (ajv and
    // fast-json-stringify, ~0.1 s to load at start-up) are never built
    schemaController: { compilersFactory: ZOD_COMPILERS },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(problems, { retryAfterSeconds: config.RETRY_AFTER_SECONDS });
  await app.register(requestLog);
  await app.register(strictJson);
  await app.register(graceful);
  await app.register(security, { corsOrigins: config.CORS_ORIGINS });
  await app.register(extraction, { service: options.service ?? createExtractionService(config), autoStart: options.autoStart });
  await app.register(jobs, { redisUrl: config.REDIS_URL, name: config.QUEUE_NAME, attempts: config.QUEUE_ATTEMPTS, backoffMs: config.QUEUE_BACKOFF_MS, keepCompleted: config.QUEUE_KEEP_COMPLETED });
  await app.register(swagger);
  await app.register(metrics, { token: config.METRICS_TOKEN });

  await app.register(health);
  await app.register(docs);
  await app.register(playground);
  await app.register(v1, { prefix: '/v1', config });

  return app;
}
