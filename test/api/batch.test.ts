// POST /v1/extract/batch: JSON arrays and streamed NDJSON; a bad item never fails the others.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchItemResultSchema, BatchResponseSchema } from '../../src/schemas/api.js';
import { mapOrdered, splitLines } from '../../src/service/ndjson.js';
import { fakeService, makeApp, PROBLEM_JSON } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp({ BATCH_MAX: 5, BODY_LIMIT: 4096 });
});
afterAll(() => app.close());

const ndjson = (_?: string) => ({ 'content-type': 'application/x-ndjson' }) as const;
const parseLines = (body: string) => body.split('\n').filter(Boolean).map((l) => BatchItemResultSchema.parse(JSON.parse(l)));

describe('JSON batch', () => {
  it('returns one result per item, in order; bad items get a problem with pointers into the body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/extract/batch',
      payload: [{ text: 'Pompeo met Putin.', id: 'a' }, { text: 7, id: 'b' }, null, { text: 'x', language: 'fr' }, { text: 'التقى بوتين', id: 'e' }],
    });
    expect(res.statusCode).toBe(200);
    const body = BatchResponseSchema.parse(res.json());
    expect(body.results.map((r) => [r.index, r.ok])).toEqual([
      [0, true],
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(body).toMatchObject({ succeeded: 2, failed: 3 });
    expect(body.results[0].id).toBe('a');
    expect(body.results[1].id).toBe('b');
    const bad = body.results[1];
    if (bad.ok) throw new Error('expected a failure');
    expect(bad.error).toMatchObject({ type: '/problems/validation-error', status: 400 });
    expect(bad.error.errors?.[0].pointer).toBe('/1/text');
    const lang = body.results[3];
    expect(!lang.ok && lang.error.errors?.[0].pointer).toBe('/3/language');
  });

  it('an empty array is an empty result', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract/batch', payload: [] });
    expect(res.json()).toEqual({ results: [], succeeded: 0, failed: 0 });
  });

  it('413 batch-too-large over BATCH_MAX', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract/batch', payload: Array.from({ length: 6 }, () => ({ text: 'x' })) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.json().type).toBe('/problems/batch-too-large');
  });

  it.each([
    ['an object', { text: 'x' }],
    ['null', null],
  ])('400 validation-error when the body is %s', async (_n, payload) => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract/batch', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
    expect(res.statusCode).toBe(400);
    expect(res.json().type).toBe('/problems/validation-error');
  });

  it('415 for text/plain', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract/batch', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(res.statusCode).toBe(415);
  });

  it('a failing extraction fails only its item', async () => {
    const a = await makeApp({}, fakeService((i) => {
      if (i.text === 'boom') throw new Error('engine exploded');
      return { id: i.id, language: 'en', participants: [], meetings: [], locations: [], resolutions: [] };
    }));
    const res = await a.inject({ method: 'POST', url: '/v1/extract/batch', payload: [{ text: 'ok' }, { text: 'boom' }, { text: 'ok' }] });
    const body = BatchResponseSchema.parse(res.json());
    expect(body.results.map((r) => r.ok)).toEqual([true, false, true]);
    const failed = body.results[1];
    expect(!failed.ok && failed.error.type).toBe('/problems/internal-error');
    expect(JSON.stringify(body)).not.toContain('exploded');
    await a.close();
  });
});

describe('NDJSON batch', () => {
  it('streams one line per article in request order; broken and oversized lines get error lines', async () => {
    const lines = [
      JSON.stringify({ text: 'first', id: 'one' }),
      '',
      '{not json',
      JSON.stringify({ text: '' }),
      JSON.stringify({ text: 'x'.repeat(5000) }), // over BODY_LIMIT (4096) for one line
      JSON.stringify({ text: 'last', id: 'five' }) + '\r',
    ];
    const res = await app.inject({ method: 'POST', url: '/v1/extract/batch', headers: ndjson(''), payload: lines.join('\n') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const out = parseLines(res.body);
    expect(out.map((r) => [r.index, r.ok, r.ok ? null : r.error.type])).toEqual([
      [0, true, null],
      [1, false, '/problems/malformed-body'],
      [2, false, '/problems/validation-error'],
      [3, false, '/problems/body-too-large'],
      [4, true, null],
    ]);
    expect(out[0].id).toBe('one');
    expect(out[4].id).toBe('five');
  });

  it('keeps request order when extractions finish out of order', async () => {
    const a = await makeApp({ WORKERS: 0 }, fakeService(async (i) => {
      await new Promise((r) => setTimeout(r, Number(i.id) % 3 === 0 ? 15 : 1));
      return { id: i.id, language: 'en', participants: [], meetings: [], locations: [], resolutions: [] };
    }));
    const n = 40;
    const payload = Array.from({ length: n }, (_, i) => JSON.stringify({ text: 't', id: String(i) })).join('\n');
    const res = await a.inject({ method: 'POST', url: '/v1/extract/batch', headers: ndjson(''), payload });
    expect(parseLines(res.body).map((r) => r.id)).toEqual(Array.from({ length: n }, (_, i) => String(i)));
    await a.close();
  });

  it('handles many lines in a stream (no body limit on the whole stream)', async () => {
    const n = 2000;
    const line = JSON.stringify({ text: 'Pompeo met Lavrov in Sochi.' }) + '\n';
    const source = Readable.from((function* () {
      for (let i = 0; i < n; i++) yield line;
    })());
    const res = await app.inject({ method: 'POST', url: '/v1/extract/batch', headers: ndjson(''), payload: source });
    expect(res.statusCode).toBe(200);
    const out = res.body.split('\n').filter(Boolean);
    expect(out).toHaveLength(n);
    expect(JSON.parse(out[n - 1]).index).toBe(n - 1);
  });
});

describe('NDJSON helpers', () => {
  async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const x of it) out.push(x);
    return out;
  }

  it('splitLines joins multi-byte characters split across chunks and caps line size', async () => {
    const bytes = Buffer.from('سوتشي\n\n' + 'a'.repeat(20) + '\nlast', 'utf8');
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 9), bytes.subarray(9)];
    const lines = await collect(splitLines(Readable.from(chunks), 10));
    expect(lines).toEqual([{ kind: 'line', text: 'سوتشي', line: 1 }, { kind: 'too-long', bytes: 20, line: 3 }, { kind: 'line', text: 'last', line: 4 }]);
  });

  it('mapOrdered keeps order and bounds concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    async function* src() {
      for (let i = 0; i < 30; i++) yield i;
    }
    const out = await collect(
      mapOrdered(src(), 4, async (x) => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, (x * 7) % 5));
        inFlight--;
        return x * 2;
      }),
    );
    expect(out).toEqual(Array.from({ length: 30 }, (_, i) => i * 2));
    expect(peak).toBeLessThanOrEqual(4);
  });
});

describe('NDJSON response schema', () => {
  it('an engine result outside the schema becomes an internal-error line, the others stand', async () => {
    const a = await makeApp({}, fakeService((i) => (i.text === 'bad' ? ({ language: 'xx' } as never) : { language: 'en', participants: [], meetings: [], locations: [], resolutions: [] })));
    const res = await a.inject({ method: 'POST', url: '/v1/extract/batch', headers: { 'content-type': 'application/x-ndjson' }, payload: '{"text":"ok"}\n{"text":"bad"}\n{"text":"ok"}\n' });
    const out = res.body.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(out.map((r) => r.ok)).toEqual([true, false, true]);
    expect(out[1].error.type).toBe('/problems/internal-error');
    await a.close();
  });
});
