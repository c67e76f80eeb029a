// The consuming side: a BullMQ Worker whose processor runs each job through the same
// ExtractionService as the API (its worker-thread pool). A bad article fails at once with the
// API's problem (UnrecoverableError: no retry); a crash or a time-out throws a plain error, so
// BullMQ retries it with exponential backoff up to QUEUE_ATTEMPTS. A job whose worker died is
// picked up by another worker (BullMQ's stalled check). Every outcome goes to the results
// stream once (guarded by a flag on the job's hash, in one Lua call with the XADD).
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { fieldErrors, type Problem, PROBLEM_BASE, type ProblemCode, ProblemError, PROBLEMS } from '../errors.js';
import { toProblem } from '../plugins/problems.js';
import { ExtractRequestSchema } from '../schemas/api.js';
import type { ExtractInput } from '../schemas/extraction.js';
import { toInput } from '../service/input.js';
import type { ExtractionService } from '../service/types.js';
import { articleId, type JobData, type JobRecord, RESULTS_STREAM, STREAMED_FIELD } from './jobs.js';
import { problemOf } from './producer.js';
import { connect } from './redis.js';

/** What the worker reports (metrics, logs); cheap calls. */
export interface ConsumerObserver {
  completed(seconds: number): void;
  /** A try failed and will be retried (crash, time-out). */
  retried(): void;
  /** A job failed for good. */
  failed(): void;
}

export interface ConsumerOptions {
  redisUrl: string;
  name: string;
  /** Stored on every job it processes (BullMQ's processedBy). */
  workerName?: string;
  concurrency: number;
  attempts: number;
  stalledIntervalMs: number;
  resultsMaxLen: number;
  /** For unexpected errors (a 500): never the article text. */
  onUnexpected?: (err: unknown, jobId: string) => void;
  observer?: ConsumerObserver;
}

// KEYS[1] the job's hash, KEYS[2] the results stream; ARGV: max length, job id, record.
const STREAM_ONCE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('HSETNX', KEYS[1], '${STREAMED_FIELD}', '1') == 0 then return 0 end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*', 'job', ARGV[2], 'r', ARGV[3])
return 1`;

const BAD_ARTICLE = new Set(['/problems/validation-error', '/problems/malformed-body', '/problems/body-too-large']);

/** The job's article as the engine's input; a bad article throws its problem (as the API words it for one article). */
export function jobInput(data: JobData): ExtractInput {
  if (data.unreadable) {
    const code = data.unreadable.type.slice(PROBLEM_BASE.length) as ProblemCode;
    throw new ProblemError(code in PROBLEMS ? code : 'malformed-body', data.unreadable.detail, data.unreadable.errors);
  }
  const parsed = ExtractRequestSchema.safeParse(data.article);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues);
    throw new ProblemError('validation-error', `The article is invalid: ${errors.map((e) => `${e.pointer || '(root)'}: ${e.message}`).join('; ')}`, errors);
  }
  return toInput(parsed.data);
}

export class QueueConsumer {
  readonly worker: Worker<JobData, string>;
  private readonly redis: Redis;
  private readonly resultsKey: string;

  constructor(
    private readonly service: ExtractionService,
    private readonly opts: ConsumerOptions,
  ) {
    this.redis = connect(opts.redisUrl, 'worker');
    this.redis.defineCommand('dnxStreamOnce', { numberOfKeys: 2, lua: STREAM_ONCE });
    this.worker = new Worker<JobData, string>(opts.name, (job) => this.process(job), {
      connection: this.redis,
      autorun: false,
      ...(opts.workerName ? { name: opts.workerName } : {}),
      concurrency: opts.concurrency,
      stalledInterval: opts.stalledIntervalMs,
      lockDuration: opts.stalledIntervalMs,
      // a job whose worker died is tried again, as often as a crash would be
      maxStalledCount: opts.attempts,
    });
    this.resultsKey = this.worker.toKey(RESULTS_STREAM);
    this.worker.on('failed', (job, err) => void this.onFailed(job, err));
    // connection errors are retried by ioredis; BullMQ re-emits them here (without a listener they would throw)
    this.worker.on('error', () => {});
  }

  /** Whether its Redis connection is up (a worker is not ready without it). */
  get connected(): boolean {
    return this.redis.status === 'ready';
  }

  /** Starts taking jobs (call once the service is ready). */
  run(): void {
    void this.worker.run().catch((err: unknown) => this.opts.onUnexpected?.(err, '(worker)'));
  }

  /**
   * The result is the extraction's JSON (as POST /v1/extract sends it: the pool checks it against
   * the schema and serialises it in its worker thread), kept as the job's return value (a JSON
   * string) and put in the stream record as it is: no object copied across threads, nothing
   * serialised twice on this event loop.
   */
  private async process(job: Job<JobData, string>): Promise<string> {
    const t0 = performance.now();
    const id = job.id ?? '';
    const instance = `/v1/jobs/${id}`;
    let json: string;
    try {
      const input = jobInput(job.data);
      json = this.service.extractJson ? await this.service.extractJson(input) : JSON.stringify(await this.service.extract(input));
    } catch (err) {
      const mapped = toProblem(err, undefined, instance);
      if (mapped.unexpected) {
        this.opts.onUnexpected?.(err, id);
        mapped.problem.detail = 'An unexpected error occurred (a crashed extraction worker, or a bug); it has been logged with the job id.';
      }
      const reason = JSON.stringify(mapped.problem);
      throw BAD_ARTICLE.has(mapped.problem.type) ? new UnrecoverableError(reason) : new Error(reason);
    }
    const head = JSON.stringify({ job: id, ...this.about(job), ok: true });
    await this.stream(job, `${head.slice(0, -1)},"result":${json}}`);
    this.opts.observer?.completed((performance.now() - t0) / 1000);
    return json;
  }

  private about(job: Job<JobData, string>): { id?: string; source?: string } {
    const aid = articleId(job.data.article);
    return { ...(aid !== undefined ? { id: aid } : {}), ...(job.data.source ? { source: job.data.source } : {}) };
  }

  /** `record`: a JobRecord as JSON. */
  private async stream(job: Job<JobData, string>, record: string): Promise<void> {
    const id = job.id ?? '';
    await (this.redis as unknown as { dnxStreamOnce(k1: string, k2: string, ...a: (string | number)[]): Promise<number> }).dnxStreamOnce(
      this.worker.toKey(id),
      this.resultsKey,
      this.opts.resultsMaxLen,
      id,
      record,
    );
  }

  private async onFailed(job: Job<JobData, string> | undefined, err: Error): Promise<void> {
    if (!job?.id) return;
    try {
      const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || (await job.getState()) === 'failed';
      if (!final) return this.opts.observer?.retried();
      this.opts.observer?.failed();
      const error: Problem = problemOf(err.message, job.id);
      const record: JobRecord = { job: job.id, ...this.about(job), ok: false, error };
      await this.stream(job, JSON.stringify(record));
    } catch (e) {
      this.opts.onUnexpected?.(e, job.id);
    }
  }

  /** Takes no new jobs, lets those in flight finish (their results are stored), then disconnects. */
  async close(): Promise<void> {
    await this.worker.close();
    this.redis.disconnect();
  }
}
