// The /v1 scope: API keys, rate limits and load shedding apply here and only here
// (health, readiness and docs stay open and are never shed).
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import { ProblemError } from '../../errors.js';
import auth from '../../plugins/auth.js';
import batch from './batch.js';
import extract from './extract.js';
import jobs from './jobs.js';
import kb from './kb.js';

export interface V1Options {
  config: Config;
}

const v1: FastifyPluginAsync<V1Options> = async (app, { config }) => {
  await app.register(auth, { keys: config.API_KEYS });

  if (config.RATE_LIMIT_PER_MINUTE > 0) {
    await app.register(rateLimit, {
      max: config.RATE_LIMIT_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: (request) => (request.apiKeyId ? `key:${request.apiKeyId}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) =>
        new ProblemError('rate-limited', `More than ${context.max} requests per minute; retry in ${context.after}.`, undefined, Math.ceil(context.ttl / 1000)),
    });
  }

  const maxRss = config.MAX_RSS_BYTES;
  if (config.MAX_EVENT_LOOP_DELAY_MS > 0 || maxRss) {
    await app.register(underPressure, {
      maxEventLoopDelay: config.MAX_EVENT_LOOP_DELAY_MS,
      ...(maxRss ? { maxRssBytes: maxRss } : {}),
      retryAfter: config.RETRY_AFTER_SECONDS,
      exposeStatusRoute: false,
    });
  }

  // Shed before the body is read and parsed: when the extraction queue is already full, a
  // 256 KiB article would only be buffered to be refused (the service checks again per task).
  app.addHook('onRequest', async () => {
    const { queued } = app.extraction.stats();
    if (queued >= config.MAX_QUEUE) throw new ProblemError('overloaded', `${queued} extractions are already waiting for a worker.`);
  });

  const logArticleText = config.LOG_ARTICLE_TEXT;
  await app.register(extract, { bodyLimit: config.BODY_LIMIT, logArticleText });
  await app.register(kb);
  await app.register(jobs, { bodyLimit: config.BODY_LIMIT, batchMax: config.BATCH_MAX });
  await app.register(batch, {
    bodyLimit: config.BODY_LIMIT,
    batchMax: config.BATCH_MAX,
    concurrency: Math.max(2, config.WORKERS * 2),
    logArticleText,
  });
};

export default v1;
