// GET /metrics, scraped and parsed as Prometheus would: every metric is there and moves when
// requests are made. The pool runs the scripted fault worker (time-outs, restarts, shedding
// without the real engine); a second app runs the real engine for the knowledge-base metrics.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import { createPoolService } from '../../src/service/pool.js';
import { makeApp } from './helpers.js';

const FAULT_WORKER = fileURLToPath(new URL('./fixtures/fault-worker.mjs', import.meta.url));

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format (version 0.0.4): # HELP / # TYPE lines and `name{labels} value` samples. */
export function parseMetrics(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const t = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (t) types.set(t[1], t[2]);
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2].replace(/\\(.)/g, '$1');
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return { samples, types };
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const s = samples.filter((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v));
  return s.reduce((n, x) => n + x.value, 0);
}

async function scrape(app: FastifyInstance, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url: '/metrics', headers });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(res.body);
}

describe('GET /metrics with the worker pool', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const service = createPoolService({ workers: 1, timeoutMs: 400, maxQueue: 1, filename: FAULT_WORKER });
    app = await buildApp({ config: defaultConfig({ WORKERS: 1, MAX_QUEUE: 1, MAX_EVENT_LOOP_DELAY_MS: 0 }), service, logger: false });
    await app.ready();
    await app.extraction.start();
  });
  afterAll(() => app.close());

  it('every metric is present, and each moves when requests are made', async () => {
    const before = await scrape(app);
    const b = before.samples;
    for (const name of ['http_requests_total', 'http_request_duration_seconds', 'extraction_duration_seconds', 'extraction_seconds_per_kib', 'extraction_articles_total', 'extraction_queue_depth', 'extraction_requests_shed_total', 'extraction_worker_restarts_total', 'extraction_timeouts_total', 'kb_items', 'kb_files', 'kb_info', 'process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(before.types.has(name), name).toBe(true);
    }
    expect(before.types.get('http_request_duration_seconds')).toBe('histogram');
    expect(before.types.get('http_requests_total')).toBe('counter');

    const post = (text: string) => app.inject({ method: 'POST', url: '/v1/extract', payload: { text } });
    expect((await post('Pompeo met Lavrov.')).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: '' } })).statusCode).toBe(400);
    // a slow article holds the worker, the next one waits in the queue, the third is shed
    const slow = post('SLOW:600');
    await new Promise((r) => setTimeout(r, 100));
    const queued = post('Pompeo met Lavrov again.');
    await new Promise((r) => setTimeout(r, 50));
    const during = await scrape(app);
    expect(value(during.samples, 'extraction_queue_depth')).toBe(1);
    const shed = await post('shed me');
    expect(shed.statusCode).toBe(503);
    expect((await slow).statusCode).toBe(503); // over the 400 ms limit
    // the queued one runs on the replacement worker, or runs out of time waiting (queue wait counts)
    const queuedOk = (await queued).statusCode === 200 ? 1 : 0;
    // a hung article times out and its worker is replaced
    expect((await post('HANG')).statusCode).toBe(503);
    await expect.poll(() => app.extraction.stats().workers, { timeout: 5000 }).toBe(1);
    expect((await post('Pompeo met Lavrov after the restart.')).statusCode).toBe(200);

    const a = (await scrape(app)).samples;
    const route = { route: '/v1/extract', method: 'POST' };
    expect(value(a, 'http_requests_total', { ...route, status: '200' }) - value(b, 'http_requests_total', { ...route, status: '200' })).toBe(2 + queuedOk);
    expect(value(a, 'http_requests_total', { ...route, status: '400' })).toBe(1);
    expect(value(a, 'http_requests_total', { route: '/metrics', method: 'GET', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(value(a, 'http_request_duration_seconds_count', route)).toBeGreaterThanOrEqual(6);
    expect(value(a, 'http_request_duration_seconds_bucket', { ...route, le: '+Inf' })).toBe(value(a, 'http_request_duration_seconds_count', route));
    expect(value(a, 'extraction_articles_total', { language: 'en' })).toBe(2 + queuedOk);
    expect(value(a, 'extraction_duration_seconds_count')).toBe(2 + queuedOk);
    expect(value(a, 'extraction_seconds_per_kib_count')).toBe(2 + queuedOk);
    expect(value(a, 'extraction_requests_shed_total')).toBe(1);
    expect(value(a, 'extraction_timeouts_total')).toBeGreaterThanOrEqual(2);
    expect(value(a, 'extraction_worker_restarts_total')).toBeGreaterThanOrEqual(1);
    expect(value(a, 'extraction_queue_depth')).toBe(0);
    expect(value(a, 'extraction_workers')).toBe(1);
    expect(a.find((s) => s.name === 'kb_info')?.labels.kb_version).toBe('kb-0000000000000000');
  }, 30_000);

  it('404s share one "unmatched" series, whatever the path', async () => {
    for (const p of ['/a', '/b', '/c/d']) await app.inject({ method: 'GET', url: p });
    const s = (await scrape(app)).samples;
    expect(value(s, 'http_requests_total', { route: 'unmatched', status: '404' })).toBe(3);
    expect(s.some((x) => x.labels.route === '/a')).toBe(false);
  });
});

describe('GET /metrics with the real engine', () => {
  it('reports the knowledge base: items per kind, files, versions; /v1/kb says the same', async () => {
    const app = await makeApp();
    try {
      const s = (await scrape(app)).samples;
      const kb = (await app.inject({ method: 'GET', url: '/v1/kb' })).json();
      expect(value(s, 'kb_items', { kind: 'people' })).toBe(kb.counts.people);
      expect(kb.counts.people).toBeGreaterThan(500);
      expect(value(s, 'kb_files', { origin: 'built-in' })).toBe(kb.files.length);
      const info = s.find((x) => x.name === 'kb_info')!;
      expect(info.labels).toMatchObject({ engine_version: kb.engineVersion, kb_version: kb.kbVersion });
      expect(info.value).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('METRICS_TOKEN closes it: 401 without the token, 200 with it', async () => {
    const app = await makeApp({ METRICS_TOKEN: 'scrape-token-0123456789' });
    try {
      const none = await app.inject({ method: 'GET', url: '/metrics' });
      expect(none.statusCode).toBe(401);
      expect(none.json().type).toBe('/problems/unauthorized');
      expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode).toBe(401);
      await scrape(app, { authorization: 'Bearer scrape-token-0123456789' });
    } finally {
      await app.close();
    }
  });
});
