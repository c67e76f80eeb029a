// The job queue against a real Redis, with a scripted extraction service behind the consumer:
// the routes (202, states, failed list, 503s), idempotent ids, no retry for a bad article,
// exponential backoff for crashes and time-outs, requeue, the results stream, metrics.
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/errors.js';
import { QueueConsumer } from '../../src/queue/consumer.js';
import { workerMetrics } from '../../src/queue/metrics.js';
import { JobQueue } from '../../src/queue/producer.js';
import type { Extraction, ExtractInput } from '../../src/schemas/extraction.js';
import { EMPTY, fakeService, makeApp, PROBLEM_JSON } from '../api/helpers.js';
import { freePort, testRedis, uniqueQueue } from './redis.js';

const redis = await testRedis();

const until = async (f: () => Promise<boolean>, ms = 15_000) => {
  const t0 = Date.now();
  while (!(await f())) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('queue disabled (no REDIS_URL)', () => {
  it('answers 503 queue-disabled on every job route, saying how to turn it on', async () => {
    const app = await makeApp({}, fakeService());
    for (const [method, url] of [['POST', '/v1/jobs'], ['GET', '/v1/jobs/a-x'], ['GET', '/v1/jobs?state=failed']] as const) {
      const res = await app.inject({ method, url, ...(method === 'POST' ? { payload: [{ text: 'x' }] } : {}) });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.json().type).toBe('/problems/queue-disabled');
      expect(res.json().detail).toMatch(/REDIS_URL=redis:\/\//);
    }
    await app.close();
  });
});

describe.skipIf(!redis)('job queue on a real Redis', () => {
  const name = uniqueQueue('jobs');
  const calls: { text: string; at: number }[] = [];
  let timeoutsLeft = 1;
  const extract = async (i: ExtractInput): Promise<Extraction> => {
    calls.push({ text: i.text, at: Date.now() });
    if (i.text === 'crash') throw new Error('worker crashed');
    if (i.text === 'slow-once' && timeoutsLeft-- > 0) throw new ProblemError('extraction-timeout', 'The extraction did not finish within 10 ms.');
    return { ...(i.id ? { id: i.id } : {}), language: 'en', ...EMPTY, engineVersion: 'fake', kbVersion: 'kb-fake' };
  };
  const service = fakeService(extract);
  const registry = new Registry();
  let app: FastifyInstance;
  let consumer: QueueConsumer;
  const config = { REDIS_URL: redis?.url, QUEUE_NAME: name, QUEUE_ATTEMPTS: 3, QUEUE_BACKOFF_MS: 150 };

  beforeAll(async () => {
    app = await makeApp(config, service);
    await app.jobs!.queue.obliterate({ force: true });
    consumer = new QueueConsumer(service, { redisUrl: redis!.url, name, concurrency: 4, attempts: 3, stalledIntervalMs: 5000, resultsMaxLen: 10_000, observer: workerMetrics(registry) });
    consumer.run();
  });
  afterAll(async () => {
    await consumer?.close();
    await app?.jobs?.queue.obliterate({ force: true }).catch(() => {});
    await app?.close();
    await redis?.stop();
  });

  const job = async (id: string) => (await app.inject({ method: 'GET', url: `/v1/jobs/${id}` })).json();
  const settled = (id: string) => until(async () => ['completed', 'failed'].includes((await job(id)).state));

  it('queues articles (202, one id per article, in order) and answers the extraction the API answers', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/jobs', payload: [{ text: 'Pompeo met Lavrov.', id: 'story-1' }, { text: 'No id here.' }] });
    expect(res.statusCode).toBe(202);
    const { jobs } = res.json();
    expect(jobs.map((j: { index: number }) => j.index)).toEqual([0, 1]);
    expect(jobs[0].id).toBe('a-story-1');
    expect(jobs[1].id).toMatch(/^h-[0-9a-f]{40}$/);
    await settled(jobs[0].id);
    await settled(jobs[1].id);
    const direct = (await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'Pompeo met Lavrov.', id: 'story-1' } })).json();
    const got = await job(jobs[0].id);
    expect(got).toEqual({ id: 'a-story-1', state: 'completed', attempts: 1, result: direct });
    expect(got.result.kbVersion).toBe('kb-fake');
  });

  it('processes an article queued twice once (ids from the article id, or a hash of the article)', async () => {
    const body = [{ text: 'Twice told.', id: 'twice' }, { text: 'Twice, no id.', publishedAt: '2020-01-02' }];
    const first = (await app.inject({ method: 'POST', url: '/v1/jobs', payload: body })).json();
    await settled(first.jobs[0].id);
    await settled(first.jobs[1].id);
    const second = (await app.inject({ method: 'POST', url: '/v1/jobs', payload: body })).json();
    expect(second).toEqual(first);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.filter((c) => c.text.startsWith('Twice')).length).toBe(2);
    // another date is another article
    const other = (await app.inject({ method: 'POST', url: '/v1/jobs', payload: [{ text: 'Twice, no id.', publishedAt: '2020-01-03' }] })).json();
    expect(other.jobs[0].id).not.toBe(first.jobs[1].id);
  });

  it('fails a bad article at once with the problem the API answers, no retry, and lists it under state=failed', async () => {
    const bad = { txt: 'misspelt field', id: 'bad-1' };
    const { jobs } = (await app.inject({ method: 'POST', url: '/v1/jobs', payload: [bad] })).json();
    await settled(jobs[0].id);
    const got = await job(jobs[0].id);
    expect(got.state).toBe('failed');
    expect(got.attempts).toBe(1);
    const api = (await app.inject({ method: 'POST', url: '/v1/extract', payload: bad })).json();
    expect(got.error.type).toBe(api.type);
    expect(got.error.errors).toEqual(api.errors);
    const list = (await app.inject({ method: 'GET', url: '/v1/jobs?state=failed&limit=100' })).json();
    expect(list.jobs.map((j: { id: string }) => j.id)).toContain('a-bad-1');
  });

  it('retries a crash with exponential backoff up to QUEUE_ATTEMPTS, then fails it; requeue brings it back', async () => {
    const { jobs } = (await app.inject({ method: 'POST', url: '/v1/jobs', payload: [{ text: 'crash', id: 'crashy' }] })).json();
    await settled(jobs[0].id);
    const got = await job(jobs[0].id);
    expect(got).toMatchObject({ state: 'failed', attempts: 3, error: { type: '/problems/internal-error', status: 500 } });
    const at = calls.filter((c) => c.text === 'crash').map((c) => c.at);
    expect(at.length).toBe(3);
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(140); // 150 ms, then 300 ms
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(290);
    expect(await app.jobs!.requeueFailed(['a-crashy'])).toEqual(['a-crashy']);
    expect((await job('a-crashy')).state).not.toBe('failed');
    await settled('a-crashy');
    expect((await job('a-crashy')).attempts).toBe(3);
    expect(calls.filter((c) => c.text === 'crash').length).toBe(6);
  });

  it('retries a time-out, and the job completes on its second attempt', async () => {
    const { jobs } = (await app.inject({ method: 'POST', url: '/v1/jobs', payload: [{ text: 'slow-once', id: 'slow' }] })).json();
    await settled(jobs[0].id);
    expect(await job(jobs[0].id)).toMatchObject({ state: 'completed', attempts: 2 });
  });

  it('appends every outcome once to the results stream, in order of completion', async () => {
    const entries = await app.jobs!.readResults('0', 1000, 100);
    const byJob = new Map<string, number>();
    for (const e of entries) byJob.set(e.job, (byJob.get(e.job) ?? 0) + 1);
    expect(byJob.get('a-story-1')).toBe(1);
    expect(byJob.get('a-twice')).toBe(1);
    expect(byJob.get('a-slow')).toBe(1);
    expect(byJob.get('a-crashy')).toBe(2); // failed, then (requeued) failed again: one record per outcome
    const story = JSON.parse(entries.find((e) => e.job === 'a-story-1')!.line);
    expect(story).toMatchObject({ job: 'a-story-1', id: 'story-1', ok: true, result: { kbVersion: 'kb-fake' } });
    const bad = JSON.parse(entries.find((e) => e.job === 'a-bad-1')!.line);
    expect(bad).toMatchObject({ ok: false, error: { type: '/problems/validation-error' } });
  });

  it('validates ids and states, and answers 404 for an unknown job', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/jobs/a-never-queued' })).json().type).toBe('/problems/not-found');
    expect((await app.inject({ method: 'GET', url: '/v1/jobs/nope' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/v1/jobs?state=lost' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/v1/jobs', payload: { text: 'not an array' } })).statusCode).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => ({ text: `t${i}` }));
    expect((await app.inject({ method: 'POST', url: '/v1/jobs', payload: many })).json().type).toBe('/problems/batch-too-large');
  });

  it('exports job counts on /metrics, and the worker its completed, failed, retried and processing time', async () => {
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/^queue_jobs\{state="completed"\} [1-9]\d*$/m);
    expect(text).toMatch(/^queue_jobs\{state="failed"\} [1-9]\d*$/m);
    const w = await registry.metrics();
    expect(w).toMatch(/^queue_jobs_completed_total [1-9]\d*$/m);
    expect(w).toMatch(/^queue_jobs_failed_total [1-9]\d*$/m);
    expect(w).toMatch(/^queue_jobs_retried_total [1-9]\d*$/m); // 2 per crash run + the time-out
    expect(w).toMatch(/^queue_job_duration_seconds_count [1-9]\d*$/m);
  });

  it('QUEUE_KEEP_COMPLETED bounds the completed jobs Redis keeps (newest kept)', async () => {
    const small = uniqueQueue('keep');
    const q = new JobQueue({ redisUrl: redis!.url, name: small, attempts: 1, backoffMs: 10, keepCompleted: 2 }, 'cli');
    const c = new QueueConsumer(service, { redisUrl: redis!.url, name: small, concurrency: 1, attempts: 1, stalledIntervalMs: 5000, resultsMaxLen: 100 });
    c.run();
    await q.enqueue(Array.from({ length: 5 }, (_, i) => ({ article: { text: `keep ${i}`, id: `keep-${i}` } })));
    await until(async () => (await q.readResults('0', 10, 10)).length === 5);
    await until(async () => (await q.counts()).completed === 2);
    expect((await q.get('a-keep-4'))?.state).toBe('completed');
    expect(await q.get('a-keep-0')).toBeUndefined();
    await c.close();
    await q.queue.obliterate({ force: true });
    await q.close();
  });

  it('answers 503 queue-unavailable (not 500) when its Redis does not answer', async () => {
    const port = await freePort();
    const down = await makeApp({ REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_NAME: name }, service);
    const t0 = Date.now();
    const res = await down.inject({ method: 'POST', url: '/v1/jobs', payload: [{ text: 'x' }] });
    expect(res.statusCode).toBe(503);
    expect(res.json().type).toBe('/problems/queue-unavailable');
    expect(res.headers['retry-after']).toBeDefined();
    expect(Date.now() - t0).toBeLessThan(10_000);
    await down.close();
  });
});
