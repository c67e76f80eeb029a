// Loads the knowledge base once at start-up: the JSON files under src/kb/data (people,
// organisations, countries, places, resolution facts, given names, lexicons) and, when
// given, a deployment's extra directory in the same formats. Every file is validated with
// zod; a bad file stops start-up with the file and the field named.
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  CountriesFileSchema,
  GivenNamesFileSchema,
  LexiconFileSchema,
  OrganizationsFileSchema,
  PeopleFileSchema,
  PlacesFileSchema,
  ResolutionFactsFileSchema,
  type Country,
  type LexiconFile,
  type Organization,
  type Person,
  type Place,
  type ResolutionFacts,
} from './schema.js';

/** src/kb/data, from src/kb/index.ts as from dist/kb/index.js. */
export const BUILTIN_KB_DIR = fileURLToPath(new URL('../../src/kb/data/', import.meta.url));

export interface KbFileInfo {
  file: string;
  kind: string;
  items: number;
  source: string;
  /** Whether the file is part of the built-in knowledge base or of the deployment's KB_DIR. */
  origin: 'built-in' | 'extra';
}

export interface KnowledgeBase {
  people: Person[];
  organizations: Organization[];
  countries: Country[];
  /** The gazetteer's records as loaded (empty when read from a compiled snapshot: the engine reads Compiled.places). */
  places: Place[];
  resolutions: ResolutionFacts;
  givenNames: { ar: string[]; en: string[]; arAmbiguous: string[]; enAmbiguous: string[] };
  /** Lexicons by "lang/name", e.g. "ar/titles". */
  lexicons: Map<string, LexiconFile>;
  files: KbFileInfo[];
  /** Latest `currentTo` of the people files. */
  currentTo?: string;
  /**
   * Content hash of everything loaded (each file's path within its directory and its bytes, in
   * load order, KB_DIR included): "kb-" + 16 hex digits of SHA-256. Two processes with the same
   * version extract with the same knowledge; any edit, added or removed file changes it.
   */
  version: string;
  loadMs: number;
}

export interface LoadOptions {
  /** Extra knowledge files (same formats as src/kb/data) merged at start-up. */
  extraDir?: string;
  /** Replace the built-in directory (tests use a miniature KB). */
  baseDir?: string;
}

export class KnowledgeBaseError extends Error {
  override name = 'KnowledgeBaseError';
}

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listJson(path));
    else if (name.endsWith('.json')) out.push(path);
  }
  return out;
}

function parse<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  throw new KnowledgeBaseError(`knowledge file ${file}: field ${path || '(root)'}: ${issue.message}`);
}

function kindOf(data: Record<string, unknown>): string {
  if ('people' in data) return 'people';
  if ('organizations' in data) return 'organizations';
  if ('countries' in data) return 'countries';
  if ('places' in data) return 'places';
  if ('unscFirstByYear' in data) return 'resolutions';
  if ('lexicon' in data) return 'lexicon';
  if ('ar' in data || 'en' in data) return 'given-names';
  return 'unknown';
}

function kbDirs(options: LoadOptions): string[] {
  return [options.baseDir ?? BUILTIN_KB_DIR, ...(options.extraDir ? [options.extraDir] : [])];
}

function listDir(dir: string): string[] {
  try {
    return listJson(dir);
  } catch (e) {
    throw new KnowledgeBaseError(`knowledge directory ${dir} cannot be read: ${(e as Error).message}`);
  }
}

/** One file into the version hash: origin, path inside its directory, length, bytes (no two different sets of files hash alike). */
function hashFile(hash: Hash, origin: string, dir: string, path: string, bytes: Buffer): void {
  hash.update(`${origin}\0${relative(dir, path).split(sep).join('/')}\0${bytes.length}\0`).update(bytes);
}

/**
 * The `version` loadKnowledgeBase() would report for these options, from the files' bytes alone
 * (no parsing, no validation): what a compiled snapshot of the knowledge base is keyed by.
 */
export function knowledgeBaseVersion(options: LoadOptions = {}): string {
  const hash = createHash('sha256');
  for (const [d, dir] of kbDirs(options).entries()) {
    const origin = d === 0 ? 'built-in' : 'extra';
    for (const path of listDir(dir)) hashFile(hash, origin, dir, path, readFileSync(path));
  }
  return 'kb-' + hash.digest('hex').slice(0, 16);
}

export function loadKnowledgeBase(options: LoadOptions = {}): KnowledgeBase {
  const t0 = performance.now();
  const kb: KnowledgeBase = {
    people: [],
    organizations: [],
    countries: [],
    places: [],
    resolutions: { source: '', unscFirstByYear: {}, topics: {} },
    givenNames: { ar: [], en: [], arAmbiguous: [], enAmbiguous: [] },
    lexicons: new Map(),
    files: [],
    version: '',
    loadMs: 0,
  };
  const hash = createHash('sha256');
  const people = new Map<string, Person>();
  const orgs = new Map<string, Organization>();
  const countries = new Map<string, Country>();
  const places = new Map<number, Place>();
  for (const [d, dir] of kbDirs(options).entries()) {
    const origin = d === 0 ? 'built-in' : 'extra';
    for (const path of listDir(dir)) {
      const file = relative(process.cwd(), path) || path;
      let data: unknown;
      try {
        const bytes = readFileSync(path);
        hashFile(hash, origin, dir, path, bytes);
        data = JSON.parse(bytes.toString('utf8'));
      } catch (e) {
        throw new KnowledgeBaseError(`knowledge file ${file}: not valid JSON: ${(e as Error).message}`);
      }
      if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new KnowledgeBaseError(`knowledge file ${file}: expected a JSON object`);
      const kind = kindOf(data as Record<string, unknown>);
      let items = 0;
      let source = '';
      switch (kind) {
        case 'people': {
          const f = parse(PeopleFileSchema, data, file);
          for (const p of f.people) people.set(p.id, p); // a later file corrects an earlier one
          if (f.currentTo && (!kb.currentTo || f.currentTo > kb.currentTo)) kb.currentTo = f.currentTo;
          items = f.people.length;
          source = f.source;
          break;
        }
        case 'organizations': {
          const f = parse(OrganizationsFileSchema, data, file);
          for (const o of f.organizations) orgs.set(o.id, o);
          items = f.organizations.length;
          source = f.source;
          break;
        }
        case 'countries': {
          const f = parse(CountriesFileSchema, data, file);
          for (const c of f.countries) countries.set(c.code, c);
          items = f.countries.length;
          source = f.source;
          break;
        }
        case 'places': {
          const f = parse(PlacesFileSchema, data, file);
          for (const p of f.places) {
            const had = places.get(p.id);
            if (had) {
              // same place again: add its names
              for (const lang of ['en', 'ar'] as const) for (const n of p.names[lang]) if (!had.names[lang].includes(n)) had.names[lang].push(n);
            } else places.set(p.id, p);
          }
          items = f.places.length;
          source = f.source;
          break;
        }
        case 'resolutions': {
          const f = parse(ResolutionFactsFileSchema, data, file);
          kb.resolutions = {
            source: f.source,
            unscFirstByYear: { ...kb.resolutions.unscFirstByYear, ...f.unscFirstByYear },
            topics: { ...kb.resolutions.topics, ...f.topics },
          };
          items = Object.keys(f.topics).length;
          source = f.source;
          break;
        }
        case 'given-names': {
          const f = parse(GivenNamesFileSchema, data, file);
          kb.givenNames.ar.push(...f.ar);
          kb.givenNames.en.push(...f.en);
          kb.givenNames.arAmbiguous.push(...f.arAmbiguous);
          kb.givenNames.enAmbiguous.push(...f.enAmbiguous);
          items = f.ar.length + f.en.length;
          source = f.source;
          break;
        }
        case 'lexicon': {
          const f = parse(LexiconFileSchema, data, file);
          const key = `${f.lang}/${f.lexicon}`;
          const had = kb.lexicons.get(key);
          if (had) had.entries.push(...f.entries);
          else kb.lexicons.set(key, f);
          items = f.entries.length;
          source = f.source;
          break;
        }
        default:
          throw new KnowledgeBaseError(`knowledge file ${file}: unknown kind (expected one of people, organizations, countries, places, unscFirstByYear, lexicon, ar/en given names)`);
      }
      kb.files.push({ file, kind, items, source, origin });
    }
  }
  kb.people = [...people.values()];
  kb.organizations = [...orgs.values()];
  kb.countries = [...countries.values()];
  kb.places = [...places.values()];
  kb.version = 'kb-' + hash.digest('hex').slice(0, 16);
  kb.loadMs = performance.now() - t0;
  return kb;
}
