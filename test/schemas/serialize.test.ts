// The schema-compiled serializer (src/schemas/serialize.ts) writes exactly what
// JSON.stringify(schema.encode(value)) writes for values of the schema's shape: on the engine's
// output for every shared article, and on generated values with keys the schema does not know.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engine } from '../engine/engine-fixture.js';
import { ExtractionSchema, MeetingSchema } from '../../src/schemas/extraction.js';
import { compileSerializer } from '../../src/schemas/serialize.js';
import { stamp } from '../../src/service/versions.js';

const SHARED = fileURLToPath(new URL('../../../shared/articles/', import.meta.url));
const serialize = compileSerializer(ExtractionSchema);
const viaZod = (schema: z.ZodType, v: unknown) => JSON.stringify(schema.encode(v));

describe('compileSerializer', () => {
  it.skipIf(!existsSync(SHARED))('gives the bytes of JSON.stringify(ExtractionSchema.encode(result)) on every shared article, debug on and off', { timeout: 120_000 }, () => {
    const e = engine();
    let n = 0;
    for (const f of ['ar.jsonl', 'en.jsonl']) {
      for (const line of readFileSync(SHARED + f, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const a = JSON.parse(line) as { text: string; date?: string };
        for (const debug of [false, true]) {
          const out = stamp(e.extract({ text: a.text, publishedAt: a.date, debug, id: `a${n}` }), { engineVersion: '9.9.9', kbVersion: 'kb-test' });
          expect(ExtractionSchema.safeParse(out).success).toBe(true);
          expect(serialize(out)).toBe(viaZod(ExtractionSchema, out));
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(600);
  });

  it('orders keys as the schema does, drops unknown and undefined keys, keeps record keys and escapes strings', () => {
    const meeting = {
      confidence: 0.5,
      extra: { secret: 1 },
      topics: ['"quoted"\n', 'ü'],
      evidence: [{ text: 'a\u2028b', end: 3, start: 0, rule: undefined, junk: true }],
      date: { precision: 'day', value: '2019-05-15', text: undefined },
      locationIds: [],
      participantIds: ['p1'],
      status: 'held',
      type: 'talks',
      id: 'm1',
    };
    const s = compileSerializer(MeetingSchema)(meeting);
    expect(s).toBe(viaZod(MeetingSchema, meeting));
    expect(s.startsWith('{"id":"m1","type":"talks"')).toBe(true);
    expect(s).not.toContain('secret');
    const rec = z.object({ t: z.record(z.string(), z.number()) });
    expect(compileSerializer(rec)({ t: { b: 1, a: 2, '1': 3 } })).toBe(viaZod(rec, { t: { b: 1, a: 2, '1': 3 } }));
  });

  it('matches zod on generated mentions and meetings with unknown keys', () => {
    const mention = fc.record({ start: fc.nat(), end: fc.nat(), text: fc.string({ unit: 'binary' }), rule: fc.option(fc.string(), { nil: undefined }), other: fc.anything() }, { requiredKeys: ['start', 'end', 'text'] });
    const meeting = fc.record(
      {
        id: fc.string(),
        type: fc.constantFrom('meeting', 'talks', 'call'),
        status: fc.constantFrom('held', 'planned'),
        participantIds: fc.array(fc.string()),
        locationIds: fc.array(fc.string()),
        date: fc.record({ value: fc.string(), text: fc.option(fc.string(), { nil: undefined }), precision: fc.constantFrom('day', 'year') }, { requiredKeys: ['value', 'precision'] }),
        duration: fc.record({ minutes: fc.double({ noNaN: true, noDefaultInfinity: true }), text: fc.string() }),
        topics: fc.array(fc.string()),
        evidence: fc.array(mention, { maxLength: 4 }),
        confidence: fc.double({ min: 0, max: 1, noNaN: true }),
        unknown: fc.anything(),
      },
      { requiredKeys: ['id', 'type', 'status', 'participantIds', 'locationIds', 'topics', 'evidence', 'confidence'] },
    );
    const ser = compileSerializer(MeetingSchema);
    fc.assert(fc.property(meeting, (m) => ser(m) === viaZod(MeetingSchema, m)), { numRuns: 300 });
  });

  it('refuses schemas it cannot serialise without zod (transforms, unions)', () => {
    expect(() => compileSerializer(z.object({ a: z.union([z.string(), z.number()]) }))).toThrow(/not supported/);
    expect(() => compileSerializer(z.string().transform((s) => s.length))).toThrow(/not supported/);
  });
});
