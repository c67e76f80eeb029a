// Checks src/kb/data/resolutions.json: the table of the first Security Council resolution of
// each year, and the topics of the most cited resolutions. When the dated list of resolutions
// in the shared eval folder is present, every resolution in it must be placed in the year of
// its date by the table.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Topic {
  body: 'UNSC' | 'UNGA';
  year: number;
  topic: string;
  topicAr: string;
}
interface ResolutionsFile {
  source: string;
  unscFirstByYear: Record<string, number>;
  topics: Record<string, Topic>;
}

const data = JSON.parse(
  readFileSync(new URL('../../src/kb/data/resolutions.json', import.meta.url), 'utf8'),
) as ResolutionsFile;

const table = Object.entries(data.unscFirstByYear)
  .map(([y, n]) => [Number(y), n] as const)
  .sort((a, b) => a[0] - b[0]);

/** Year of UNSC resolution `n` according to the table (greatest year whose first number <= n). */
function yearOf(n: number): number | undefined {
  let year: number | undefined;
  for (const [y, first] of table) {
    if (first <= n) year = y;
    else break;
  }
  return year;
}

const CHECK_URL = new URL('../../../shared/eval/unsc-resolutions.json', import.meta.url);
const haveCheck = existsSync(fileURLToPath(CHECK_URL));

/**
 * Entries of the check file whose scraped date has the wrong year (the S/PV meeting numbers
 * around them show the right one). They are excluded from the per-resolution comparison, and
 * the test asserts they are still listed as described so this list does not go stale silently.
 */
const CHECK_FILE_ERRATA: Record<number, { listedYear: number; actualYear: number; why: string }> = {
  207: { listedYear: 1964, actualYear: 1965, why: 'adopted at S/PV.1236, listed with 208 on 10 Aug 1965' },
  770: { listedYear: 1991, actualYear: 1992, why: 'adopted at S/PV.3106 (13 Aug 1992), between S/PV.3104 and S/PV.3107 of 1992' },
  771: { listedYear: 1991, actualYear: 1992, why: 'adopted at S/PV.3106 (13 Aug 1992), with 770' },
};

describe('resolutions.json', () => {
  it('names its source', () => {
    expect(typeof data.source).toBe('string');
    expect(data.source.length).toBeGreaterThan(20);
  });

  it('covers every year from 1946 to 2025 with no gaps', () => {
    const years = table.map(([y]) => y);
    expect(years[0]).toBe(1946);
    expect(years).toContain(2025);
    for (let i = 1; i < years.length; i++) expect(years[i]).toBe(years[i - 1] + 1);
    expect(data.unscFirstByYear['1946']).toBe(1);
  });

  it('is strictly increasing year over year', () => {
    for (let i = 1; i < table.length; i++) {
      expect(Number.isInteger(table[i][1])).toBe(true);
      expect(table[i][1], `first of ${table[i][0]}`).toBeGreaterThan(table[i - 1][1]);
    }
  });

  it('places 2254 in 2015, 242 in 1967 and 2728 in 2024', () => {
    const f = data.unscFirstByYear;
    expect(f['2015']).toBeLessThanOrEqual(2254);
    expect(2254).toBeLessThan(f['2016']);
    expect(yearOf(2254)).toBe(2015);
    expect(yearOf(242)).toBe(1967);
    expect(yearOf(2728)).toBe(2024);
  });

  it('has well-formed topics whose UNSC years agree with the table', () => {
    const keys = Object.keys(data.topics);
    expect(keys.length).toBeGreaterThanOrEqual(50);
    for (const [key, t] of Object.entries(data.topics)) {
      expect(t.topic.length, key).toBeGreaterThan(5);
      expect(t.topicAr, key).toMatch(/[\u0600-\u06FF]/);
      if (t.body === 'UNSC') {
        expect(key, key).toMatch(/^\d+$/);
        expect(yearOf(Number(key)), `UNSC ${key}`).toBe(t.year);
      } else {
        expect(t.body, key).toBe('UNGA');
        expect(key, key).toMatch(/^UNGA:/);
      }
    }
    for (const k of ['242', '338', '1701', '2254', '2334', '2728', 'UNGA:194']) expect(keys).toContain(k);
  });

  describe.skipIf(!haveCheck)('against the dated list of resolutions (shared eval data)', () => {
    interface CheckEntry {
      number: number;
      year: number;
      date: string | null;
    }
    const load = () =>
      (JSON.parse(readFileSync(fileURLToPath(CHECK_URL), 'utf8')) as { resolutions: CheckEntry[] }).resolutions;

    it('gives every listed resolution the year of its date', () => {
      const mismatches: string[] = [];
      let compared = 0;
      for (const r of load()) {
        if (CHECK_FILE_ERRATA[r.number]) continue;
        const listed = r.date ? Number(r.date.slice(0, 4)) : r.year; // four 1948 entries have no date
        compared++;
        if (yearOf(r.number) !== listed) mismatches.push(`${r.number}: table ${yearOf(r.number)}, listed ${r.date ?? r.year}`);
      }
      expect(compared).toBeGreaterThan(2600);
      expect(mismatches).toEqual([]);
    });

    it('matches the smallest dated number of each year the list covers', () => {
      const min = new Map<number, number>();
      for (const r of load()) {
        if (!r.date || CHECK_FILE_ERRATA[r.number]) continue;
        const y = Number(r.date.slice(0, 4));
        if (!min.has(y) || r.number < min.get(y)!) min.set(y, r.number);
      }
      for (const [y, n] of min) expect(data.unscFirstByYear[String(y)], `first of ${y}`).toBe(n);
    });

    it('still lists the known errata with the wrong year (else drop them from CHECK_FILE_ERRATA)', () => {
      const byNumber = new Map(load().map((r) => [r.number, r]));
      for (const [n, e] of Object.entries(CHECK_FILE_ERRATA)) {
        const r = byNumber.get(Number(n));
        expect(r?.date?.slice(0, 4), `${n}`).toBe(String(e.listedYear));
        expect(yearOf(Number(n)), `${n}`).toBe(e.actualYear);
      }
    });
  });
});
