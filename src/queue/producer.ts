// The producer side of the queue: add articles as jobs (idempotent ids), read a job's state,
// list a state, re-queue failed jobs, read the results stream. The API routes and the CLI
// (`enqueue`, `collect`, `requeue`) use it; the workers are in consumer.ts.
import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Problem } from '../errors.js';
import type { Extraction } from '../schemas/extraction.js';
import { type JobData, jobIdFor, RESULTS_STREAM, STREAMED_FIELD } from './jobs.js';
import { connect, type RedisRole } from './redis.js';

export const JOB_STATES = ['waiting', 'active', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobStatus {
  id: string;
  state: JobState;
  attempts: number;
  result?: Extraction;
  error?: Problem;
}

export interface QueueSettings {
  redisUrl: string;
  name: string;
  attempts: number;
  backoffMs: number;
  /** Completed jobs kept (newest); undefined = all. */
  keepCompleted?: number;
}

/** An article to enqueue: the parsed item, or the problem of a line that could not be read (its raw text gives the id). */
export interface EnqueueItem {
  article?: unknown;
  unreadable?: Problem;
  raw?: string;
  source?: string;
}

/** BullMQ's states as the API names them (delayed = waiting for a retry; prioritized = waiting). */
const STATE_OF: Record<string, JobState> = {
  waiting: 'waiting',
  wait: 'waiting',
  delayed: 'waiting',
  prioritized: 'waiting',
  paused: 'waiting',
  'waiting-children': 'waiting',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
};
const BULL_STATES: Record<JobState, ('waiting' | 'delayed' | 'prioritized' | 'active' | 'completed' | 'failed')[]> = {
  waiting: ['waiting', 'delayed', 'prioritized'],
  active: ['active'],
  completed: ['completed'],
  failed: ['failed'],
};

/** A failed job's reason as the problem the worker stored (JSON), or an internal error for anything else (a stalled job). */
export function problemOf(reason: string | undefined, jobId: string): Problem {
  try {
    const p = JSON.parse(reason ?? '') as Problem;
    if (p && typeof p.type === 'string' && typeof p.status === 'number') return p;
  } catch {
    // not one of ours
  }
  return { type: '/problems/internal-error', title: 'Internal server error', status: 500, detail: `The job failed: ${String(reason ?? 'unknown reason').slice(0, 300)}`, instance: `/v1/jobs/${jobId}` };
}

export type ResultEntry = { streamId: string; job: string; line: string };

export class JobQueue {
  readonly queue: Queue<JobData, string>;
  readonly redis: Redis;
  readonly resultsKey: string;

  constructor(
    readonly settings: QueueSettings,
    role: RedisRole = 'producer',
  ) {
    this.redis = connect(settings.redisUrl, role);
    this.queue = new Queue<JobData, string>(settings.name, {
      connection: this.redis,
      defaultJobOptions: {
        attempts: settings.attempts,
        backoff: { type: 'exponential', delay: settings.backoffMs },
        removeOnComplete: settings.keepCompleted === undefined ? false : { count: settings.keepCompleted },
        removeOnFail: false,
      },
    });
    this.resultsKey = this.queue.toKey(RESULTS_STREAM);
    // connection errors are retried by ioredis and answered per call (connected()); without a listener they would be thrown
    this.queue.on('error', () => {});
    this.redis.on('error', () => {});
  }

  /** Waits up to `ms` for the connection (BullMQ itself would wait for ever); throws when Redis is not there. */
  async connected(ms = 2000): Promise<void> {
    if (this.redis.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis not connected (${this.redis.status}) after ${ms} ms`)), ms);
      this.redis.once('ready', () => resolve());
    });
    try {
      await ready;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Adds the articles (one round-trip); returns their job ids in order. An id already in the queue is not added again. */
  async enqueue(items: readonly EnqueueItem[]): Promise<string[]> {
    const ids = items.map((it) => jobIdFor(it.article, it.raw));
    if (items.length === 0) return ids;
    await this.connected();
    await this.queue.addBulk(
      items.map((it, i) => ({
        name: 'extract',
        data: { ...(it.unreadable ? { unreadable: it.unreadable } : { article: it.article }), ...(it.source ? { source: it.source } : {}) },
        opts: { jobId: ids[i] },
      })),
    );
    return ids;
  }

  async get(id: string): Promise<JobStatus | undefined> {
    await this.connected();
    const job = await this.queue.getJob(id);
    if (!job) return undefined;
    const state = STATE_OF[await job.getState()];
    return state ? status(job as Job<JobData, string>, state) : undefined;
  }

  /** Jobs in one state, oldest first, and how many there are. */
  async list(state: JobState, offset: number, limit: number): Promise<{ jobs: JobStatus[]; total: number }> {
    const types = BULL_STATES[state];
    await this.connected();
    const [jobs, counts] = await Promise.all([this.queue.getJobs(types, offset, offset + limit - 1, true), this.queue.getJobCounts(...types)]);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return { jobs: (jobs as Job<JobData, string>[]).filter(Boolean).map((j) => status(j, state)), total };
  }

  /** Jobs per state (waiting counts delayed retries too). */
  async counts(): Promise<Record<JobState, number>> {
    await this.connected();
    const c = await this.queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed');
    return { waiting: c.waiting + c.delayed + c.prioritized, active: c.active, completed: c.completed, failed: c.failed };
  }

  /** Moves failed jobs back to waiting (all, or those ids), with their attempts reset; their next outcome goes to the results stream again. */
  async requeueFailed(ids?: readonly string[]): Promise<string[]> {
    const jobs = ids ? await Promise.all(ids.map((id) => this.queue.getJob(id))) : await this.queue.getJobs(['failed'], 0, -1, true);
    const done: string[] = [];
    for (const job of jobs) {
      if (!job?.id || (await job.getState()) !== 'failed') continue;
      await this.redis.hdel(this.queue.toKey(job.id), STREAMED_FIELD);
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      done.push(job.id);
    }
    return done;
  }

  /** Results after stream id `after` ('0' = from the start), waiting up to `blockMs` for the first one. */
  async readResults(after: string, count: number, blockMs: number): Promise<ResultEntry[]> {
    const res = (await this.redis.xread('COUNT', count, 'BLOCK', blockMs, 'STREAMS', this.resultsKey, after)) as [string, [string, string[]][]][] | null;
    const out: ResultEntry[] = [];
    for (const [, entries] of res ?? []) {
      for (const [streamId, fields] of entries) {
        const f: Record<string, string> = {};
        for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]] = fields[i + 1];
        out.push({ streamId, job: f.job ?? '', line: f.r ?? '' });
      }
    }
    return out;
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
  }
}

function status(job: Job<JobData, string>, state: JobState): JobStatus {
  const id = job.id ?? '';
  const out: JobStatus = { id, state, attempts: job.attemptsStarted ?? job.attemptsMade ?? 0 };
  // the worker stores the extraction's JSON as it is (a string); an object would be from another producer of results
  if (state === 'completed' && job.returnvalue) out.result = (typeof job.returnvalue === 'string' ? JSON.parse(job.returnvalue) : job.returnvalue) as Extraction;
  if (state === 'failed' || (state === 'waiting' && job.failedReason)) out.error = problemOf(job.failedReason, id);
  return out;
}
