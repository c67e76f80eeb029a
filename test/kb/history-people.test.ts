// Checks the historical and complementary people files: p5-1980-1999.json (office-holders of the
// P5, Germany and Italy between 1980 and 1999, P5 UN representatives, UN Secretaries-General and
// spokespeople, US ambassadors to the region) and p5-officials-since-2001.json (US, Russian and
// Chinese officials since 2001 that p5.json lacks). Each must satisfy PeopleFileSchema, read
// together with every other people file; single-holder offices must not overlap (partial dates
// read leniently, a hand-over day shared); and well-known facts of the period must hold.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PeopleFileSchema, type Person, type Role } from '../../src/kb/schema.js';
import { activeOn, hi, lo } from './role-dates.js';

const DIR = new URL('../../src/kb/data/people/', import.meta.url);
const FILES = ['p5-1980-1999.json', 'p5-officials-since-2001.json'];
const load = (f: string): unknown => JSON.parse(readFileSync(new URL(f, DIR), 'utf8'));

const all = new Map<string, Person[]>();
for (const f of readdirSync(fileURLToPath(DIR)).filter((n) => n.endsWith('.json'))) {
  const r = PeopleFileSchema.safeParse(load(f));
  if (r.success) all.set(f, r.data.people);
}
const everyone = [...all.values()].flat();
const byId = new Map(everyone.map((p) => [p.id, p]));


/** Ids of everyone (in every people file) holding an office for a country or organisation on a date. */
function holders(office: Role['office'], where: { country?: string; org?: string }, date: string, title?: RegExp): string[] {
  return everyone
    .filter((p) =>
      p.roles.some(
        (r) =>
          r.office === office &&
          (where.country === undefined || r.country === where.country) &&
          (where.org === undefined || r.org === where.org) &&
          (title === undefined || title.test(r.title)) &&
          activeOn(r, date),
      ),
    )
    .map((p) => p.id)
    .sort();
}

describe('historical P5 people files', () => {
  it('match the zod schema and name their sources', () => {
    for (const f of FILES) {
      const raw = load(f);
      const r = PeopleFileSchema.safeParse(raw);
      expect(r.success ? [] : r.error.issues.map((i) => `${f}: ${i.path.join('.')}: ${i.message}`)).toEqual([]);
      expect((raw as { source: string }).source).toMatch(/^Compiled by hand from public records/);
      expect((raw as { currentTo: string }).currentTo).toBe('2025-10');
    }
  });

  it('give every person both names, a gender, and every role a title in both languages and a country or organisation', () => {
    const problems: string[] = [];
    for (const f of FILES)
      for (const p of all.get(f) ?? []) {
        if (p.names.en.length === 0 || p.names.ar.length === 0) problems.push(`${p.id}: names`);
        if (!p.gender) problems.push(`${p.id}: gender`);
        if (p.roles.length === 0) problems.push(`${p.id}: no roles`);
        for (const r of p.roles) {
          if (!r.titleAr) problems.push(`${p.id}: ${r.title} without titleAr`);
          if (!r.country && !r.org) problems.push(`${p.id}: ${r.title} without country or org`);
          if (r.country && ['UN', 'EU', 'EC'].includes(r.country)) problems.push(`${p.id}: ${r.title}: ${r.country} is an organisation, not a country`);
          if (r.to != null && lo(r.from) > hi(r.to)) problems.push(`${p.id}: ${r.title} ${r.from}..${r.to}`);
        }
      }
    expect(problems).toEqual([]);
  });

  it('has no two holders of a single-holder office at once, across all people files but arab.json', () => {
    const SINGLE = ['head-of-state', 'head-of-government', 'foreign-minister', 'supreme-leader'];
    const roles = [...all]
      .filter(([f]) => f !== 'arab.json')
      .flatMap(([, ps]) => ps.flatMap((p) => p.roles.filter((r) => SINGLE.includes(r.office) && r.country && !/acting|interim/i.test(r.title)).map((r) => ({ id: p.id, r }))));
    const mine = new Set(FILES.flatMap((f) => (all.get(f) ?? []).map((p) => p.id)));
    const overlaps: string[] = [];
    for (let i = 0; i < roles.length; i++)
      for (let j = i + 1; j < roles.length; j++) {
        const a = roles[i];
        const b = roles[j];
        if (a.id === b.id || a.r.office !== b.r.office || a.r.country !== b.r.country) continue;
        if (!mine.has(a.id) && !mine.has(b.id)) continue;
        // lenient: the latest possible start against the earliest possible end
        const aEnd = a.r.to ? lo(a.r.to) : '9999-12-31';
        const bEnd = b.r.to ? lo(b.r.to) : '9999-12-31';
        if (hi(a.r.from) < bEnd && hi(b.r.from) < aEnd) overlaps.push(`${a.r.office} ${a.r.country}: ${a.id} / ${b.id}`);
      }
    expect(overlaps).toEqual([]);
  });

  it('knows who held office in March 1987', () => {
    const d = '1987-03-11';
    expect(holders('head-of-state', { country: 'US' }, d)).toEqual(['ronald-reagan']);
    expect(holders('vice-president', { country: 'US' }, d)).toEqual(['george-h-w-bush']);
    expect(holders('foreign-minister', { country: 'US' }, d)).toEqual(['george-shultz']);
    expect(holders('defence-minister', { country: 'US' }, d)).toEqual(['caspar-weinberger']);
    expect(holders('official', { country: 'US' }, d, /^National Security Advisor$/)).toEqual(['frank-carlucci']);
    expect(holders('head-of-state', { country: 'RU' }, d)).toEqual(['mikhail-gorbachev']);
    expect(holders('foreign-minister', { country: 'RU' }, '1985-01-01')).toEqual(['andrei-gromyko']);
    expect(holders('head-of-government', { country: 'GB' }, d)).toEqual(['margaret-thatcher']);
    expect(holders('foreign-minister', { country: 'GB' }, d)).toEqual(['geoffrey-howe']);
    expect(holders('head-of-state', { country: 'FR' }, d)).toEqual(['francois-mitterrand']);
    expect(holders('head-of-government', { country: 'FR' }, d)).toEqual(['jacques-chirac']);
    expect(holders('head-of-government', { country: 'DE' }, d)).toEqual(['helmut-kohl']);
    expect(holders('foreign-minister', { country: 'DE' }, d)).toEqual(['hans-dietrich-genscher']);
    expect(holders('head-of-government', { country: 'IT' }, d)).toEqual(['bettino-craxi']);
    expect(holders('head-of-government', { country: 'CN' }, d)).toEqual(['zhao-ziyang']);
    expect(holders('secretary-general', { org: 'UN' }, d)).toEqual(['javier-perez-de-cuellar']);
  });

  it('follows the end of the Soviet Union and the 1990s', () => {
    expect(holders('head-of-state', { country: 'RU' }, '1991-09-01')).toEqual(['mikhail-gorbachev']);
    expect(holders('head-of-state', { country: 'RU' }, '1993-10-04')).toEqual(['boris-yeltsin']);
    expect(holders('foreign-minister', { country: 'RU' }, '1997-01-01')).toEqual(['yevgeny-primakov']);
    expect(holders('head-of-government', { country: 'RU' }, '1995-06-14')).toEqual(['viktor-chernomyrdin']);
    expect(holders('foreign-minister', { country: 'US' }, '1991-01-17')).toEqual(['james-baker']);
    expect(holders('defence-minister', { country: 'US' }, '1991-01-17')).toEqual(['dick-cheney']);
    expect(holders('head-of-government', { country: 'GB' }, '1991-01-17')).toEqual(['john-major']);
    expect(holders('secretary-general', { org: 'UN' }, '1994-01-01')).toEqual(['boutros-boutros-ghali']);
    expect(holders('head-of-government', { country: 'IT' }, '1994-09-01')).toEqual(['silvio-berlusconi']);
    expect(holders('ambassador', { country: 'US' }, '1995-06-01', /United Nations/)).toEqual(['madeleine-albright']);
  });

  it('fills the US offices since 2001 that p5.json lacked', () => {
    expect(holders('defence-minister', { country: 'US' }, '2018-01-01')).toEqual(['jim-mattis']);
    expect(holders('defence-minister', { country: 'US' }, '2022-01-01')).toEqual(['lloyd-austin']);
    expect(holders('spokesperson', { country: 'US' }, '2022-01-01', /State Department/)).toEqual(['ned-price']);
    expect(holders('official', { country: 'US' }, '2015-01-01', /^Director of the CIA$/)).toEqual(['john-brennan']);
  });
});
