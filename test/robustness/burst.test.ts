// Overload on a listening server with the real worker pool: 200 requests of 256 KiB articles at
// once. Each is served (200) or shed (503 with Retry-After, or 429); never another 5xx, never a
// crash; the server is healthy and extracts again right after. Small pool and queue bounds keep
// it fast.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import { ExtractionSchema } from '../../src/schemas/extraction.js';
import { lexiconWords, loadArticles, mulberry32 } from './arbitraries.js';

const REQUESTS = Number(process.env.BURST_REQUESTS ?? 200);
const ARTICLE_BYTES = 256 * 1024;

/** ~256 KiB (UTF-8) of article-like text: real articles glued together when ../shared is there, lexicon words otherwise. */
export function bigArticle(bytes = ARTICLE_BYTES, seed = 1): string {
  const arts = loadArticles();
  const r = mulberry32(seed);
  const words = lexiconWords();
  let out = '';
  while (Buffer.byteLength(out) < bytes) {
    out += arts.length > 0 ? arts[Math.floor(r() * arts.length)].text + '\n\n' : Array.from({ length: 200 }, () => words[Math.floor(r() * words.length)]).join(' ') + '.\n';
  }
  const buf = Buffer.from(out).subarray(0, bytes);
  return buf.toString('utf8').replace(/\ufffd$/, '');
}

let app: FastifyInstance;
let base: string;
beforeAll(async () => {
  const config = defaultConfig({ WORKERS: 2, MAX_QUEUE: 8, EXTRACT_TIMEOUT_MS: 20_000, BODY_LIMIT: 512 * 1024, MAX_EVENT_LOOP_DELAY_MS: 1000, RETRY_AFTER_SECONDS: 3 });
  app = await buildApp({ config, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  await app.extraction.start();
  const addr = app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}, 60_000);
afterAll(() => app?.close());

describe(`burst of ${REQUESTS} requests of 256 KiB`, () => {
  it('every request is served or shed with 503/429; healthy right after', async () => {
    const bodies = [1, 2, 3, 4].map((s) => JSON.stringify({ text: bigArticle(ARTICLE_BYTES, s), publishedAt: '2019-05-15' }));
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        try {
          const res = await fetch(`${base}/v1/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length] });
          const text = await res.text();
          return { status: res.status, retryAfter: res.headers.get('retry-after'), body: text };
        } catch (e) {
          return { status: 0, retryAfter: null, body: String(e) };
        }
      }),
    );
    const ms = performance.now() - t0;
    const byStatus: Record<number, number> = {};
    for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    console.log(`burst: ${REQUESTS} x 256 KiB in ${Math.round(ms)} ms; by status ${JSON.stringify(byStatus)}; RSS ${Math.round(rss0 / 2 ** 20)} -> ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);

    for (const r of results) {
      expect([200, 429, 503], r.body.slice(0, 200)).toContain(r.status);
      if (r.status === 503 || r.status === 429) {
        expect(Number(r.retryAfter)).toBeGreaterThan(0);
        expect(JSON.parse(r.body).type).toMatch(/^\/problems\/(overloaded|rate-limited|extraction-timeout)$/);
      }
    }
    expect(byStatus[200] ?? 0).toBeGreaterThan(0);
    const served = results.find((r) => r.status === 200)!;
    expect(() => ExtractionSchema.parse(JSON.parse(served.body))).not.toThrow();

    // healthy right after: liveness, readiness, and a fresh extraction
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const again = await fetch(`${base}/v1/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Pompeo met Putin in Sochi.' }) });
    expect(again.status).toBe(200);
    expect(app.extraction.stats().workers).toBe(2);
  }, 120_000);
});
