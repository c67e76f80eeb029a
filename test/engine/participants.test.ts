// Participants (persons, roles, coreference) per language, from test/engine/cases/{ar,en}/participants.json, on
// the built-in knowledge base; meetings have their own per-decision files (meeting-decisions.test.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Extraction } from '../../src/schemas/extraction.js';
import { engine } from './engine-fixture.js';

interface PCase {
  name: string;
  date: string;
  text: string;
  expect: Array<{ en?: string; ar?: string; name?: string; mentions?: number; textRole?: { office: string; country?: string }; textRoles?: string[]; kbRole?: string; mentionTexts?: string[] }>;
}
const load = <T>(lang: string, file: string): T[] => JSON.parse(readFileSync(new URL(`./cases/${lang}/${file}.json`, import.meta.url), 'utf8'));
const run = (lang: string, text: string, date: string) => engine().extract({ text, language: lang as 'ar' | 'en', publishedAt: date });
const offsetsExact = (out: Extraction, text: string) => {
  for (const p of out.participants) for (const m of p.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
};
const nameOf = (p: Extraction['participants'][number]) => p.names.en ?? p.name;

describe.each(['ar', 'en'])('participants (%s)', (lang) => {
  it.each(load<PCase>(lang, 'participants').map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const out = run(lang, c.text, c.date);
    const persons = out.participants.filter((p) => p.type === 'person');
    expect(persons.map(nameOf), JSON.stringify(persons.map((p) => p.mentions.map((m) => m.text)))).toHaveLength(c.expect.length);
    c.expect.forEach((want, i) => {
      const p = persons[i];
      if (want.en) expect(p.names.en).toBe(want.en);
      if (want.ar) expect(p.names.ar).toBe(want.ar);
      if (want.name) expect(p.name).toBe(want.name);
      if (want.mentions) expect(p.mentions).toHaveLength(want.mentions);
      if (want.textRole) expect(p.roles.some((r) => r.source === 'text' && r.office === want.textRole!.office && (!want.textRole!.country || r.country === want.textRole!.country))).toBe(true);
      if (want.textRoles) expect(p.roles.filter((r) => r.source === 'text').map((r) => r.office)).toEqual(want.textRoles);
      if (want.mentionTexts) expect(p.mentions.map((m) => m.text)).toEqual(want.mentionTexts);
      if (want.kbRole) expect(p.roles.some((r) => r.source === 'knowledge-base' && r.office === want.kbRole)).toBe(true);
    });
    offsetsExact(out, c.text);
  });
});
