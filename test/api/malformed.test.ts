// Malformed requests, one by one: each gets a precise 4xx problem, never a 5xx.
// (extract.test.ts and batch.test.ts cover the basic wrong types, null, arrays, invalid dates,
// unknown languages, body limits, media types, BATCH_MAX and broken NDJSON lines; these are
// the harder cases: duplicate keys, deep nesting, odd encodings, odd numbers and dates.)
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDuplicateKey } from '../../src/plugins/strict-json.js';
import { BatchItemResultSchema, ProblemSchema } from '../../src/schemas/api.js';
import { makeApp, PROBLEM_JSON } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  // in-process engine: no load shedding of its own making (the subject is malformed input, not overload)
  app = await makeApp({ BODY_LIMIT: 1024 * 1024, BATCH_MAX: 5, MAX_EVENT_LOOP_DELAY_MS: 0 });
});
afterAll(() => app.close());

const json = { 'content-type': 'application/json' };
const post = (url: string, payload: string | Buffer, headers: Record<string, string> = json) => app.inject({ method: 'POST', url, headers, payload });

function problemOf(res: Awaited<ReturnType<typeof post>>, status: number, type: string) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
  const p = ProblemSchema.parse(res.json());
  expect(p.type).toBe(`/problems/${type}`);
  return p;
}

describe('duplicate keys', () => {
  it.each([
    ['at the top level', '{"text":"public copy","text":"embargoed copy"}', '/text'],
    ['spelled differently (escape)', '{"text":"a","\\u0074ext":"b"}', '/text'],
    ['in an optional field', '{"text":"a","language":"ar","language":"en"}', '/language'],
    ['in a nested object', '{"text":"a","x":{"k":1,"k":2}}', '/x/k'],
  ])('400 malformed-body %s, with a pointer to the repeated key', async (_n, payload, pointer) => {
    const p = problemOf(await post('/v1/extract', payload), 400, 'malformed-body');
    expect(p.errors).toEqual([{ pointer, message: 'duplicate key', code: 'duplicate_key' }]);
    expect(p.detail).not.toContain('embargoed');
  });

  it('400 for a JSON batch with a repeated key in one item (the pointer names the item)', async () => {
    const p = problemOf(await post('/v1/extract/batch', '[{"text":"a"},{"text":"b","id":"1","id":"2"}]'), 400, 'malformed-body');
    expect(p.errors?.[0].pointer).toBe('/1/id');
  });

  it('an NDJSON line with a repeated key gets its own error line; the others are processed', async () => {
    const res = await post('/v1/extract/batch', '{"text":"a"}\n{"text":"a","text":"b"}\n{"text":"c"}\n', { 'content-type': 'application/x-ndjson' });
    expect(res.statusCode).toBe(200);
    const out = res.body.split('\n').filter(Boolean).map((l) => BatchItemResultSchema.parse(JSON.parse(l)));
    expect(out.map((r) => r.ok)).toEqual([true, false, true]);
    const bad = out[1];
    if (bad.ok) throw new Error('expected a failure');
    expect(bad.error.type).toBe('/problems/malformed-body');
    expect(bad.error.errors?.[0].pointer).toBe('/text');
  });

  it('equal keys in different objects are fine', async () => {
    const res = await post('/v1/extract/batch', '[{"text":"a","id":"1"},{"text":"b","id":"2"}]');
    expect(res.statusCode).toBe(200);
    // not a duplicate key (the fields are refused for being unknown, by the schema)
    const nested = await post('/v1/extract', '{"text":"a","x":{"text":1},"y":[{"text":2},{"text":3}]}');
    expect(nested.statusCode).toBe(400);
    expect(nested.json().type).toBe('/problems/validation-error');
    expect(nested.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/x', '/y']);
  });

  it('the detector is exact on escapes and strings that look like keys', () => {
    expect(findDuplicateKey('{"a":"\\"a\\":1","b":"\\\\"}')).toBeUndefined();
    expect(findDuplicateKey('{"a\\\\":1,"a\\\\":2}')).toEqual(['a\\']);
    expect(findDuplicateKey('{"":1,"":2}')).toEqual(['']);
    expect(findDuplicateKey('[{"a":1},{"a":1}]')).toBeUndefined();
    expect(findDuplicateKey('{"a":{"b":1},"c":[{"x":1,"y":{"x":2}},{"q":1,"q":2}]}')).toEqual(['c', 1, 'q']);
  });

  it('the detector is linear: 100,000 keys and 50,000 nested objects take milliseconds', () => {
    const many = '{' + Array.from({ length: 100_000 }, (_, i) => `"k${i}":${i}`).join(',') + '}';
    const deep = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    const t0 = performance.now();
    expect(findDuplicateKey(many)).toBeUndefined();
    expect(findDuplicateKey(deep)).toBeUndefined();
    expect(findDuplicateKey(many.slice(0, -1) + ',"k99999":0}')).toEqual(['k99999']);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('deeply nested JSON', () => {
  it.each([
    ['arrays as the body', '['.repeat(50_000) + ']'.repeat(50_000), '/v1/extract', 400],
    ['objects as the body', '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), '/v1/extract', 400],
    ['objects beside the text (an unknown field: 400)', '{"text":"x","extra":' + '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000) + '}', '/v1/extract', 400],
    ['arrays as a batch', '['.repeat(50_000) + ']'.repeat(50_000), '/v1/extract/batch', 200],
  ])('%s: never a 5xx', async (_n, payload, url, status) => {
    const res = await post(url, payload);
    expect(res.statusCode).toBe(status);
    if (status === 200 && url.endsWith('batch')) expect(res.json().failed).toBe(1);
  });
});

describe('encodings and odd values', () => {
  it('a byte-order mark before JSON is skipped (as Fastify does)', async () => {
    const res = await post('/v1/extract', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"text":"x"}')]));
    expect(res.statusCode).toBe(200);
  });

  it('invalid UTF-8 in a JSON string is a 400, not decoded with replacement characters', async () => {
    const res = await post('/v1/extract', Buffer.concat([Buffer.from('{"text":"التقى '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' بوتين"}')]));
    problemOf(res, 400, 'malformed-body');
    expect(res.json().detail).toMatch(/not valid UTF-8/);
  });

  it('invalid UTF-8 in text/plain is a 400, not a 5xx', async () => {
    const res = await post('/v1/extract', Buffer.from([0x80, 0x81, 0x41, 0xed, 0xa0, 0x80]), { 'content-type': 'text/plain' });
    problemOf(res, 400, 'malformed-body');
    expect(res.json().detail).toMatch(/not valid utf-8/);
  });

  it('lone surrogates in JSON escapes are accepted and offsets stay exact', async () => {
    const text = '\ud800التقى\udfff بوتين \ud83d';
    const res = await post('/v1/extract', JSON.stringify({ text }));
    expect(res.statusCode).toBe(200);
    for (const p of res.json().participants) for (const m of p.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it.each([
    ['text is a huge number', '{"text":1e999}', '/text'],
    ['text is an object', '{"text":{"text":"x"}}', '/text'],
    ['text is an array of strings', '{"text":["x"]}', '/text'],
    ['title is too long', JSON.stringify({ text: 'x', title: 't'.repeat(10_001) }), '/title'],
    ['id is too long', JSON.stringify({ text: 'x', id: 'i'.repeat(513) }), '/id'],
    ['publishedAt has no offset', '{"text":"x","publishedAt":"2019-05-15T10:00:00"}', '/publishedAt'],
    ['publishedAt is out of range', '{"text":"x","publishedAt":"2019-05-15T25:00:00Z"}', '/publishedAt'],
    ['publishedAt is not a leap day', '{"text":"x","publishedAt":"2019-02-29"}', '/publishedAt'],
    ['publishedAt is a number', '{"text":"x","publishedAt":20190515}', '/publishedAt'],
    ['language differs in case', '{"text":"x","language":"AR"}', '/language'],
    ['language is a locale', '{"text":"x","language":"ar-EG"}', '/language'],
  ])('400 validation-error: %s', async (_n, payload, pointer) => {
    const p = problemOf(await post('/v1/extract', payload), 400, 'validation-error');
    expect(p.errors?.map((e) => e.pointer)).toContain(pointer);
  });

  it('a query parameter given twice is a validation error', async () => {
    const res = await post('/v1/extract?language=ar&language=en', 'x', { 'content-type': 'text/plain' });
    problemOf(res, 400, 'validation-error');
  });

  it('a 4xx problem without a content type', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract', payload: 'x' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
  });

  it('413 for a JSON batch over BODY_LIMIT', async () => {
    problemOf(await post('/v1/extract/batch', JSON.stringify([{ text: 'x'.repeat(1024 * 1024) }])), 413, 'body-too-large');
  });

  it('405 with Allow for the wrong method on a known route; 404 for an unknown path', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/extract' });
    problemOf(res, 405, 'method-not-allowed');
    expect(res.headers.allow).toBe('POST');
    const health = await app.inject({ method: 'POST', url: '/healthz/' });
    problemOf(health, 405, 'method-not-allowed');
    expect(health.headers.allow).toBe('GET, HEAD');
    problemOf(await app.inject({ method: 'GET', url: '/v1/nothing-here' }), 404, 'not-found');
  });
});
