// A compiled snapshot of the built-in knowledge base: what loadKnowledgeBase() and compile() make
// of src/kb/data (validated and merged files, the automaton's nodes and payloads, the gazetteer,
// the surname and alias tables), written as JSON by `npm run build` (src/cli/kb-snapshot.ts) to
// dist/engine/kb-snapshot.json. A worker that reads it skips zod validation of every file and
// the normalisation and tokenisation of ~70,000 phrases: one JSON.parse and the trie's Maps.
// Its kb.places is empty (the engine reads the compiled gazetteer, Compiled.places).
//
// The snapshot is keyed by the knowledge base's version hash (the files' bytes, as
// loadKnowledgeBase() computes it) and by a hash of the compiled code it was made with
// (dist/engine, dist/kb). When either differs — a knowledge file edited after the build, a
// deployment's KB_DIR, code rebuilt without the snapshot, running from src/ through tsx — the
// loader compiles from the files as before, so the snapshot can never serve stale knowledge.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_KB_DIR, knowledgeBaseVersion, loadKnowledgeBase, type KbFileInfo, type KnowledgeBase } from '../kb/index.js';
import type { LexiconEntry, LexiconFile } from '../kb/schema.js';
import { compile, resolutionTables, type Compiled, type GazPlace, type Payload } from './compile.js';
import { NO_CHILDREN, TokenTrie, type TrieNode } from './match/trie.js';

/** Bumped whenever the body's layout changes (2: a table of distinct trie payloads; 3: the gazetteer by columns). */
export const SNAPSHOT_FORMAT = 4;

/** dist/engine/kb-snapshot.json next to the compiled engine (src/engine/kb-snapshot.json, never written, from the sources). */
export const SNAPSHOT_FILE = fileURLToPath(new URL('./kb-snapshot.json', import.meta.url));

interface Header {
  format: number;
  kbVersion: string;
  code: string;
}

/** A lexicon entry by reference: its lexicon's key ("ar/titles") and its index there. */
type EntryRef = [key: string, index: number];
type StoredPayload = Exclude<Payload, { kind: 'lex' } | { kind: 'res' }> | (Omit<Extract<Payload, { kind: 'lex' }>, 'entry'> & { entry: EntryRef }) | { kind: 'res'; word: EntryRef };

interface Body {
  kb: Omit<KnowledgeBase, 'lexicons' | 'version' | 'loadMs' | 'files'> & { lexicons: Array<[string, LexiconFile]>; files: Array<KbFileInfo & { path: string }> };
  /** Node i > 0 is child (parent[i-1], key[i-1]); `payloads` lists each node's payloads by index into `table` (one object per distinct payload). */
  trie: { maxDepth: number; size: number; parent: number[]; key: string[]; table: StoredPayload[]; payloads: Array<[node: number, payloads: number[]]> };
  /** The gazetteer by columns (field -> one value per place, null where a place has none): parsed in half the time of its objects. */
  places: Record<string, unknown[]>;
  countryPlace: Array<[string, number]>;
  surnames: Array<[string, number[]]>;
  aliases: Array<[string, number[]]>;
  firstNames: Array<[string, number[]]>;
}

/** Hash of the code that compiles (the .js files under dist/engine and dist/kb, or the .ts ones under src/). */
export function codeHash(): string {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.[cm]?[jt]s$/.test(name)) hash.update(`${relative(root, path)}\0`).update(readFileSync(path));
    }
  };
  for (const d of ['engine', 'kb']) walk(join(root, d));
  return hash.digest('hex').slice(0, 16);
}

function entryRefs(kb: KnowledgeBase): Map<LexiconEntry, EntryRef> {
  const refs = new Map<LexiconEntry, EntryRef>();
  for (const [key, file] of kb.lexicons) file.entries.forEach((e, i) => refs.set(e, [key, i]));
  return refs;
}

function storePayload(p: Payload, refs: Map<LexiconEntry, EntryRef>): StoredPayload {
  const ref = (e: LexiconEntry) => {
    const r = refs.get(e);
    if (!r) throw new Error('snapshot: a lexicon payload whose entry is in no lexicon');
    return r;
  };
  if (p.kind === 'lex') return { ...p, entry: ref(p.entry) };
  if (p.kind === 'res') return { kind: 'res', word: ref(p.word as unknown as LexiconEntry) };
  return p;
}

function storeTrie(trie: TokenTrie<Payload>, refs: Map<LexiconEntry, EntryRef>): Body['trie'] {
  const out: Body['trie'] = { maxDepth: trie.maxDepth, size: trie.size, parent: [], key: [], table: [], payloads: [] };
  const nodes: TrieNode<Payload>[] = [trie.root];
  const index = new Map<string, number>(); // a stored payload's JSON -> its place in the table
  const intern = (p: Payload) => {
    const stored = storePayload(p, refs);
    const key = JSON.stringify(stored);
    let i = index.get(key);
    if (i === undefined) {
      i = out.table.push(stored) - 1;
      index.set(key, i);
    }
    return i;
  };
  // breadth first: node i > 0 is child (parent[i-1], key[i-1]); every Map keeps its insertion order
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.payloads.length) out.payloads.push([i, n.payloads.map(intern)]);
    for (const [k, child] of n.next) {
      out.parent.push(i);
      out.key.push(k);
      nodes.push(child);
    }
  }
  return out;
}

/** The snapshot's text: a one-line header (format, versions), a newline, the body. */
export function snapshotText(c: Compiled, code: string): string {
  const kb = c.kb;
  const header: Header = { format: SNAPSHOT_FORMAT, kbVersion: kb.version, code };
  // kb.places stays out: the engine reads the gazetteer (c.places) only, and the raw GeoNames
  // records were a quarter of the snapshot's parse time and ~10 MB of every worker's heap
  const { lexicons, version: _v, loadMs: _l, files, places: _p, ...rest } = kb;
  const body: Body = {
    kb: { ...rest, places: [], lexicons: [...lexicons], files: files.map((f) => ({ ...f, path: relative(BUILTIN_KB_DIR, join(process.cwd(), f.file)) })) },
    trie: storeTrie(c.trie, entryRefs(kb)),
    places: toColumns(c.places),
    countryPlace: [...c.countryPlace],
    surnames: [...c.surnames],
    aliases: [...c.aliases],
    firstNames: [...c.firstNames],
  };
  return JSON.stringify(header) + '\n' + JSON.stringify(body);
}

/** Builds the snapshot of the built-in knowledge base (`npm run build` runs this). */
export function writeSnapshot(file = SNAPSHOT_FILE): { bytes: number; kbVersion: string } {
  const c = compile(loadKnowledgeBase());
  const text = snapshotText(c, codeHash());
  writeFileSync(file, text);
  return { bytes: Buffer.byteLength(text), kbVersion: c.kb.version };
}

/** Objects as columns: every field any of them has, with one value per object (null where it has none). */
function toColumns<T extends object>(rows: readonly T[]): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) {
      if (v === undefined) continue;
      if (v === null) throw new Error(`snapshot: a null ${k} cannot be stored by columns`);
      (columns[k] ??= new Array<unknown>(rows.length).fill(null))[i] = v;
    }
  });
  return columns;
}

function fromColumns<T>(columns: Record<string, unknown[]>): T[] {
  const fields = Object.entries(columns);
  const n = fields.length ? fields[0][1].length : 0;
  const rows: T[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (const [k, values] of fields) if (values[i] !== null) row[k] = values[i];
    rows[i] = row as T;
  }
  return rows;
}

function loadTrie(t: Body['trie'], lexicons: Map<string, LexiconFile>): TokenTrie<Payload> {
  const entry = ([key, i]: EntryRef) => lexicons.get(key)!.entries[i];
  const none = NO_CHILDREN as unknown as Map<string, TrieNode<Payload>>;
  const root: TrieNode<Payload> = { next: none, payloads: [] };
  const nodes = [root];
  for (let j = 0; j < t.parent.length; j++) {
    const n: TrieNode<Payload> = { next: none, payloads: [] };
    const parent = nodes[t.parent[j]];
    if (parent.next === none) parent.next = new Map();
    parent.next.set(t.key[j], n);
    nodes.push(n);
  }
  // one object per distinct payload, shared by the nodes that carry it (payloads are never mutated)
  const table = t.table.map((p): Payload => {
    if (p.kind === 'lex') return { ...p, entry: entry(p.entry) };
    if (p.kind === 'res') return { kind: 'res', word: entry(p.word) as never };
    return p;
  });
  for (const [i, ps] of t.payloads) nodes[i].payloads = ps.map((k) => table[k]);
  return new TokenTrie(root, t.maxDepth, t.size);
}

/** The knowledge base and its compiled tables from a snapshot's body (`version` from its header). */
export function compiledFromSnapshot(body: Body, kbVersion: string, t0: number): Compiled {
  const lexicons = new Map(body.kb.lexicons);
  const files = body.kb.files.map(({ path, ...f }) => ({ ...f, file: relative(process.cwd(), join(BUILTIN_KB_DIR, path)) || path }));
  const kb: KnowledgeBase = { ...body.kb, lexicons, files, version: kbVersion, loadMs: 0 };
  const countries = new Map(kb.countries.map((c) => [c.code, c]));
  const compiled: Compiled = {
    trie: loadTrie(body.trie, lexicons),
    ...resolutionTables(kb),
    places: fromColumns<GazPlace>(body.places),
    countries,
    countryPlace: new Map(body.countryPlace),
    people: kb.people,
    organizations: kb.organizations,
    lexicons: new Map([...lexicons].map(([k, f]) => [k, f.entries])),
    surnames: new Map(body.surnames),
    aliases: new Map(body.aliases),
    firstNames: new Map(body.firstNames),
    kb,
    buildMs: 0,
  };
  kb.loadMs = compiled.buildMs = performance.now() - t0;
  return compiled;
}

export interface Loaded {
  compiled: Compiled;
  /** Where the tables came from, and, when not from the snapshot, why. */
  from: 'snapshot' | 'files';
  why?: string;
}

/**
 * The compiled knowledge base: from the snapshot when it matches the files and the code, else
 * loaded and compiled from the files (KB_DIR always takes that path: the snapshot holds the built-in files only).
 */
export function loadCompiled(options: { extraDir?: string; snapshotFile?: string } = {}): Loaded {
  const t0 = performance.now();
  const why = snapshotMismatch(options);
  if (why === undefined) {
    const text = readFileSync(options.snapshotFile ?? SNAPSHOT_FILE, 'utf8');
    const nl = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, nl)) as Header;
    return { compiled: compiledFromSnapshot(JSON.parse(text.slice(nl + 1)) as Body, header.kbVersion, t0), from: 'snapshot' };
  }
  return { compiled: compile(loadKnowledgeBase({ extraDir: options.extraDir })), from: 'files', why };
}

/** Why the snapshot cannot serve these options (undefined when it can). */
function snapshotMismatch(options: { extraDir?: string; snapshotFile?: string }): string | undefined {
  if (options.extraDir) return 'KB_DIR is set';
  const file = options.snapshotFile ?? SNAPSHOT_FILE;
  if (!existsSync(file)) return 'no snapshot';
  const head = readHeader(file);
  if (head?.format !== SNAPSHOT_FORMAT) return 'snapshot of another format';
  if (head.code !== codeHash()) return 'snapshot made by other code';
  if (head.kbVersion !== knowledgeBaseVersion()) return 'knowledge files changed since the snapshot';
  return undefined;
}

function readHeader(file: string): Header | undefined {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.toString('utf8', 0, n);
    const nl = text.indexOf('\n');
    return nl === -1 ? undefined : (JSON.parse(text.slice(0, nl)) as Header);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
