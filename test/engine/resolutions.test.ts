import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { engine } from './engine-fixture.js';

interface Case {
  name: string;
  text: string;
  expect: Array<{ body: string; number: number; year?: number; symbol?: string; session?: string; mentions?: number }>;
}
const load = (lang: string): Case[] => JSON.parse(readFileSync(new URL(`./cases/${lang}/resolutions.json`, import.meta.url), 'utf8'));

describe.each(['ar', 'en'])('resolution citations (%s)', (lang) => {
  it.each(load(lang).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const out = engine().extract({ text: c.text, language: lang as 'ar' | 'en', publishedAt: '2020-01-01' });
    const got = out.resolutions.map((r) => ({ body: r.body, number: r.number, year: r.year, symbol: r.symbol, session: r.session, mentions: r.mentions.length }));
    expect(got.length, JSON.stringify(got)).toBe(c.expect.length);
    c.expect.forEach((want, i) => {
      expect(got[i]).toMatchObject(Object.fromEntries(Object.entries(want).filter(([, v]) => v !== undefined)));
    });
    for (const r of out.resolutions) for (const m of r.mentions) expect(c.text.slice(m.start, m.end)).toBe(m.text);
  });
});
