// Plugins that rely on another declare it (fastify-plugin `dependencies`): registered alone,
// or before what they rely on, they stop the app at start-up with the missing plugin named.
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import auth from '../../src/plugins/auth.js';
import extraction from '../../src/plugins/extraction.js';
import jobs from '../../src/plugins/jobs.js';
import metrics from '../../src/plugins/metrics.js';
import problems from '../../src/plugins/problems.js';
import requestLog from '../../src/plugins/request-log.js';
import { fakeService } from './helpers.js';

describe('plugin dependencies', () => {
  it.each([
    ['auth', () => Fastify().register(auth, { keys: ['k-0123456789abcdef'] }), /request-log/],
    ['request-log', () => Fastify().register(requestLog), /problems/],
    ['metrics', () => Fastify().register(problems, { retryAfterSeconds: 1 }).register(metrics, {}), /extraction/],
  ])('%s without what it relies on fails to start, naming it', async (_name, build, missing) => {
    const app = build();
    await expect(app.ready()).rejects.toThrow(missing);
  });

  it('in order, they start', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app
      .register(problems, { retryAfterSeconds: 1 })
      .register(requestLog)
      .register(auth, { keys: [] })
      .register(extraction, { service: fakeService(), autoStart: false })
      .register(jobs, { name: 'extract', attempts: 1, backoffMs: 1 }) // the queue off (no REDIS_URL); metrics relies on it since the queue merge
      .register(metrics, {});
    await app.ready();
    await app.close();
  });
});
