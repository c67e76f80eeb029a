// API keys, rate limits, load shedding, helmet, CORS, request ids and what the logs may contain.
// The subject is HTTP policy, not the engine: every app here runs on the fake extraction
// service (no knowledge base loaded on the main thread, so no load shedding of its own making).
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { matchKey } from '../../src/plugins/auth.js';
import { GLOBAL_HELMET, helmetHeaders } from '../../src/plugins/security.js';
import { fakeService, makeApp, memoryLog, PROBLEM_JSON } from './helpers.js';

const apps: FastifyInstance[] = [];
async function app(...[over, service, logStream]: Parameters<typeof makeApp>) {
  const a = await makeApp(over, service ?? fakeService(), logStream);
  apps.push(a);
  return a;
}
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

describe('API keys', () => {
  const KEYS = ['k-alpha-0123456789', 'k-beta-9876543210'];

  it('401 without a key or with a wrong one; 200 with Bearer or x-api-key', async () => {
    const a = await app({ API_KEYS: KEYS });
    const post = (headers: Record<string, string>) => a.inject({ method: 'POST', url: '/v1/extract', headers, payload: { text: 'x' } });
    const none = await post({});
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect((await post({ authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await post({ authorization: `Bearer ${KEYS[0]}x` })).statusCode).toBe(401);
    expect((await post({ authorization: `Bearer ${KEYS[1]}` })).statusCode).toBe(200);
    expect((await post({ 'x-api-key': KEYS[0] })).statusCode).toBe(200);
  });

  it('health, readiness, docs and the OpenAPI document stay open', async () => {
    const a = await app({ API_KEYS: KEYS });
    for (const url of ['/healthz', '/readyz', '/openapi.json', '/docs/', '/problems/unauthorized']) {
      expect((await a.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });

  it('matchKey compares fixed-length digests of every key', () => {
    const digests = KEYS.map((k) => createHash('sha256').update(k).digest());
    expect(matchKey(KEYS[1], digests)).toBe(1);
    expect(matchKey('', digests)).toBe(-1);
    expect(matchKey(KEYS[0].slice(0, -1), digests)).toBe(-1);
  });
});

describe('rate limit', () => {
  it('429 rate-limited with Retry-After after RATE_LIMIT_PER_MINUTE requests, per key', async () => {
    const a = await app({ RATE_LIMIT_PER_MINUTE: 2, API_KEYS: ['key-one', 'key-two'] });
    const post = (key: string) => a.inject({ method: 'POST', url: '/v1/extract', headers: { 'x-api-key': key }, payload: { text: 'x' } });
    expect((await post('key-one')).statusCode).toBe(200);
    expect((await post('key-one')).statusCode).toBe(200);
    const limited = await post('key-one');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(limited.json().type).toBe('/problems/rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post('key-two')).statusCode).toBe(200);
    expect((await a.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('is off by default', async () => {
    const a = await app();
    for (let i = 0; i < 30; i++) expect((await a.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x' } })).statusCode).toBe(200);
  });
});

describe('load shedding (under-pressure)', () => {
  it('503 overloaded with Retry-After while the event loop is blocked; /healthz stays up; recovers', async () => {
    const a = await app({ MAX_EVENT_LOOP_DELAY_MS: 20, RETRY_AFTER_SECONDS: 7 });
    const until = Date.now() + 1200;
    while (Date.now() < until); // block the event loop past one sampling interval
    await new Promise((r) => setTimeout(r, 50));
    const res = await a.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x' } });
    expect(res.statusCode).toBe(503);
    expect(res.json().type).toBe('/problems/overloaded');
    expect(res.headers['retry-after']).toBe('7');
    expect((await a.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await expect.poll(async () => (await a.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x' } })).statusCode, { timeout: 5000, interval: 200 }).toBe(200);
  });
});

describe('headers', () => {
  it('helmet headers are set; CORS is off by default', async () => {
    const a = await app();
    const res = await a.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await a.inject({ method: 'OPTIONS', url: '/v1/extract', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('every response carries the full helmet set, computed once; a route option replaces parts of it', async () => {
    const a = await app();
    const want = helmetHeaders(GLOBAL_HELMET);
    expect(want.map(([k]) => k)).toEqual(expect.arrayContaining(['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'cross-origin-opener-policy']));
    for (const [method, url] of [['GET', '/healthz'], ['GET', '/nope'], ['POST', '/v1/extract']] as const) {
      const res = await a.inject({ method, url, payload: method === 'POST' ? { text: 1 } : undefined });
      for (const [k, v] of want) expect(res.headers[k], `${method} ${url} ${k}`).toBe(v);
    }
    expect(new Map(want).get('content-security-policy')).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
    const page = await a.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(() => helmetHeaders({ contentSecurityPolicy: { directives: { 'bad;name': ['x'] } } })).toThrow(/directive/);
  });

  it('CORS allows only the configured origins', async () => {
    const a = await app({ CORS_ORIGINS: ['https://newsroom.example'] });
    const ok = await a.inject({ method: 'OPTIONS', url: '/v1/extract', headers: { origin: 'https://newsroom.example', 'access-control-request-method': 'POST' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://newsroom.example');
    const no = await a.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('honours a well-formed x-request-id and echoes it; replaces a malformed one', async () => {
    const a = await app();
    const res = await a.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-request-id']).toBe('abc-123');
    const bad = await a.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'evil\nid with spaces' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const err = await a.inject({ method: 'POST', url: '/v1/extract', headers: { 'x-request-id': 'err-1' }, payload: {} });
    expect(err.headers['x-request-id']).toBe('err-1');
    expect(err.json().requestId).toBe('err-1');
  });
});

describe('logs', () => {
  const MARKER = 'EMBARGO-MARKER-7f3a سري للغاية';

  it('one line per request with id, method, route, status, duration and text length; never the article text or keys', async () => {
    const log = memoryLog();
    const a = await app({ API_KEYS: ['secret-key-123'], LOG_LEVEL: 'trace' }, undefined, log.stream);
    const headers = { authorization: 'Bearer secret-key-123', 'x-request-id': 'log-1' };
    await a.inject({ method: 'POST', url: '/v1/extract', headers, payload: { text: MARKER, title: MARKER } });
    await a.inject({ method: 'POST', url: `/v1/extract?title=${encodeURIComponent(MARKER)}`, headers: { ...headers, 'content-type': 'text/plain' }, payload: MARKER });
    await a.inject({ method: 'POST', url: '/v1/extract', headers, payload: { text: 5, title: MARKER } });
    await a.inject({ method: 'POST', url: '/v1/extract', headers: { ...headers, 'content-type': 'application/json' }, payload: `{"text": "${MARKER}` });
    await a.inject({ method: 'POST', url: '/v1/extract/batch', headers: { ...headers, 'content-type': 'application/x-ndjson' }, payload: `{"text":"${MARKER}"}\n{broken ${MARKER}` });
    await a.inject({ method: 'POST', url: '/v1/extract', headers: { 'x-api-key': 'wrong-key-456' }, payload: { text: MARKER } });
    const all = log.lines.join('\n');
    expect(all).not.toContain('EMBARGO-MARKER');
    expect(all).not.toContain('secret-key-123');
    expect(all).not.toContain('wrong-key-456');
    const first = log.lines.map((l) => JSON.parse(l)).filter((l) => l.requestId === 'log-1');
    const done = first.filter((l) => l.msg === 'request completed');
    expect(done.length).toBe(5);
    expect(done[0]).toMatchObject({ method: 'POST', route: '/v1/extract', status: 200, textLength: MARKER.length });
    expect(typeof done[0].durationMs).toBe('number');
  });

  it('logs the text only when LOG_ARTICLE_TEXT=true', async () => {
    const log = memoryLog();
    const a = await app({ LOG_ARTICLE_TEXT: true, LOG_LEVEL: 'debug' }, undefined, log.stream);
    await a.inject({ method: 'POST', url: '/v1/extract', payload: { text: MARKER } });
    expect(log.lines.join('\n')).toContain('EMBARGO-MARKER');
  });
});
