// Embargoed text never reaches the logs: a unique marker goes into every field of every kind
// of request — served, invalid, malformed, failing inside the engine (with the text in the
// error message), failing the response schema, in worker threads — with logging at trace
// level; then the captured log output is searched for it. (security.test.ts covers the
// ordinary paths and LOG_ARTICLE_TEXT=true.)
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import { createPoolService } from '../../src/service/pool.js';
import { fakeService, makeApp, memoryLog } from '../api/helpers.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

const marker = () => `EMBARGO-${randomUUID()}-حصري`;

async function throwAll(a: FastifyInstance, m: string) {
  const j = { 'content-type': 'application/json' };
  const reqs: InjectOptions[] = [
    { method: 'POST', url: '/v1/extract', payload: { text: `${m} التقى بوتين`, title: m, id: 'id-1' } },
    { method: 'POST', url: `/v1/extract?title=${encodeURIComponent(m)}&id=x`, headers: { 'content-type': 'text/plain' }, payload: m },
    { method: 'POST', url: '/v1/extract/batch', payload: [{ text: m }, { text: 5, title: m }, { text: m, language: 'xx' }] },
    { method: 'POST', url: '/v1/extract/batch', headers: { 'content-type': 'application/x-ndjson' }, payload: `{"text":"${m}"}\n{"text":"${m}","text":"${m}"}\n{broken ${m}\n` },
    { method: 'POST', url: '/v1/extract', headers: j, payload: `{"text":"${m}","text":"${m}"}` },
    { method: 'POST', url: '/v1/extract', headers: j, payload: `{"text": "${m}` },
    { method: 'POST', url: '/v1/extract', headers: { 'content-type': 'application/xml' }, payload: `<text>${m}</text>` },
  ];
  for (const r of reqs) await a.inject(r);
}

describe('article text never in the logs', () => {
  it('real engine, every kind of request, LOG_LEVEL=trace', async () => {
    const log = memoryLog();
    const a = await makeApp({ LOG_LEVEL: 'trace' }, undefined, log.stream);
    apps.push(a);
    const m = marker();
    await throwAll(a, m);
    expect(log.lines.length).toBeGreaterThan(5);
    expect(log.lines.join('\n')).not.toContain(m.slice(0, 20));
  });

  it('an engine error whose message (and stack) quotes the article is logged without it', async () => {
    const log = memoryLog();
    const m = marker();
    const a = await makeApp({ LOG_LEVEL: 'trace' }, fakeService((i) => {
      throw new Error(`could not parse sentence «${i.text}»`);
    }), log.stream);
    apps.push(a);
    await throwAll(a, m);
    const all = log.lines.join('\n');
    expect(all).toContain('unexpected error'); // the failure is logged ...
    expect(all).toContain('batch item failed');
    expect(all).not.toContain(m.slice(0, 20)); // ... without the text
  });

  it('an engine result outside the response schema (carrying the text) is logged without it', async () => {
    const log = memoryLog();
    const m = marker();
    const a = await makeApp({ LOG_LEVEL: 'trace' }, fakeService((i) => ({ language: 'en', participants: [{ name: i.text, mentions: [{ text: i.text }] }] }) as never), log.stream);
    apps.push(a);
    await throwAll(a, m);
    expect(log.lines.join('\n')).not.toContain(m.slice(0, 20));
  });

  it('worker threads: an error thrown in the worker, a crash and a timeout', async () => {
    const log = memoryLog();
    const m = marker();
    const service = createPoolService({ workers: 1, timeoutMs: 500, maxQueue: 4, filename: fileURLToPath(new URL('../api/fixtures/fault-worker.mjs', import.meta.url)) });
    const a = await buildApp({ config: defaultConfig({ WORKERS: 1, LOG_LEVEL: 'trace' }), service, logStream: log.stream });
    apps.push(a);
    await a.ready();
    await a.extraction.start();
    for (const text of ['THROW', 'CRASH', 'HANG', m]) {
      await a.inject({ method: 'POST', url: '/v1/extract', payload: { text, title: m, id: m.slice(0, 40) } });
    }
    expect(log.lines.join('\n')).not.toContain(m.slice(0, 20));
  });
});
