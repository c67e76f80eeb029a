// Checks src/kb/data/people/arab.json: the officeholders of the 22 Arab League member states
// since 2000. The file must satisfy PeopleFileSchema, ids must be unique, every role must
// start before it ends, and a few well-known facts must hold on given dates.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { PeopleFileSchema, type Person, type Role } from '../../src/kb/schema.js';
import { activeOn, hi, lo } from './role-dates.js';

const raw: unknown = JSON.parse(readFileSync(new URL('../../src/kb/data/people/arab.json', import.meta.url), 'utf8'));
const parsed = PeopleFileSchema.safeParse(raw);
const people: Person[] = parsed.success ? parsed.data.people : [];
const byId = new Map(people.map((p) => [p.id, p]));

const ARAB_LEAGUE = [
  'DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR',
  'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE',
] as const;


function holds(id: string, office: Role['office'], country: string, date: string, title?: string): boolean {
  const p = byId.get(id);
  if (!p) return false;
  return p.roles.some((r) => r.office === office && r.country === country && activeOn(r, date) && (title === undefined || r.title === title));
}

describe('arab.json people file', () => {
  it('matches PeopleFileSchema', () => {
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      expect.fail(`schema errors:\n${lines.join('\n')}`);
    }
    expect(people.length).toBeGreaterThan(100);
  });

  it('names where its facts come from and how current they are', () => {
    const f = raw as { source?: string; currentTo?: string };
    expect(f.source).toMatch(/Compiled by hand/);
    expect(f.currentTo).toMatch(/^\d{4}-\d{2}/);
  });

  it('has unique ids', () => {
    const seen = new Set<string>();
    const dups = people.map((p) => p.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(dups).toEqual([]);
  });

  it('has roles that start no later than they end', () => {
    const bad = people.flatMap((p) =>
      p.roles.filter((r) => r.to != null && lo(r.from) > hi(r.to)).map((r) => `${p.id}: ${r.office} ${r.from}..${r.to}`),
    );
    expect(bad).toEqual([]);
  });

  it('gives every person an English and an Arabic name, without duplicates or titles', () => {
    const problems: string[] = [];
    const title = /^(الأمير|الملك|الشيخ|الرئيس|السلطان|ولي العهد) /;
    const titleEn = /^(King|Prince|Sheikh|President|Sultan|Emir|Crown Prince) /;
    for (const p of people) {
      if (p.names.en.length === 0) problems.push(`${p.id}: no English name`);
      if (p.names.ar.length === 0) problems.push(`${p.id}: no Arabic name`);
      for (const lang of ['en', 'ar'] as const) {
        const ns = p.names[lang];
        if (new Set(ns).size !== ns.length) problems.push(`${p.id}: duplicate ${lang} name`);
      }
      for (const n of p.names.ar) if (title.test(n)) problems.push(`${p.id}: title in «${n}»`);
      for (const n of p.names.en) if (titleEn.test(n) && !/^Sultan bin /.test(n)) problems.push(`${p.id}: title in "${n}"`);
    }
    expect(problems).toEqual([]);
  });

  it('has no Arabic or English alias shared by two people', () => {
    const problems: string[] = [];
    for (const lang of ['en', 'ar'] as const) {
      const owner = new Map<string, string>();
      for (const p of people)
        for (const n of new Set(p.names[lang].map((s) => s.toLowerCase()))) {
          const o = owner.get(n);
          if (o && o !== p.id) problems.push(`${lang} "${n}": ${o}, ${p.id}`);
          owner.set(n, p.id);
        }
    }
    expect(problems).toEqual([]);
  });

  it('knows the Saudi leadership', () => {
    expect(holds('mohammed-bin-salman', 'crown-prince', 'SA', '2018-01-01', 'Crown Prince')).toBe(true);
    expect(holds('mohammed-bin-salman', 'crown-prince', 'SA', '2015-07-21', 'Deputy Crown Prince')).toBe(true);
    expect(holds('mohammed-bin-salman', 'crown-prince', 'SA', '2015-07-21', 'Crown Prince')).toBe(false);
    expect(holds('mohammed-bin-salman', 'defence-minister', 'SA', '2016-01-01')).toBe(true);
    expect(holds('mohammed-bin-salman', 'head-of-government', 'SA', '2023-01-01')).toBe(true);
    expect(holds('salman-bin-abdulaziz', 'head-of-state', 'SA', '2016-01-01')).toBe(true);
    expect(holds('adel-al-jubeir', 'foreign-minister', 'SA', '2016-01-01')).toBe(true);
    expect(holds('faisal-bin-farhan', 'foreign-minister', 'SA', '2016-01-01')).toBe(false);
  });

  it('knows the Egyptian foreign minister in 2016', () => {
    expect(holds('sameh-shoukry', 'foreign-minister', 'EG', '2016-01-01')).toBe(true);
    const others = people.filter((p) => p.id !== 'sameh-shoukry' && p.roles.some((r) => r.office === 'foreign-minister' && r.country === 'EG' && activeOn(r, '2016-01-01')));
    expect(others.map((p) => p.id)).toEqual([]);
  });

  it('covers a head of state and a foreign minister for each of the 22 member states', () => {
    const missing: string[] = [];
    for (const c of ARAB_LEAGUE)
      for (const office of ['head-of-state', 'foreign-minister'] as const)
        if (!people.some((p) => p.roles.some((r) => r.office === office && r.country === c))) missing.push(`${c} ${office}`);
    expect(missing).toEqual([]);
  });

  it('puts the Arabic display name first and includes both spellings of عبد ال…', () => {
    const p = byId.get('abdullah-bin-zayed-al-nahyan');
    expect(p?.names.ar[0]).toBe('عبد الله بن زايد آل نهيان');
    expect(p?.names.ar).toContain('عبدالله بن زايد');
    expect(byId.get('salman-bin-abdulaziz')?.names.ar).toContain('سلمان بن عبدالعزيز');
  });
});
