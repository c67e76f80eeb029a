// End to end on a real Redis with persistence (AOF, fsync on every write): 2,000 of the shared
// articles (the 324 repeated with distinct ids) through two worker processes; one is killed with
// SIGKILL halfway, and its jobs are picked up by the other (stalled-job recovery); then Redis is
// killed and restarted from its AOF mid-run and the queue goes on. Every job completes exactly
// once, with the result the in-process engine (the API's) gives for the same article. Last,
// SIGTERM: the worker finishes the jobs it has, takes no new ones, exits 0.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/queue/producer.js';
import type { Extraction } from '../../src/schemas/extraction.js';
import { createInProcessService } from '../../src/service/in-process.js';
import { CLI, repeated, sharedArticles, startWorker, type WorkerProc } from './fixtures.js';
import { REQUIRED, RedisServer, redisServerBinary, uniqueQueue } from './redis.js';

const base = sharedArticles();
const bin = redisServerBinary();
if (!bin) {
  const msg = 'queue e2e: redis-server not found (apt-get install -y redis-server)';
  if (REQUIRED) throw new Error(`${msg}; REQUIRE_REDIS/CI is set, so this fails instead of skipping`);
  process.stderr.write(`\n*** SKIPPED: ${msg} ***\n\n`);
}
if (!base) process.stderr.write('\n*** SKIPPED: queue e2e: ../shared/articles is absent ***\n\n');
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm test does)`);

const N = 2000;
const STALLED_MS = 3000;

const until = async (what: string, f: () => Promise<boolean>, ms = 240_000) => {
  const t0 = Date.now();
  while (!(await f())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(!bin || !base)('the queue end to end: 2,000 articles, two workers, SIGKILL, a Redis restart, SIGTERM', () => {
  let redis: RedisServer;
  let jobs: JobQueue;
  const name = uniqueQueue('e2e');
  const workers: WorkerProc[] = [];
  const articles = repeated(base ?? [], N, 'e2e');
  const env = () => ({ REDIS_URL: redis.url, QUEUE_NAME: name, WORKERS: '1', QUEUE_CONCURRENCY: '2', QUEUE_STALLED_INTERVAL_MS: String(STALLED_MS), QUEUE_ATTEMPTS: '3' });

  beforeAll(async () => {
    redis = await RedisServer.start(['--appendonly', 'yes', '--appendfsync', 'always', '--save', '']);
    jobs = new JobQueue({ redisUrl: redis.url, name, attempts: 3, backoffMs: 200 }, 'cli');
  });
  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    await jobs?.close();
    await redis?.stop();
  });

  const killedActive: string[] = [];
  let beforeRestart = 0;

  it('completes every job exactly once through a SIGKILLed worker and a Redis restart from its AOF', { timeout: 420_000 }, async () => {
    const [a, b] = [startWorker(env()), startWorker(env())];
    workers.push(a, b);
    await Promise.all([a.ready, b.ready]);
    for (let i = 0; i < N; i += 200) await jobs.enqueue(articles.slice(i, i + 200).map((article) => ({ article })));

    // halfway: SIGKILL worker A with jobs in its hands
    await until('half the jobs', async () => (await jobs.counts()).completed >= N / 2);
    a.proc.kill('SIGKILL');
    expect(await a.exited).toBeNull(); // killed, no exit code
    // the jobs A held when it died: still active in Redis, under its name, until their lock runs out
    const active = await jobs.queue.getJobs(['active']);
    killedActive.push(...active.filter((j) => j.processedBy === a.name).map((j) => j.id!));
    expect(killedActive.length).toBeGreaterThan(0);

    // three quarters: kill Redis itself, start it again from its AOF
    await until('three quarters', async () => (await jobs.counts()).completed >= (3 * N) / 4);
    beforeRestart = (await jobs.counts()).completed;
    await redis.restart('SIGKILL');
    const after = await jobs.counts();
    expect(after.completed).toBeGreaterThanOrEqual(beforeRestart); // nothing acknowledged was lost
    await until('every job', async () => {
      const c = await jobs.counts();
      return c.completed + c.failed === N && c.active === 0;
    });

    const c = await jobs.counts();
    expect(c).toEqual({ waiting: 0, active: 0, completed: N, failed: 0 });
    // the surviving worker's probes and metrics (WORKER_PORT)
    const at = (path: string) => fetch(`http://127.0.0.1:${b.port}${path}`);
    expect((await at('/healthz')).status).toBe(200);
    expect((await at('/readyz')).status).toBe(200);
    const metrics = await (await at('/metrics')).text();
    expect(Number(/^queue_jobs_completed_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(N / 4);
    expect(metrics).toMatch(/^queue_jobs\{state="completed"\} 2000$/m);
    expect(metrics).toMatch(/^queue_job_duration_seconds_count \d+$/m);
    // the jobs the killed worker held were finished by the other one
    for (const id of killedActive) {
      const job = await jobs.queue.getJob(id);
      expect(job?.processedBy, id).toBe(b.name);
      expect(await job?.getState()).toBe('completed');
      expect(job?.attemptsStarted, id).toBeGreaterThanOrEqual(2); // started by A, finished by B
    }
    // the results stream: one record per job, none missing, none twice
    const stream = [];
    for (let last = '0'; ; ) {
      const batch = await jobs.readResults(last, 1000, 10);
      if (batch.length === 0) break;
      stream.push(...batch);
      last = batch[batch.length - 1].streamId;
    }
    expect(stream.length).toBe(N);
    expect(new Set(stream.map((e) => e.job)).size).toBe(N);
    expect(stream.every((e) => JSON.parse(e.line).ok === true)).toBe(true);
    process.stderr.write(`queue e2e: ${N} jobs completed once each; worker A SIGKILLed holding ${killedActive.length} (finished by B), Redis SIGKILLed and restarted from its AOF at ${beforeRestart} completed (${after.completed} right after the restart)\n`);
  });

  it('gives every job the result the in-process engine (the API) gives for the same article', { timeout: 300_000 }, async () => {
    const engine = createInProcessService();
    await engine.start();
    const reference: Extraction[] = [];
    for (const a of base!) reference.push(await engine.extract({ ...a }));
    await engine.close();
    const strip = ({ id: _, ...rest }: Extraction) => rest;
    let compared = 0;
    for (let i = 0; i < N; i += 100) {
      const got = await Promise.all(articles.slice(i, i + 100).map((a) => jobs.get(`a-${a.id}`)));
      got.forEach((g, k) => {
        const article = articles[i + k];
        expect(g?.state).toBe('completed');
        expect(g?.result?.id).toBe(article.id);
        expect(strip(g!.result!)).toEqual(strip(reference[(i + k) % base!.length]));
        compared++;
      });
    }
    expect(compared).toBe(N);
    expect(reference[0].kbVersion).toMatch(/^kb-[0-9a-f]{16}$/);
  });

  it('SIGTERM: the worker finishes the jobs it has, takes no new ones and exits 0', { timeout: 180_000 }, async () => {
    const b = workers[1];
    const more = repeated(base!, 300, 'term');
    await jobs.enqueue(more.map((article) => ({ article })));
    await until('a few jobs', async () => (await jobs.counts()).completed >= N + 5);
    const active = (await jobs.queue.getJobs(['active'])).map((j) => j.id!);
    b.proc.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    const c = await jobs.counts();
    expect(c.active).toBe(0); // nothing left half-done
    expect(c.failed).toBe(0);
    expect(c.waiting).toBeGreaterThan(0); // the rest was left for other workers
    for (const id of active) expect(await (await jobs.queue.getJob(id))?.getState(), id).toBe('completed');
    expect(b.log.some((l) => l.includes('shutting down: taking no new jobs'))).toBe(true);
    expect(b.log.some((l) => l.includes('worker stopped'))).toBe(true);
  });
});
