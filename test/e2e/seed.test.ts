// SEED TEST (structural facts only): the reference article from ../shared, when present,
// comes back with the four lists and exact offsets. It deliberately does not check which
// entities are found — that is the engine's evaluation (npm run eval), not the API's.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ExtractionSchema } from '../../src/schemas/extraction.js';
import { makeApp } from '../api/helpers.js';

const SEED = fileURLToPath(new URL('../../../shared/articles/seed-sochi-2019-ar.txt', import.meta.url));

describe.skipIf(!existsSync(SEED))('seed article (../shared, structural only)', () => {
  let app: FastifyInstance;
  let text: string;
  beforeAll(async () => {
    app = await makeApp();
    text = readFileSync(SEED, 'utf8');
  });
  afterAll(() => app?.close());

  it.each(['json', 'text/plain'])('returns the four lists with valid offsets (%s)', async (mode) => {
    const res =
      mode === 'json'
        ? await app.inject({ method: 'POST', url: '/v1/extract', payload: { text, publishedAt: '2019-05-15' } })
        : await app.inject({ method: 'POST', url: '/v1/extract?publishedAt=2019-05-15', headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: text });
    expect(res.statusCode).toBe(200);
    const body = ExtractionSchema.parse(res.json());
    for (const key of ['participants', 'meetings', 'locations', 'resolutions'] as const) expect(Array.isArray(body[key])).toBe(true);
    const spans = [...body.participants, ...body.locations, ...body.resolutions].flatMap((x) => x.mentions).concat(body.meetings.flatMap((m) => m.evidence));
    for (const m of spans) {
      expect(m.start).toBeLessThanOrEqual(m.end);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });
});
