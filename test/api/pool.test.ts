// The piscina worker pool: real workers (the engine's worker entry, and a scripted fixture for
// faults). A hung extraction times out with 503 and its worker is replaced; a crashed worker
// gives 500 and the server lives on; the queue bound sheds load.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import { ExtractionSchema } from '../../src/schemas/extraction.js';
import { createPoolService } from '../../src/service/pool.js';
import type { Pong, WorkerDone } from '../../src/service/types.js';
import type { FastifyInstance } from 'fastify';

const FAULT_WORKER = fileURLToPath(new URL('./fixtures/fault-worker.mjs', import.meta.url));

describe('worker pool with the real worker entry', () => {
  it('loads the knowledge base in the workers and extracts', async () => {
    const service = createPoolService({ workers: 1, timeoutMs: 20_000, maxQueue: 10 });
    await service.start();
    expect(service.ready).toBe(true);
    const out = await service.extract({ text: 'Pompeo met Putin in Sochi.', language: 'en' });
    expect(() => ExtractionSchema.parse(out)).not.toThrow();
    await service.close();
  });

  it('a worker whose heap a 1 MiB article has grown collects it before the next task', async () => {
    const { Piscina } = await import('piscina');
    const { defaultWorkerFile } = await import('../../src/service/pool.js');
    const worker = defaultWorkerFile();
    const pool = new Piscina({ filename: worker.filename, execArgv: worker.execArgv, minThreads: 1, maxThreads: 1 });
    try {
      const before = (await pool.run({ kind: 'ping' })) as Pong;
      const line = 'التقى وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرغي لافروف في سوتشي يوم الثلاثاء، وبحثا القرار 2254.\n';
      const text = line.repeat(Math.ceil((1 << 20) / line.length));
      const json = ((await pool.run({ kind: 'extract-json', input: { text, publishedAt: '2019-05-15' } })) as WorkerDone<string>).value;
      expect(JSON.parse(json).participants.length).toBeGreaterThan(0);
      const after = (await pool.run({ kind: 'ping' })) as Pong;
      // without the collection the heap holds the article's garbage (well over twice its start-up size)
      expect(after.heapUsed).toBeLessThanOrEqual(2 * after.heapAfterStart);
      expect(after.heapAfterStart).toBe(before.heapAfterStart);
    } finally {
      await pool.destroy();
    }
  }, 60_000);

  it('a bad knowledge file rejects start() with the loader message', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const service = createPoolService({ workers: 1, timeoutMs: 5000, maxQueue: 10, kbDir: dir });
    await expect(service.start()).rejects.toThrow(/broken\.json/);
    await service.close();
  });
});

describe('worker pool faults', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const service = createPoolService({ workers: 1, timeoutMs: 600, maxQueue: 2, filename: FAULT_WORKER });
    app = await buildApp({ config: defaultConfig({ WORKERS: 1 }), service, logger: false });
    await app.ready();
    await app.extraction.start();
  });
  afterAll(() => app.close());

  const post = (text: string) => app.inject({ method: 'POST', url: '/v1/extract', payload: { text } });

  it('a hung extraction gets 503 extraction-timeout; the worker is replaced and serves the next request', async () => {
    const t0 = Date.now();
    const res = await post('HANG');
    expect(res.statusCode).toBe(503);
    expect(res.json().type).toBe('/problems/extraction-timeout');
    expect(res.headers['retry-after']).toBeDefined();
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await post('fine')).statusCode).toBe(200);
  });

  it('a crashed worker gives 500 and is replaced', async () => {
    const res = await post('CRASH');
    expect(res.statusCode).toBe(500);
    expect(res.json().type).toBe('/problems/internal-error');
    expect((await post('fine')).statusCode).toBe(200);
  });

  it('an error thrown in the worker is a generic 500 without internals', async () => {
    const res = await post('THROW');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('/internal/');
  });

  it('sheds load with 503 overloaded once MAX_QUEUE extractions wait', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => post('SLOW:100')));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toContain(200);
    expect(codes).toContain(503);
    for (const r of results.filter((x) => x.statusCode === 503)) expect(r.json().type).toBe('/problems/overloaded');
    expect((await post('fine')).statusCode).toBe(200);
  });

  it('/healthz answers within milliseconds while a worker is busy', async () => {
    const busy = post('SLOW:400');
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(performance.now() - t0).toBeLessThan(100);
    expect((await busy).statusCode).toBe(200);
  });
});
