// POST /v1/extract through fastify.inject: success paths and every error status.
// No assertions on which entities the engine finds (it is still landing): only the contract.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/errors.js';
import { ExtractionSchema } from '../../src/schemas/extraction.js';
import { EXAMPLE_AR } from '../../src/schemas/api.js';
import { fakeService, makeApp, PROBLEM_JSON } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp({ BODY_LIMIT: 64 * 1024 });
});
afterAll(() => app.close());

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, type: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
  const body = res.json();
  expect(body).toMatchObject({ type: `/problems/${type}`, status });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules|\/work\//); // no stack, no internal paths
  return body;
}

describe('POST /v1/extract', () => {
  it('returns a schema-valid extraction for a JSON body, echoing id and publishedAt', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: EXAMPLE_AR, publishedAt: '2019-05-15', id: 'a1' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = ExtractionSchema.parse(res.json());
    expect(body.id).toBe('a1');
    for (const list of [body.participants, body.locations, body.resolutions]) {
      for (const item of list) for (const m of item.mentions) expect(EXAMPLE_AR.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('accepts text/plain with the optional fields in the query string', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/extract?publishedAt=2019-05-15&language=ar&id=plain-1&debug=false',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: EXAMPLE_AR,
    });
    expect(res.statusCode).toBe(200);
    expect(ExtractionSchema.parse(res.json()).id).toBe('plain-1');
  });

  it('passes debug through to the engine', async () => {
    let seen: unknown;
    const a = await makeApp({}, fakeService((i) => ((seen = i.debug), { language: 'en', participants: [], meetings: [], locations: [], resolutions: [], debug: { timings: { total: 1 } } })));
    const res = await a.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x', debug: true } });
    expect(res.statusCode).toBe(200);
    expect(seen).toBe(true);
    expect(res.json().debug).toEqual({ timings: { total: 1 } });
    await a.close();
  });

  it.each([
    ['missing text', {}, '/text'],
    ['empty text', { text: '' }, '/text'],
    ['blank text', { text: ' \n\t ' }, '/text'],
    ['text of the wrong type', { text: 42 }, '/text'],
    ['text null', { text: null }, '/text'],
    ['invalid publishedAt', { text: 'x', publishedAt: '2019-02-30' }, '/publishedAt'],
    ['publishedAt not a date', { text: 'x', publishedAt: 'yesterday' }, '/publishedAt'],
    ['unknown language', { text: 'x', language: 'fr' }, '/language'],
    ['debug not a boolean', { text: 'x', debug: 'yes' }, '/debug'],
  ])('400 validation-error with the field pointer: %s', async (_name, payload, pointer) => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract', payload });
    const body = expectProblem(res, 400, 'validation-error');
    expect(body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    for (const e of body.errors) expect(Object.keys(e).sort()).toEqual(['code', 'message', 'pointer']);
  });

  it('lists every offending field at once', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: 1, publishedAt: 'x', language: 'xx' } });
    const pointers = expectProblem(res, 400, 'validation-error').errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/text', '/publishedAt', '/language']));
  });

  it.each([
    ['null', 'null'],
    ['an array', '[{"text":"x"}]'],
    ['a string', '"text"'],
  ])('400 validation-error for a JSON body that is %s', async (_n, payload) => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': 'application/json' }, payload });
    expectProblem(res, 400, 'validation-error');
  });

  it('400 validation-error for a bad query parameter on text/plain', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract?language=xx', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(expectProblem(res, 400, 'validation-error').errors[0].pointer).toBe('/language');
  });

  it('400 validation-error for an empty text/plain body', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': 'text/plain' }, payload: '' });
    expectProblem(res, 400, 'validation-error');
  });

  it.each([
    ['truncated JSON', '{"text": "سوتشي'],
    ['trailing garbage', '{"text":"x"} xyz'],
    ['an empty JSON body', ''],
    ['prototype poisoning', '{"text":"x","__proto__":{"a":1}}'],
  ])('400 malformed-body for %s, without echoing the body', async (_n, payload) => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': 'application/json' }, payload });
    const body = expectProblem(res, 400, 'malformed-body');
    expect(body.detail).not.toContain('سوتشي');
  });

  it('does not crash on deeply nested JSON', async () => {
    const payload = '{"text":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}';
    const a = await makeApp({ BODY_LIMIT: 1024 * 1024 });
    const res = await a.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    await a.close();
  });

  it('413 body-too-large over BODY_LIMIT, for JSON and text/plain', async () => {
    const big = 'ب'.repeat(40 * 1024); // 80 KiB in UTF-8
    expectProblem(await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: big } }), 413, 'body-too-large');
    expectProblem(await app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': 'text/plain' }, payload: big }), 413, 'body-too-large');
  });

  it.each(['application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/x-ndjson'])('415 unsupported-media-type for %s', async (type) => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': type }, payload: 'text=x' });
    expectProblem(res, 415, 'unsupported-media-type');
  });

  it('500 internal-error with a generic message when the engine throws', async () => {
    const a = await makeApp({}, fakeService(() => {
      throw new Error('secret failure at /srv/app/src/engine/index.ts:42');
    }));
    const res = await a.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x' } });
    const body = expectProblem(res, 500, 'internal-error');
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(body.requestId).toBe(res.headers['x-request-id']);
    await a.close();
  });

  it('500 internal-error when the engine returns something outside the response schema', async () => {
    const a = await makeApp({}, fakeService(() => ({ language: 'xx' }) as never));
    expectProblem(await a.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x' } }), 500, 'internal-error');
    await a.close();
  });

  it('503 not-ready with Retry-After while the knowledge base loads', async () => {
    const a = await makeApp({}, fakeService(undefined, false));
    const res = await a.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x' } });
    expectProblem(res, 503, 'not-ready');
    expect(res.headers['retry-after']).toBe('5');
    await a.close();
  });

  it.each(['overloaded', 'extraction-timeout'] as const)('503 %s with Retry-After from the service', async (code) => {
    const a = await makeApp({}, fakeService(() => {
      throw new ProblemError(code, 'busy');
    }));
    const res = await a.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x' } });
    expectProblem(res, 503, code);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await a.close();
  });
});

describe('other routes', () => {
  it('404 not-found as a problem', async () => {
    const res = await app.inject({ method: 'GET', url: '/v2/nothing' });
    expect(expectProblem(res, 404, 'not-found').instance).toBe('/v2/nothing');
  });

  it('GET /healthz and /readyz', async () => {
    const h = await app.inject({ method: 'GET', url: '/healthz' });
    expect(h.statusCode).toBe(200);
    expect(h.json().status).toBe('ok');
    const r = await app.inject({ method: 'GET', url: '/readyz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ready', mode: 'in-process' });
  });

  it('GET /readyz is 503 until the knowledge base is loaded', async () => {
    const a = await makeApp({}, fakeService(undefined, false));
    const res = await a.inject({ method: 'GET', url: '/readyz' });
    expectProblem(res, 503, 'not-ready');
    expect((await a.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await a.close();
  });

  it('GET /problems/{code} documents each problem type; unknown codes are 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/problems/validation-error' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type: '/problems/validation-error', status: 400 });
    expectProblem(await app.inject({ method: 'GET', url: '/problems/__proto__' }), 404, 'not-found');
  });

  it('GET /docs serves Swagger UI', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    const json = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(json.json().openapi).toBe('3.1.0');
  });
});
