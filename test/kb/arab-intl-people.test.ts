// Checks the people files of the Arab cabinets / international officials curation:
// arab-cabinets.json (cabinet members since 2010), organizations-officials.json (secretaries-general,
// spokespeople, envoys) and arab-1980-1999.json (heads of state and government, foreign ministers
// 1980–1999): schema, sources, clean names, titles in both languages, no person twice across the
// people files, and no two holders of one office of one country at the same time.
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PeopleFileSchema, type Person, type Role } from '../../src/kb/schema.js';
import { normalizeString } from '../../src/engine/text/normalize.js';

const DIR = new URL('../../src/kb/data/people/', import.meta.url);
const FILES = ['arab-cabinets.json', 'organizations-officials.json', 'arab-1980-1999.json'].filter((f) => existsSync(fileURLToPath(new URL(f, DIR))));
const raw = new Map(FILES.map((f) => [f, JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as unknown]));
const mine: Array<{ file: string; person: Person }> = [];
for (const [file, data] of raw) {
  const r = PeopleFileSchema.safeParse(data);
  if (r.success) for (const person of r.data.people) mine.push({ file, person });
}
const everyone: Array<{ file: string; person: Person }> = readdirSync(fileURLToPath(DIR))
  .filter((f) => f.endsWith('.json'))
  .flatMap((file) => {
    const r = PeopleFileSchema.safeParse(JSON.parse(readFileSync(new URL(file, DIR), 'utf8')));
    return r.success ? r.data.people.map((person) => ({ file, person })) : [];
  });

const lo = (d: string): string => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const hi = (d: string): string => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-28` : d);
const ACTING = /acting|interim|caretaker|\(|rival|de facto/i;

/** Pairs of roles of one office and one country that overlap by more than the imprecision of their dates. */
function overlaps(entries: Array<{ id: string; r: Role }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < entries.length; i++)
    for (let j = i + 1; j < entries.length; j++) {
      const a = entries[i];
      const b = entries[j];
      if (a.id === b.id) continue;
      // certain overlap: a surely started before b surely ended, and the other way round
      const aEnd = a.r.to == null ? '9999-12-31' : lo(a.r.to);
      const bEnd = b.r.to == null ? '9999-12-31' : lo(b.r.to);
      if (hi(a.r.from) < bEnd && hi(b.r.from) < aEnd) out.push(`${a.r.country} ${a.r.title}: ${a.id} ${a.r.from}..${a.r.to ?? ''} / ${b.id} ${b.r.from}..${b.r.to ?? ''}`);
    }
  return out;
}

describe('arab-cabinets, organizations-officials and arab-1980-1999 people files', () => {
  it('exist and match PeopleFileSchema', () => {
    expect(FILES).toContain('arab-cabinets.json');
    expect(FILES).toContain('organizations-officials.json');
    const problems = [...raw].flatMap(([f, data]) => {
      const r = PeopleFileSchema.safeParse(data);
      return r.success ? [] : r.error.issues.map((i) => `${f}: ${i.path.join('.')}: ${i.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('name their sources and how current they are', () => {
    for (const [f, data] of raw) {
      const d = data as { source?: string; currentTo?: string };
      expect(d.source, f).toMatch(/^Compiled by hand from public records .*not fetched/);
      expect(d.currentTo, f).toBe('2025-10');
    }
  });

  it('give every person names in both languages, without titles or duplicates, and every role a title in both languages', () => {
    const problems: string[] = [];
    const titleAr = /^(الرئيس|الملك|الأمير|الشيخ|السلطان|ولي العهد|رئيس الوزراء|وزير|وزيرة|السيد|السيدة)( |$)/;
    const titleEn = /^(President|King|Prince|Sheikh|Emir|Crown Prince|Prime Minister|Minister|Secretary|Mr\.?|Dr\.?)( |$)/;
    for (const { file, person: p } of mine) {
      if (p.names.en.length === 0 || p.names.ar.length === 0) problems.push(`${file}: ${p.id}: a language has no name`);
      if (p.roles.length === 0) problems.push(`${file}: ${p.id}: no roles`);
      for (const lang of ['en', 'ar'] as const) {
        const ns = p.names[lang];
        if (new Set(ns.map((n) => normalizeString(n))).size !== ns.length) problems.push(`${file}: ${p.id}: duplicate ${lang} name`);
        for (const n of ns) if (n !== n.trim() || /\s{2}/.test(n) || n.split(' ').length < 2) problems.push(`${file}: ${p.id}: bad or single-word name "${n}"`);
      }
      for (const n of p.names.ar) if (titleAr.test(n) || /[a-zA-Z]/.test(n)) problems.push(`${file}: ${p.id}: «${n}»`);
      for (const n of p.names.en) if (titleEn.test(n) || /[\u0600-\u06ff]/.test(n)) problems.push(`${file}: ${p.id}: "${n}"`);
      for (const r of p.roles) {
        if (!r.titleAr) problems.push(`${file}: ${p.id}: ${r.title} has no Arabic title`);
        if (!r.country && !r.org) problems.push(`${file}: ${p.id}: ${r.title} has neither country nor org`);
        if (r.to != null && lo(r.from) > hi(r.to)) problems.push(`${file}: ${p.id}: ${r.title} ${r.from}..${r.to}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('add no person twice: no id and no full English name shared with another people file', () => {
    const ids = new Map<string, string>();
    const names = new Map<string, string>();
    const problems: string[] = [];
    for (const { file, person } of everyone) {
      if (ids.has(person.id)) problems.push(`${person.id}: ${ids.get(person.id)} and ${file}`);
      ids.set(person.id, file);
    }
    const mineIds = new Set(mine.map(({ person }) => person.id));
    for (const { file, person } of everyone) {
      const n = normalizeString(person.names.en[0] ?? '');
      const prev = names.get(n);
      if (prev !== undefined && (mineIds.has(person.id) || mineIds.has(prev.split(' ')[1]))) problems.push(`"${person.names.en[0]}": ${prev} and ${file} ${person.id}`);
      names.set(n, `${file} ${person.id}`);
    }
    expect(problems).toEqual([]);
  });

  it('has at most one holder of a single-holder office of one country at a time (all people files, roles of these files)', () => {
    const SINGLE = ['head-of-state', 'head-of-government', 'foreign-minister'];
    const mineIds = new Set(mine.map(({ person }) => person.id));
    const entries = everyone.flatMap(({ person }) =>
      person.roles.filter((r) => SINGLE.includes(r.office) && r.country && !ACTING.test(r.title)).map((r) => ({ id: person.id, r })),
    );
    const problems: string[] = [];
    for (const office of SINGLE)
      for (const c of new Set(entries.map((e) => e.r.country))) {
        const group = entries.filter((e) => e.r.office === office && e.r.country === c);
        problems.push(...overlaps(group).filter((o) => [...mineIds].some((id) => o.includes(` ${id} `))));
      }
    expect(problems).toEqual([]);
  });

  it('has at most one holder of one portfolio of one country at a time (these files)', () => {
    const entries = mine.flatMap(({ person }) =>
      person.roles
        .filter((r) => (r.office === 'minister' || r.office === 'defence-minister' || r.office === 'speaker') && r.country && !/of State|Deputy|Assistant/.test(r.title) && !ACTING.test(r.title))
        .map((r) => ({ id: person.id, r })),
    );
    const problems: string[] = [];
    for (const key of new Set(entries.map((e) => `${e.r.country}|${e.r.title}`)))
      problems.push(...overlaps(entries.filter((e) => `${e.r.country}|${e.r.title}` === key)));
    expect(problems).toEqual([]);
  });
});
