// The reference article (../shared/articles/seed-sochi-2019-ar.txt) through the engine:
// what DESIGN.md says it should give. Skips cleanly where ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/schemas/extraction.js';
import { engine } from './engine-fixture.js';

const SEED = fileURLToPath(new URL('../../../shared/articles/seed-sochi-2019-ar.txt', import.meta.url));

describe.skipIf(!existsSync(SEED))('seed article: Pompeo in Sochi, 2019', () => {
  let out: Extraction;
  let text: string;
  beforeAll(() => {
    text = readFileSync(SEED, 'utf8');
    out = engine().extract({ text, publishedAt: '2019-05-15' });
  });
  const person = (en: string) => out.participants.find((p) => p.type === 'person' && p.name === en);

  it('detects Arabic', () => expect(out.language).toBe('ar'));

  it('cites UNSC 2254 (2015) once, with both mentions', () => {
    expect(out.resolutions).toHaveLength(1);
    const r = out.resolutions[0];
    expect(r).toMatchObject({ body: 'UNSC', number: 2254, year: 2015, symbol: 'S/RES/2254 (2015)' });
    expect(r.mentions.map((m) => m.text)).toEqual(['قرار مجلس الأمن الرقم 2254', 'القرار الدولي 2254']);
  });

  it('geocodes Sochi, Syria, Idlib, Russia, the United States and the Black Sea', () => {
    const sochi = out.locations.find((l) => l.geonamesId === 491422);
    expect(sochi).toMatchObject({ countryCode: 'RU', type: 'city' });
    expect(sochi!.coordinates!.lat).toBeCloseTo(43.6, 1);
    expect(sochi!.coordinates!.lon).toBeCloseTo(39.73, 1);
    for (const code of ['SY', 'RU', 'US']) expect(out.locations.some((l) => l.type === 'country' && l.countryCode === code), code).toBe(true);
    expect(out.locations.some((l) => l.names.en === 'Idlib')).toBe(true);
    expect(out.locations.some((l) => l.type === 'water' && /Black Sea/.test(l.name))).toBe(true);
  });

  it('finds exactly Putin, Pompeo, Lavrov and Jeffrey, one item each', () => {
    const persons = out.participants.filter((p) => p.type === 'person');
    expect(persons.map((p) => p.names.en ?? p.names.ar).sort()).toEqual(
      expect.arrayContaining(['Mike Pompeo', 'Sergey Lavrov', 'Vladimir Putin']),
    );
    expect(persons).toHaveLength(4);
    expect(persons.some((p) => p.mentions.some((m) => m.text === 'جيم جيفري'))).toBe(true);
  });

  it('resolves «نظيره الروسي» to Lavrov, Russian foreign minister', () => {
    const lavrov = person('Sergey Lavrov')!;
    expect(lavrov.mentions.some((m) => m.text.startsWith('نظيره الروسي'))).toBe(true);
    expect(lavrov.roles.some((r) => r.office === 'foreign-minister' && r.country === 'RU')).toBe(true);
  });

  it('gives Pompeo the US foreign-minister role from the text and the knowledge base', () => {
    const pompeo = person('Mike Pompeo')!;
    expect(pompeo.roles.some((r) => r.source === 'text' && r.office === 'foreign-minister' && r.country === 'US')).toBe(true);
    expect(pompeo.roles.some((r) => r.source === 'knowledge-base' && r.office === 'foreign-minister' && r.country === 'US')).toBe(true);
  });

  it('reports the Pompeo–Putin talks (Sochi, 2019-05-14, about two hours) and the Pompeo–Lavrov meeting', () => {
    const ids = (name: string) => person(name)!.id;
    const putinTalks = out.meetings.find((m) => m.participantIds.includes(ids('Mike Pompeo')) && m.participantIds.includes(ids('Vladimir Putin')));
    expect(putinTalks).toBeDefined();
    expect(putinTalks!.date?.value).toBe('2019-05-14');
    expect(putinTalks!.duration?.minutes).toBe(120);
    const sochiId = out.locations.find((l) => l.geonamesId === 491422)!.id;
    expect(putinTalks!.locationIds).toContain(sochiId);
    const lavrovMeeting = out.meetings.find((m) => m.participantIds.includes(ids('Mike Pompeo')) && m.participantIds.includes(ids('Sergey Lavrov')));
    expect(lavrovMeeting).toBeDefined();
    expect(lavrovMeeting).not.toBe(putinTalks);
    expect(lavrovMeeting!.locationIds).toContain(sochiId);
  });

  it('keeps every offset exact', () => {
    const spans = [...out.participants, ...out.locations, ...out.resolutions].flatMap((x) => x.mentions).concat(out.meetings.flatMap((m) => m.evidence));
    for (const m of spans) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
