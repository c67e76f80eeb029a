// Checks the committed government data: every people file under src/kb/data/people/ (whatever
// files exist: p5, g20-other, region, arab, international, europe … and the regions merged later).
//  1. every role has an English `title` and an Arabic `titleAr`;
//  2. no two people hold one single-holder office (head of state, head of government, foreign
//     minister) of one country at the same time — partial dates read at their earliest day for both
//     ends (2019-05 → 2019-05-01, 2019 → 2019-01-01), an open end read as "still in office", and up
//     to 31 days of overlap tolerated for hand-overs and imprecise dates. The exceptions (collective or
//     dual heads, rival governments) are listed in ALLOWED below, each with its reason;
//  3. every `country` is an ISO 3166-1 alpha-2 code known to countries.json or i18n-iso-countries;
//  4. person ids are unique across all files.
// Failures print the offending people, roles and files.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import countriesLib from 'i18n-iso-countries';
import { CountriesFileSchema, PeopleFileSchema, type Person, type Role } from '../../src/kb/schema.js';

const DATA = new URL('../../src/kb/data/', import.meta.url);
const PEOPLE_DIR = new URL('people/', DATA);

const files = readdirSync(fileURLToPath(PEOPLE_DIR)).filter((f) => f.endsWith('.json')).sort();
const parsed = files.map((file) => ({ file, result: PeopleFileSchema.safeParse(JSON.parse(readFileSync(new URL(file, PEOPLE_DIR), 'utf8'))) }));
const all: Array<{ file: string; person: Person }> = parsed.flatMap(({ file, result }) =>
  result.success ? result.data.people.map((person) => ({ file, person })) : [],
);
const countries = CountriesFileSchema.parse(JSON.parse(readFileSync(new URL('countries.json', DATA), 'utf8')));
const knownCodes = new Set(countries.countries.map((c) => c.code));

const SINGLE_HOLDER: ReadonlyArray<Role['office']> = ['head-of-state', 'head-of-government', 'foreign-minister'];
const TOLERANCE_DAYS = 31;

/**
 * Offices that legitimately have several holders at once. `office` omitted = all three offices.
 * `ids` given = only overlaps between those people are allowed (the rest of the country is checked).
 * `standing`: a collective or dual office, allowed even while the files hold no two of its holders at once
 * (Swiss presidents are listed one year each; San Marino's captains and Andorra's co-princes are not listed);
 * every other entry must excuse at least one real overlap, or it is stale.
 */
const ALLOWED: Array<{ country: string; office?: Role['office']; ids?: string[]; standing?: true; reason: string }> = [
  { country: 'CH', office: 'head-of-state', standing: true, reason: 'Switzerland: the seven-member Federal Council is the collective head of state' },
  { country: 'BA', office: 'head-of-state', standing: true, reason: 'Bosnia and Herzegovina: three-member collective Presidency (Bosniak, Croat, Serb members)' },
  { country: 'SM', office: 'head-of-state', standing: true, reason: 'San Marino: two Captains Regent serve together, for six months' },
  { country: 'AD', office: 'head-of-state', standing: true, reason: 'Andorra: two co-princes (the French president and the Bishop of Urgell)' },
  // Rival governments in the existing files (arab.json):
  {
    country: 'LY',
    reason:
      'Libya: rival authorities — Gaddafi and his cabinet vs the National Transitional Council in 2011; since 2014 the Tripoli governments (GNA: Sarraj; GNU: Dbeibah) vs the cabinets of the House of Representatives in the east (Thinni, Bashagha, Hammad)',
  },
  {
    country: 'YE',
    office: 'head-of-state',
    reason: 'Yemen: rival heads — Hadi, then the Presidential Leadership Council (recognised) vs the Houthi Supreme Political Council in Sanaa (Sammad, Mashat)',
  },
  { country: 'KH', office: 'head-of-government', reason: 'Cambodia: co-prime ministers 1993-1998 (First Prime Minister Ranariddh, then Ung Huot, beside Second Prime Minister Hun Sen)' },
  { country: 'CI', office: 'head-of-state', ids: ['laurent-gbagbo', 'alassane-ouattara'], reason: "Côte d'Ivoire: after the 2010 election Gbagbo and Ouattara both claimed the presidency until Gbagbo's arrest in April 2011" },
  { country: 'NI', office: 'head-of-state', ids: ['daniel-ortega', 'rosario-murillo'], reason: 'Nicaragua: Ortega and Murillo are co-presidents under the constitutional reform of February 2025' },
  { country: 'VE', office: 'head-of-state', ids: ['nicolas-maduro', 'juan-guaido'], reason: 'Venezuela: Guaidó claimed the presidency against Maduro from January 2019 to January 2023 (recognised by many states)' },
  { country: 'YE', office: 'head-of-government', reason: 'Yemen before unification (1990): the prime ministers of North Yemen and of South Yemen are both coded YE (arab-1980-1999.json)' },
  { country: 'LB', office: 'head-of-government', ids: ['salim-al-hoss', 'michel-aoun'], reason: "Lebanon 1988-1990: Aoun's interim military government and al-Hoss's cabinet both claimed to govern" },
  // Two levels coded with one successor code (europe.json): Yugoslavia → RS
  {
    country: 'RS',
    office: 'head-of-state',
    ids: ['slobodan-milosevic', 'dobrica-cosic', 'zoran-lilic', 'milan-milutinovic', 'vojislav-kostunica', 'svetozar-marovic', 'boris-tadic'],
    reason:
      'Serbia: 1992-2006 the presidents of the federation (FR Yugoslavia, then Serbia and Montenegro: Ćosić, Lilić, Milošević, Koštunica, Marović) and of the Republic of Serbia (Milošević, Milutinović, Tadić) held office side by side; both are coded RS',
  },
  // Suspension, not a data error (g20-other.json):
  {
    country: 'KR',
    office: 'head-of-state',
    ids: ['park-geun-hye', 'hwang-kyo-ahn'],
    reason: 'South Korea: President Park was impeached and suspended on 2016-12-09 and stayed president until removed on 2017-03-10; PM Hwang was acting president meanwhile',
  },
];

/** Earliest day a partial ISO date can mean (both ends are read this way). */
const earliest = (d: string): string => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const dayNumber = (d: string): number => Date.parse(`${earliest(d)}T00:00:00Z`) / 86_400_000;
const OPEN_END = Date.parse('9999-12-31T00:00:00Z') / 86_400_000;

type Allowed = (typeof ALLOWED)[number];

function allowed(list: Allowed[], country: string, office: Role['office'], a: string, b: string): boolean {
  return list.some(
    (e) => e.country === country && (e.office === undefined || e.office === office) && (e.ids === undefined || (e.ids.includes(a) && e.ids.includes(b))),
  );
}

type Held = { file: string; id: string; r: Role; from: number; to: number };

/** Pairs of different people holding one single-holder office of one country for more than the tolerance. */
function overlaps(allowlist: Allowed[] = ALLOWED): string[] {
  const groups = new Map<string, Held[]>();
  for (const { file, person } of all)
    for (const r of person.roles) {
      if (!r.country || !SINGLE_HOLDER.includes(r.office)) continue;
      const key = `${r.office} ${r.country}`;
      const list = groups.get(key) ?? [];
      list.push({ file, id: person.id, r, from: dayNumber(r.from), to: r.to == null ? OPEN_END : dayNumber(r.to) });
      groups.set(key, list);
    }
  const out: string[] = [];
  for (const [key, list] of groups) {
    list.sort((x, y) => x.from - y.from);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length && list[j].from < list[i].to; j++) {
        const a = list[i];
        const b = list[j];
        if (a.id === b.id) continue;
        const days = Math.min(a.to, b.to) - Math.max(a.from, b.from);
        if (days <= TOLERANCE_DAYS || allowed(allowlist, a.r.country ?? '', a.r.office, a.id, b.id)) continue;
        const span = (h: Held): string => `${h.id} (${h.file}) ${h.r.from}..${h.r.to ?? 'now'}`;
        out.push(`${key}: ${span(a)} / ${span(b)} — ${days} days`);
      }
  }
  return out.sort();
}

describe('government data in src/kb/data/people/', () => {
  it('reads every people file with PeopleFileSchema', () => {
    const bad = parsed.filter(({ result }) => !result.success).map(({ file, result }) => `${file}: ${result.error?.issues[0]?.message ?? ''}`);
    expect(bad).toEqual([]);
    expect(all.length).toBeGreaterThan(0);
  });

  it('gives every role both an English title and an Arabic titleAr', () => {
    const missing = all.flatMap(({ file, person }) =>
      person.roles
        .filter((r) => !r.title?.trim() || !r.titleAr?.trim())
        .map((r) => `${file}: ${person.id}: ${r.office} ${r.country ?? r.org ?? ''} ${r.from} (title "${r.title ?? ''}", titleAr "${r.titleAr ?? ''}")`),
    );
    expect(missing).toEqual([]);
  });

  it('has at most one holder of each single-holder office per country at a time (31-day tolerance)', () => {
    expect(overlaps()).toEqual([]);
  });

  it('names a reason for every allowlisted exception, and needs every one', () => {
    for (const e of ALLOWED) expect(e.reason.length, `${e.country} ${e.office ?? ''}`).toBeGreaterThan(20);
    // an entry that excuses nothing is stale (the data it covered was fixed or removed)
    const excused = overlaps([]);
    const stale = ALLOWED.filter(
      (e) =>
        !e.standing &&
        !excused.some((line) => {
          const [office, country] = line.slice(0, line.indexOf(':')).split(' ');
          return country === e.country && (e.office === undefined || office === e.office) && (e.ids === undefined || e.ids.some((id) => line.includes(` ${id} (`)));
        }),
    );
    expect(stale.map((e) => `${e.country} ${e.office ?? '(all offices)'}`)).toEqual([]);
  });

  it('detects an overlap (the check can fail)', () => {
    const fake: Person = {
      id: 'zz-test-double',
      names: { en: ['Test Double'], ar: [] },
      roles: [{ office: 'head-of-government', title: 'Prime Minister', titleAr: 'رئيس الوزراء', country: 'DE', from: '2015-01', to: '2015-12' }],
    };
    all.push({ file: 'fake.json', person: fake });
    try {
      expect(overlaps().some((line) => line.includes('zz-test-double'))).toBe(true);
    } finally {
      all.pop();
    }
  });

  it('uses only ISO 3166-1 alpha-2 country codes known to countries.json or i18n-iso-countries', () => {
    const bad = all.flatMap(({ file, person }) =>
      person.roles
        .filter((r) => r.country !== undefined && !knownCodes.has(r.country) && !countriesLib.isValid(r.country))
        .map((r) => `${file}: ${person.id}: country ${r.country}`),
    );
    expect(bad).toEqual([]);
  });

  it('has person ids unique across all people files', () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const { file, person } of all) {
      const prev = seen.get(person.id);
      if (prev !== undefined) dups.push(`${person.id}: ${prev} and ${file}`);
      else seen.set(person.id, file);
    }
    expect(dups).toEqual([]);
  });
});
