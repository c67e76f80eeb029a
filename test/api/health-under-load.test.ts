// Extraction runs in the worker pool, so the event loop stays free: /healthz answers within
// milliseconds while four 1 MiB articles are extracted, and the pool's pre-serialised response
// (checked against the schema in the worker) is byte for byte what the in-process path sends.
// Real workers (the engine's worker entry), real sockets on 127.0.0.1.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import { EXAMPLE_AR } from '../../src/schemas/api.js';

const SEED = fileURLToPath(new URL('../../../shared/articles/seed-sochi-2019-ar.txt', import.meta.url));
const UNIT = existsSync(SEED) ? readFileSync(SEED, 'utf8') : `${EXAMPLE_AR}\n`;
const MiB = 1024 * 1024;

describe('worker pool keeps the event loop free', () => {
  let pooled: FastifyInstance;
  let inProcess: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    // The in-process engine first: compiling the knowledge base on this thread stalls the event loop
    // for a second or more, which the pooled app's load shedding would otherwise see (503s).
    inProcess = await buildApp({ config: defaultConfig({ WORKERS: 0 }), logger: false });
    await inProcess.ready();
    await inProcess.extraction.start();
    // Two workers whatever the machine: four 1 MiB articles then keep both busy and queue two.
    pooled = await buildApp({ config: defaultConfig({ WORKERS: 2, EXTRACT_TIMEOUT_MS: 60_000 }), logger: false });
    await pooled.listen({ host: '127.0.0.1', port: 0 });
    await pooled.extraction.start();
    base = `http://127.0.0.1:${(pooled.server.address() as { port: number }).port}`;
    // start-up (workers compiling the knowledge base, other test files on the same cores) can leave the
    // event-loop sampler above the shedding threshold for a moment: begin once a small article is served
    for (let i = 0; i < 300; i++) {
      const r = await pooled.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'Kerry met Lavrov.' } });
      if (r.statusCode === 200) break;
      await new Promise((res) => setTimeout(res, 100));
    }
  }, 120_000);
  afterAll(async () => {
    await pooled?.close();
    await inProcess?.close();
  });

  it('sends the same response as the in-process engine and the response serializer', async () => {
    for (const payload of [
      { text: UNIT, publishedAt: '2019-05-15' },
      { text: EXAMPLE_AR, publishedAt: '2019-05-15', id: 'x-1', debug: false },
      { text: 'Mike Pompeo met Vladimir Putin in Sochi; they discussed UN Security Council resolution 2254.', language: 'en' as const },
    ]) {
      const [a, b] = await Promise.all([
        pooled.inject({ method: 'POST', url: '/v1/extract', payload }),
        inProcess.inject({ method: 'POST', url: '/v1/extract', payload }),
      ]);
      expect(a.statusCode).toBe(200);
      expect(a.headers['content-type']).toBe(b.headers['content-type']);
      expect(a.body).toBe(b.body);
    }
  });

  it('/healthz answers within 100 ms while four 1 MiB extractions run in the pool', async () => {
    let text = '';
    while (text.length < MiB) text += UNIT;
    const body = JSON.stringify({ text: text.slice(0, MiB), publishedAt: '2019-05-15' });

    let done = 0;
    const extractions = Array.from({ length: 4 }, () =>
      fetch(`${base}/v1/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => {
        await r.arrayBuffer();
        done++;
        return r.status;
      }),
    );
    // Probe until every extraction is back; only probes sent while all four were still in flight
    // or queued count (the point is the event loop while the pool works).
    const during: number[] = [];
    while (done < 4) {
      const t0 = performance.now();
      const res = await fetch(`${base}/healthz`);
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      expect(res.status).toBe(200);
      if (done === 0) during.push(ms);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await Promise.all(extractions)).toEqual([200, 200, 200, 200]);

    during.sort((a, b) => a - b);
    const p90 = during[Math.floor(0.9 * (during.length - 1))];
    // A noisy 2-core machine can deschedule the main thread now and then (two workers and the
    // test itself share the cores): most probes must be fast and none may wait for an extraction
    // (on the event loop one 1 MiB extraction takes most of a second).
    expect(during.length).toBeGreaterThanOrEqual(5);
    expect(during[Math.floor((during.length - 1) / 2)]).toBeLessThan(100);
    expect(p90).toBeLessThan(100);
    expect(during[during.length - 1]).toBeLessThan(400);
  }, 120_000);
});
