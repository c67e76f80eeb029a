// The job queue's producer: POST /v1/jobs queues articles (202 with their job ids),
// GET /v1/jobs/{id} answers a job's state and result, GET /v1/jobs?state= lists a state.
// Without REDIS_URL every one of them answers 503 queue-disabled.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemError } from '../../errors.js';
import type { JobQueue } from '../../queue/producer.js';
import { EnqueuedSchema, JobIdSchema, JobListQuerySchema, JobListSchema, JobStatusSchema } from '../../schemas/jobs.js';
import { problemResponses } from '../responses.js';

export interface JobsRouteOptions {
  bodyLimit: number;
  batchMax: number;
}

const QUEUE_PROBLEMS = ['queue-disabled', 'queue-unavailable'] as const;

function queueOf(app: FastifyInstance): JobQueue {
  if (!app.jobs) throw new ProblemError('queue-disabled', 'The job queue is off: start the server with REDIS_URL=redis://host:6379 and run `npm run worker` with the same REDIS_URL.');
  return app.jobs;
}

/** Redis not answering (or refusing) is a 503 with Retry-After, never a 500. */
async function onRedis<T>(log: FastifyBaseLogger, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    if (err instanceof ProblemError) throw err;
    log.warn({ reason: err instanceof Error ? err.message : String(err) }, 'queue: Redis did not answer');
    throw new ProblemError('queue-unavailable', "The job queue's Redis did not answer.");
  }
}

const jobs: FastifyPluginAsyncZod<JobsRouteOptions> = async (app, opts) => {
  app.post(
    '/jobs',
    {
      bodyLimit: opts.bodyLimit,
      // each article is checked by the worker that takes its job (a bad one fails its job with the API's problem)
      validatorCompiler:
        ({ httpPart }) =>
        (data) => {
          if (httpPart !== 'body' || Array.isArray(data)) return { value: data };
          return { error: new ProblemError('validation-error', 'The body must be a JSON array of articles.', [{ pointer: '', message: 'expected an array', code: 'invalid_type' }]) };
        },
      schema: {
        tags: ['jobs'],
        operationId: 'enqueueJobs',
        summary: 'Queue articles as jobs',
        description:
          'A JSON array of articles (the items of POST /v1/extract/batch, at most BATCH_MAX) -> 202 with one job per article. Workers (`npm run worker`) extract them; ' +
          'GET /v1/jobs/{id} answers the result. Job ids come from the article ids (or a hash of the article), so an article queued twice is processed once. ' +
          'A bad article fails its job with the problem POST /v1/extract would answer; a crash or a time-out is retried (QUEUE_ATTEMPTS, exponential backoff).',
        body: z.array(z.unknown()).describe('Articles (ExtractRequest), each checked when its job runs.'),
        response: {
          202: { description: 'Queued.', content: { 'application/json': { schema: EnqueuedSchema } } },
          ...problemResponses('validation-error', 'malformed-body', 'body-too-large', 'batch-too-large', 'unsupported-media-type', ...QUEUE_PROBLEMS, 'unauthorized', 'rate-limited', 'internal-error', 'overloaded'),
        },
        security: [{}, { bearerAuth: [] }, { apiKeyHeader: [] }],
      },
    },
    async (request, reply) => {
      const queue = queueOf(app);
      const items = request.body as unknown[];
      if (items.length === 0) throw new ProblemError('validation-error', 'The array has no articles.', [{ pointer: '', message: 'expected at least one article', code: 'too_small' }]);
      if (items.length > opts.batchMax) throw new ProblemError('batch-too-large', `The request has ${items.length} articles; the limit (BATCH_MAX) is ${opts.batchMax}. Split it, or use \`diplomatic-news enqueue\` for an archive.`);
      const ids = await onRedis(request.log, () => queue.enqueue(items.map((article) => ({ article }))));
      return reply.code(202).send({ jobs: ids.map((id, index) => ({ id, index })) });
    },
  );

  app.get(
    '/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        operationId: 'getJob',
        summary: "A job's state and result",
        description: 'The job POST /v1/jobs answered (or `diplomatic-news enqueue` queued): its state, how many times it was started, and its result when completed (the extraction POST /v1/extract answers) or its problem when failed.',
        params: z.strictObject({ id: JobIdSchema }),
        response: {
          200: { description: 'The job.', content: { 'application/json': { schema: JobStatusSchema } } },
          ...problemResponses('validation-error', 'not-found', ...QUEUE_PROBLEMS, 'unauthorized', 'rate-limited', 'internal-error', 'overloaded'),
        },
        security: [{}, { bearerAuth: [] }, { apiKeyHeader: [] }],
      },
    },
    async (request) => {
      const queue = queueOf(app);
      const job = await onRedis(request.log, () => queue.get(request.params.id));
      if (!job) throw new ProblemError('not-found', `No job ${request.params.id} in the queue.`);
      return job;
    },
  );

  app.get(
    '/jobs',
    {
      schema: {
        tags: ['jobs'],
        operationId: 'listJobs',
        summary: 'Jobs in one state',
        description: 'E.g. `?state=failed`: the jobs that failed for good, oldest first, with their problems; `diplomatic-news requeue` moves them back to the queue.',
        querystring: JobListQuerySchema,
        response: {
          200: { description: 'The jobs.', content: { 'application/json': { schema: JobListSchema } } },
          ...problemResponses('validation-error', ...QUEUE_PROBLEMS, 'unauthorized', 'rate-limited', 'internal-error', 'overloaded'),
        },
        security: [{}, { bearerAuth: [] }, { apiKeyHeader: [] }],
      },
    },
    async (request) => {
      const queue = queueOf(app);
      const { state, offset, limit } = request.query;
      const { jobs: list, total } = await onRedis(request.log, () => queue.list(state, offset, limit));
      return { state, total, offset, limit, jobs: list };
    },
  );
};

export default jobs;
