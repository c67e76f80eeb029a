// Decorates the app with the job queue's producer when REDIS_URL is set (`app.jobs`, else
// undefined: the job routes answer 503 queue-disabled). Closing the app closes its connection.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { JobQueue } from '../queue/producer.js';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobQueue | undefined;
  }
}

export interface JobsPluginOptions {
  redisUrl?: string;
  name: string;
  attempts: number;
  backoffMs: number;
  keepCompleted?: number;
}

export default fp<JobsPluginOptions>(
  async (app: FastifyInstance, opts) => {
    // bullmq and ioredis are loaded only when the queue is on (about a quarter of the API's start-up imports otherwise)
    const jobs = opts.redisUrl ? new (await import('../queue/producer.js')).JobQueue({ redisUrl: opts.redisUrl, name: opts.name, attempts: opts.attempts, backoffMs: opts.backoffMs, keepCompleted: opts.keepCompleted }) : undefined;
    app.decorate('jobs', jobs);
    app.addHook('onClose', async () => {
      await jobs?.close();
    });
  },
  { name: 'jobs', fastify: '5.x' },
);
