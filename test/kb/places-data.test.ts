// Checks the gazetteer files built by src/kb/build/build-places.ts (countries.json, places.json)
// and the hand-written places-extra.json: schema-valid, and a few facts the engine relies on.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { CountriesFileSchema, PlacesFileSchema, type Country, type Place } from '../../src/kb/schema.js';

function load(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../src/kb/data/${name}`, import.meta.url), 'utf8'));
}

const countriesRaw = load('countries.json');
const placesRaw = load('places.json');
const extrasRaw = load('places-extra.json');
const countries: Country[] = CountriesFileSchema.parse(countriesRaw).countries;
const places: Place[] = PlacesFileSchema.parse(placesRaw).places;
const extras: Place[] = PlacesFileSchema.parse(extrasRaw).places;
const byCode = new Map(countries.map((c) => [c.code, c]));
const byId = new Map(places.map((p) => [p.id, p]));

const ARAB_LEAGUE = ['DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE'];

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

describe('countries.json', () => {
  it('validates and is sorted by code, one entry per code', () => {
    const codes = countries.map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    expect(countries.length).toBeGreaterThanOrEqual(249);
    for (const code of ['PS', 'VA', 'EH', 'XK', 'TW', 'HK', 'US', 'RU', 'SS']) expect(byCode.has(code), code).toBe(true);
  });

  it('knows the news names of the big countries', () => {
    expect(byCode.get('US')!.names.ar).toContain('الولايات المتحدة');
    expect(byCode.get('US')!.names.ar).toEqual(expect.arrayContaining(['أمريكا', 'أميركا', 'الولايات المتحدة الأمريكية']));
    expect(byCode.get('US')!.names.en).toEqual(expect.arrayContaining(['United States', 'U.S.', 'US', 'USA', 'America']));
    expect(byCode.get('GB')!.names.en).toEqual(expect.arrayContaining(['UK', 'Britain', 'United Kingdom']));
    expect(byCode.get('GB')!.names.ar).toEqual(expect.arrayContaining(['بريطانيا', 'المملكة المتحدة']));
    expect(byCode.get('RU')!.names.ar).toEqual(expect.arrayContaining(['روسيا', 'روسيا الاتحادية']));
    expect(byCode.get('SA')!.names.ar).toEqual(expect.arrayContaining(['السعودية', 'المملكة العربية السعودية']));
    expect(byCode.get('AE')!.names.en).toContain('UAE');
    expect(byCode.get('SY')!.names.ar).toEqual(expect.arrayContaining(['سوريا', 'سورية']));
  });

  it('has Arabic demonyms without the article', () => {
    expect(byCode.get('RU')!.demonyms.ar).toEqual(expect.arrayContaining(['روسي', 'روسية', 'روس']));
    expect(byCode.get('US')!.demonyms.ar).toEqual(expect.arrayContaining(['أمريكي', 'أميركي', 'أمريكيين', 'أمريكان']));
    expect(byCode.get('TR')!.demonyms.ar).toContain('أتراك');
    expect(byCode.get('RU')!.demonyms.en).toEqual(expect.arrayContaining(['Russian', 'Russians']));
    for (const c of countries) for (const d of c.demonyms.ar) expect(d.startsWith('ال'), `${c.code} ${d}`).toBe(false);
  });

  it('gives every Arab League member at least three Arabic demonym forms', () => {
    for (const code of ARAB_LEAGUE) expect(byCode.get(code)?.demonyms.ar.length ?? 0, code).toBeGreaterThanOrEqual(3);
  });

  it('points capitals at places of the same country', () => {
    expect(byCode.get('US')!.capitalGeonamesId).toBe(4140963);
    expect(byCode.get('RU')!.capitalGeonamesId).toBe(524901);
    for (const c of countries) {
      if (!c.capitalGeonamesId) continue;
      const p = byId.get(c.capitalGeonamesId);
      expect(p, `${c.code} capital ${c.capitalGeonamesId}`).toBeDefined();
      expect(p!.capital, c.code).toBe(true);
    }
  });
});

describe('places.json', () => {
  it('has no duplicate ids (nor does places-extra.json)', () => {
    expect(byId.size).toBe(places.length);
    expect(new Set(extras.map((p) => p.id)).size).toBe(extras.length);
  });

  it('has Sochi, Washington and Aden with Arabic names', () => {
    const sochi = byId.get(491422)!;
    expect(sochi.countryCode).toBe('RU');
    expect(sochi.names.ar).toContain('سوتشي');
    const washington = byId.get(4140963)!;
    expect(washington.names.ar).toContain('واشنطن');
    expect(washington.capital).toBe(true);
    const aden = places.find((p) => p.type === 'city' && p.names.en.includes('Aden'))!;
    expect(aden.countryCode).toBe('YE');
    expect(aden.names.ar).toContain('عدن');
  });

  it('keeps both Tripolis, Libya the capital', () => {
    const tripolis = places.filter((p) => p.type === 'city' && p.names.ar.includes('طرابلس'));
    expect(tripolis.map((p) => p.countryCode).sort()).toEqual(expect.arrayContaining(['LB', 'LY']));
    const ly = tripolis.find((p) => p.countryCode === 'LY')!;
    const lb = tripolis.find((p) => p.countryCode === 'LB')!;
    expect(ly.capital).toBe(true);
    expect(ly.population).toBeGreaterThan(lb.population);
  });

  it('covers the capitals and cities Arab media name', () => {
    const arNames = new Set(places.flatMap((p) => p.names.ar));
    for (const n of ['موسكو', 'بكين', 'لندن', 'باريس', 'طهران', 'أنقرة', 'إسطنبول', 'القاهرة', 'الرياض', 'جدة', 'مكة المكرمة', 'المدينة المنورة', 'أبوظبي', 'أبو ظبي', 'الدوحة', 'صنعاء', 'مأرب', 'الحديدة', 'أربيل', 'دمشق', 'إدلب', 'بيروت', 'القدس', 'غزة', 'بنغازي', 'الرباط', 'نواكشوط', 'الخرطوم', 'جنيف', 'أستانا', 'كييف', 'نيودلهي', 'بيونغ يانغ', 'شرم الشيخ', 'العلا', 'نيوم']) {
      expect(arNames.has(n), n).toBe(true);
    }
    for (const n of ['الشرق الأوسط', 'الخليج', 'البحر الأسود', 'مضيق هرمز', 'قطاع غزة', 'الضفة الغربية', 'الجولان', 'القرم']) expect(arNames.has(n), n).toBe(true);
  });

  it('has plausible coordinates and types', () => {
    for (const p of places) {
      expect(Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180, String(p.id)).toBe(true);
      if (p.type === 'city') expect(p.id, 'cities carry GeoNames ids').toBeGreaterThan(0);
      expect(p.names.en.length + p.names.ar.length, String(p.id)).toBeGreaterThan(0);
    }
  });
});

describe('all three files', () => {
  it('hold only trimmed NFC strings without invisible characters', () => {
    for (const [file, raw] of [['countries.json', countriesRaw], ['places.json', placesRaw], ['places-extra.json', extrasRaw]] as const) {
      const bad = strings(raw).filter((s) => s !== s.trim() || s.normalize('NFC') !== s || /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(s));
      expect(bad, file).toEqual([]);
    }
  });
});
