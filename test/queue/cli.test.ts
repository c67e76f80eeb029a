// The queue's commands on a real Redis: `enqueue` streams an NDJSON archive in with
// back-pressure and idempotent ids (twice = once), a bad line fails its job with the API's
// problem, `collect` writes the results as NDJSON, `requeue` moves failed jobs back.
// The consumer runs in this process on a scripted service (the real engine is e2e.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { QueueConsumer } from '../../src/queue/consumer.js';
import { JobQueue } from '../../src/queue/producer.js';
import type { ExtractInput } from '../../src/schemas/extraction.js';
import { EMPTY, fakeService } from '../api/helpers.js';
import { testRedis, uniqueQueue } from './redis.js';

const redis = await testRedis();

async function cli(args: string[], stdin: Readable = Readable.from([])) {
  let out = '';
  let err = '';
  const io = { stdin, stdout: new PassThrough(), stderr: Object.assign(new PassThrough(), { isTTY: false }) };
  io.stdout.on('data', (d) => (out += d));
  io.stderr.on('data', (d) => (err += d));
  const code = await run(args, io);
  return { code, out, err };
}

describe.skipIf(!redis)('queue commands: enqueue, collect, requeue', () => {
  const name = uniqueQueue('cli');
  const dir = mkdtempSync(join(tmpdir(), 'dnx-queue-cli-'));
  const archive = join(dir, 'archive.jsonl');
  let jobs: JobQueue;
  let consumer: QueueConsumer | undefined;
  let broken = true;
  const extracted: string[] = [];
  const service = fakeService((i: ExtractInput) => {
    if (i.text === 'fragile' && broken) throw new Error('crashed');
    extracted.push(i.text);
    return { ...(i.id ? { id: i.id } : {}), language: 'en', ...EMPTY, engineVersion: 'fake', kbVersion: 'kb-fake' };
  });
  const q = ['--redis-url', redis?.url ?? '', '--queue', name];

  beforeAll(async () => {
    const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `doc-${i}`, text: `Article ${i}.`, date: '2020-01-01' }));
    lines.splice(10, 0, '{"id": "broken", "text": ');
    lines.push(JSON.stringify({ text: 'fragile' }));
    writeFileSync(archive, lines.join('\n') + '\n');
    jobs = new JobQueue({ redisUrl: redis!.url, name, attempts: 1, backoffMs: 10 }, 'cli');
    await service.start();
  });
  afterAll(async () => {
    await consumer?.close();
    await jobs?.queue.obliterate({ force: true }).catch(() => {});
    await jobs?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enqueue pauses reading while --max-waiting jobs wait, and goes on as workers take them', async () => {
    const running = cli(['enqueue', archive, ...q, '--map', 'date=publishedAt', '--chunk', '5', '--max-waiting', '12']);
    await new Promise((r) => setTimeout(r, 800));
    const c = await jobs.counts();
    expect(c.waiting).toBeGreaterThanOrEqual(12);
    expect(c.waiting).toBeLessThan(12 + 5); // stopped at the bound, one chunk over at most
    consumer = new QueueConsumer(service, { redisUrl: redis!.url, name, concurrency: 4, attempts: 1, stalledIntervalMs: 5000, resultsMaxLen: 1000 });
    consumer.run();
    const r = await running;
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/enqueue: 62 articles/);
  });

  it('enqueuing the archive again adds nothing: each article is processed once', async () => {
    // (one count per look: two reads could each miss a job moving from waiting to active between them)
    const until = Date.now() + 10_000;
    for (let c = await jobs.counts(); c.waiting + c.active > 0 || c.completed + c.failed < 62; c = await jobs.counts()) {
      if (Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const before = extracted.length;
    const r = await cli(['enqueue', archive, ...q, '--map', 'date=publishedAt']);
    expect(r.code).toBe(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(extracted.length).toBe(before);
    expect(extracted.filter((t) => t === 'Article 7.').length).toBe(1);
    const c = await jobs.counts();
    expect(c.completed + c.failed).toBe(62);
  });

  it('collect writes one record per job as NDJSON; a bad line failed with the problem the API gives such a line', async () => {
    const out = join(dir, 'results.ndjson');
    const r = await cli(['collect', ...q, '--out', out, '--no-progress']);
    expect(r.code).toBe(1); // some failed
    expect(r.err).toMatch(/collect: 62 results, 2 failed; last stream id \d+-\d+/);
    const records = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.length).toBe(62);
    expect(new Set(records.map((x) => x.job)).size).toBe(62);
    const doc3 = records.find((x) => x.id === 'doc-3');
    expect(doc3).toMatchObject({ job: 'a-doc-3', ok: true, source: `${archive}:4`, result: { id: 'doc-3', kbVersion: 'kb-fake' } });
    const broken = records.find((x) => x.source === `${archive}:11`);
    expect(broken).toMatchObject({ ok: false, error: { type: '/problems/malformed-body', status: 400 } });
    expect(broken.error.detail).toMatch(/Line 11/);
    // --from the last id: nothing new
    const last = /last stream id (\S+) /.exec(r.err)![1];
    const again = await cli(['collect', ...q, '--from', last, '--no-progress']);
    expect(again.out).toBe('');
  });

  it('requeue moves failed jobs back; fixed, they complete', async () => {
    broken = false;
    const r = await cli(['requeue', ...q]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/requeue: 2 failed jobs back in the queue/);
    const until = Date.now() + 10_000;
    while ((await jobs.counts()).completed < 61 && Date.now() < until) await new Promise((res) => setTimeout(res, 50));
    const c = await jobs.counts();
    expect(c.completed).toBe(61); // the fragile one now works; the unreadable line fails again
    expect(c.failed).toBe(1);
  });

  it('bad usage: no Redis configured is exit code 2 with a message', async () => {
    const r = await cli(['enqueue', archive, '--queue', name], Readable.from([]));
    if (process.env.REDIS_URL) return; // the environment gives one
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/REDIS_URL/);
  });
});
