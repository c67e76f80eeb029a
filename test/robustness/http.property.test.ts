// Property-based tests through fastify.inject: whatever arrives (hostile text, any JSON value,
// any bytes under any content type, any NDJSON), the answer is never a 5xx; a 4xx is an
// application/problem+json problem; a 200 is a schema-valid extraction with exact offsets,
// the same when asked twice. The real engine runs in process (WORKERS=0).
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchItemResultSchema, BatchResponseSchema, ProblemSchema } from '../../src/schemas/api.js';
import { makeApp } from '../api/helpers.js';
import { acceptableText, fcOptions, hostileText, language, loadArticles, mutatedArticle, PATHOLOGICAL, pathologicalSize, publishedAt } from './arbitraries.js';
import { checkExtraction, checkSame, describeInput } from './invariants.js';

const BODY_LIMIT = 4 * 1024 * 1024;
const BATCH_MAX = 20;
let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp({ BODY_LIMIT, BATCH_MAX, MAX_EVENT_LOOP_DELAY_MS: 0 }); // in-process engine: no shedding on its own CPU time
});
afterAll(() => app.close());

type Res = Awaited<ReturnType<FastifyInstance['inject']>>;

/** Never a 5xx; a 4xx is a well-formed problem without internals. */
function checkStatus(res: Res, what: string): void {
  if (res.statusCode >= 500) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 400) {
    if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) throw new Error(`${what}: ${res.statusCode} without problem+json`);
    const p = ProblemSchema.safeParse(res.json());
    if (!p.success) throw new Error(`${what}: malformed problem ${res.body.slice(0, 300)}`);
    if (p.data.status !== res.statusCode) throw new Error(`${what}: problem.status ${p.data.status} != ${res.statusCode}`);
    if (/\bat .*\.(ts|js):\d+|node_modules|\/work\//.test(res.body)) throw new Error(`${what}: internals in the problem: ${res.body.slice(0, 300)}`);
  }
}

/**
 * A lone surrogate cannot travel as UTF-8: text/plain bodies arrive with U+FFFD in its place; and the
 * server's UTF-8 decoding drops a leading byte-order mark (src/plugins/charset.ts), so offsets count from after it.
 */
const asUtf8 = (s: string) => new TextDecoder('utf-8', { ignoreBOM: false }).decode(Buffer.from(s, 'utf8'));

async function extractTwice(payload: Record<string, unknown>): Promise<void> {
  const text = payload.text as string;
  const [a, b] = [await app.inject({ method: 'POST', url: '/v1/extract', payload }), await app.inject({ method: 'POST', url: '/v1/extract', payload })];
  try {
    checkStatus(a, 'POST /v1/extract');
    expect(a.statusCode).toBe(200);
    checkExtraction(text, a.json());
    checkSame(a.json(), b.json());
  } catch (e) {
    throw new Error(`${(e as Error).message}\n  input: ${describeInput(text)}`);
  }
}

describe('POST /v1/extract with hostile text', () => {
  it('JSON bodies: 200, schema-valid, exact offsets, same twice', async () => {
    await fc.assert(
      fc.asyncProperty(acceptableText(150), language, publishedAt, fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), async (text, lang, date, id) => {
        await extractTwice({ text, ...(lang ? { language: lang } : {}), ...(date ? { publishedAt: date } : {}), ...(id !== undefined ? { id } : {}) });
      }),
      fcOptions(150),
    );
  });

  it('text/plain bodies with query parameters: never 5xx; offsets exact in the text as received', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(150), language, async (raw, lang) => {
        const res = await app.inject({
          method: 'POST',
          url: `/v1/extract${lang ? `?language=${lang}` : ''}`,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          payload: Buffer.from(raw, 'utf8'),
        });
        checkStatus(res, 'text/plain');
        const text = asUtf8(raw);
        if (/\S/u.test(text)) {
          expect(res.statusCode).toBe(200);
          checkExtraction(text, res.json());
        } else expect(res.statusCode).toBe(400);
      }),
      fcOptions(100),
    );
  });
});

const articles = loadArticles();
describe.skipIf(articles.length === 0)('POST /v1/extract with real articles, mutated', () => {
  it('200, schema-valid, exact offsets, same twice', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedArticle(articles), async (m) => {
        if (!/\S/u.test(m.text)) return;
        try {
          await extractTwice({ text: m.text, language: 'auto' });
        } catch (e) {
          throw new Error(`article #${m.article} after ${m.mutations.join(' + ')}: ${(e as Error).message}`);
        }
      }),
      fcOptions(60),
    );
  });
});

describe('POST /v1/extract with pathological inputs', () => {
  const NAMES = ['one letter repeated', 'meeting trigger repeated', 'resolution list (ar)', 'resolution list (en)', 'nested brackets', 'one huge token', 'one huge arabic token', 'lone surrogates'];
  it.each(NAMES)('%s: 200 within 3 s, exact offsets', async (name) => {
    const text = PATHOLOGICAL[name](pathologicalSize(name));
    const t0 = performance.now();
    const res = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text, publishedAt: '2019-05-15' } });
    const ms = performance.now() - t0;
    checkStatus(res, name);
    expect(res.statusCode).toBe(200);
    checkExtraction(text, res.json());
    expect(ms).toBeLessThan(3000);
  });
});

// Any JSON value where an article is expected: a problem (or a result), never a 5xx.
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ text: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
  fc.record(
    {
      text: fc.oneof(acceptableText(20), fc.jsonValue({ maxDepth: 1 })),
      title: fc.jsonValue({ maxDepth: 1 }),
      publishedAt: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('2019-02-30', '2019-13-01', '0000-00-00', '2019-05-15T25:00:00Z', '2019-05-15T10:00:00', '+275760-09-13', '2019-05-15'), fc.jsonValue({ maxDepth: 1 })),
      language: fc.oneof(fc.constantFrom('ar', 'en', 'auto', 'fr', 'AR', '', 'ar-EG'), fc.jsonValue({ maxDepth: 1 })),
      id: fc.oneof(fc.string({ maxLength: 600 }), fc.jsonValue({ maxDepth: 1 })),
      debug: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  ),
);

describe('malformed requests, generated', () => {
  it('any JSON value to /v1/extract: 200 or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, async (value) => {
        const res = await app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(value) ?? 'null' });
        checkStatus(res, `JSON ${JSON.stringify(value)?.slice(0, 200)}`);
        if (res.statusCode === 200) checkExtraction((value as { text: string }).text, res.json());
      }),
      fcOptions(300),
    );
  });

  it('any JSON value to /v1/extract/batch: 200 with one schema-valid result per item, or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(anyJson, { maxLength: BATCH_MAX + 3 }), anyJson), async (value) => {
        const res = await app.inject({ method: 'POST', url: '/v1/extract/batch', payload: JSON.stringify(value) ?? 'null', headers: { 'content-type': 'application/json' } });
        checkStatus(res, `batch ${JSON.stringify(value)?.slice(0, 200)}`);
        if (res.statusCode === 200) {
          const body = BatchResponseSchema.parse(res.json());
          expect(body.results.length).toBe((value as unknown[]).length);
        } else if (Array.isArray(value) && value.length > BATCH_MAX) expect(res.json().type).toBe('/problems/batch-too-large');
      }),
      fcOptions(150),
    );
  });

  it('any bytes under any content type, any query string: never a 5xx', async () => {
    const contentType = fc.oneof(
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'text/plain; charset=utf-16', 'application/x-ndjson', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/octet-stream', '', ';;;', 'application/', '*/*', 'application/problem+json', 'APPLICATION/JSON', 'text/plain\u0000'),
      fc.string({ maxLength: 40 }),
    );
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
      hostileText(40),
      fc.constantFrom('{', '[', '{"text":"x"', '{"text":"x"}}', '\ufeff{"text":"x"}', '{"text":"\\ud800"}', '{"text":"x","text":"y"}', '[{"text":"x","text":"y"}]', 'null', '1e999', '"x"', '{"text":1e999}', '{"__proto__":{"x":1},"text":"x"}', '{"constructor":{"prototype":{"x":1}},"text":"x"}'),
    );
    const query = fc.oneof(fc.constant(''), fc.string({ maxLength: 60 }).map((s) => '?' + encodeURIComponent(s)), fc.constantFrom('?language=fr', '?publishedAt=2019-02-30', '?debug=1', '?id=' + 'x'.repeat(600), '?language=ar&language=en', '?title=%E0%A4%A', '?%ZZ'));
    const route = fc.constantFrom('/v1/extract', '/v1/extract/batch');
    await fc.assert(
      fc.asyncProperty(route, contentType, body, query, async (url, type, payload, q) => {
        const headers: Record<string, string> = {};
        if (type !== '' && !/[\u0000-\u001f\u007f-\uffff]/.test(type)) headers['content-type'] = type;
        const res = await app.inject({ method: 'POST', url: url + q, headers, payload });
        checkStatus(res, `${url}${q} ${type} ${String(payload).slice(0, 100)}`);
      }),
      fcOptions(300),
    );
  });

  it('NDJSON with any mix of good, broken, duplicate-key and invalid lines: one schema-valid line out per line in, in order', async () => {
    const line = fc.oneof(
      acceptableText(20).map((text) => JSON.stringify({ text })),
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
      fc.constantFrom('{broken', '{"text":"x","text":"y"}', '{"text":""}', '[1,2]', 'null', '"\\ud800"', '{"text":"\\ud800"}', '\u0000', '{"text":"x"}\r'),
      hostileText(15).map((s) => s.replace(/[\n]/g, ' ')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), async (lines) => {
        const res = await app.inject({ method: 'POST', url: '/v1/extract/batch', headers: { 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
        checkStatus(res, 'ndjson');
        const expected = lines.flatMap((l) => l.split(/\r?\n/)).filter((l) => /\S/.test(l.replace(/\r$/, ''))).length;
        if (expected === 0) {
          // no article at all: refused like an empty JSON body
          expect(res.statusCode).toBe(400);
          expect(res.json().type).toBe('/problems/malformed-body');
          return;
        }
        expect(res.statusCode).toBe(200);
        const out = res.body.split('\n').filter(Boolean).map((l) => BatchItemResultSchema.parse(JSON.parse(l)));
        expect(out.map((r) => r.index)).toEqual(Array.from({ length: expected }, (_, i) => i));
      }),
      fcOptions(120),
    );
  });
});
