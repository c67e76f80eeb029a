import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { engine } from './engine-fixture.js';

interface Case {
  name: string;
  text: string;
  expect: Array<{ en?: string; countryCode?: string; type?: string; geonamesId?: number; mentions?: number }>;
}
const load = (lang: string): Case[] => JSON.parse(readFileSync(new URL(`./cases/${lang}/places.json`, import.meta.url), 'utf8'));

describe.each(['ar', 'en'])('places (%s)', (lang) => {
  it.each(load(lang).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const out = engine().extract({ text: c.text, language: lang as 'ar' | 'en', publishedAt: '2020-01-01' });
    const got = out.locations.map((l) => ({ en: l.names.en, countryCode: l.countryCode, type: l.type, geonamesId: l.geonamesId, mentions: l.mentions.length }));
    expect(got.length, JSON.stringify(got)).toBe(c.expect.length);
    c.expect.forEach((want, i) => expect(got[i]).toMatchObject(want));
    for (const l of out.locations) for (const m of l.mentions) expect(c.text.slice(m.start, m.end)).toBe(m.text);
  });
});
