// The compiled snapshot of the knowledge base (src/engine/snapshot.ts): what a worker reads from it
// is what compile() makes of the files, and it is used only when it matches the files and the code.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../src/engine/compile.js';
import { createEngine } from '../../src/engine/index.js';
import { codeHash, compiledFromSnapshot, loadCompiled, SNAPSHOT_FORMAT, snapshotText } from '../../src/engine/snapshot.js';
import { knowledgeBaseVersion, loadKnowledgeBase } from '../../src/kb/index.js';
import { NO_CHILDREN, type TokenTrie, type TrieNode } from '../../src/engine/match/trie.js';
import { normalizeText } from '../../src/engine/text/normalize.js';
import { tokenize } from '../../src/engine/text/tokenize.js';

let cached: { compiled: Compiled; text: string } | undefined;
function fromFiles(): { compiled: Compiled; text: string } {
  if (!cached) {
    const compiled = compile(loadKnowledgeBase());
    cached = { compiled, text: snapshotText(compiled, 'test') };
  }
  return cached;
}
const body = (text: string) => JSON.parse(text.slice(text.indexOf('\n') + 1));

const SENTENCES = [
  { text: 'التقى وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرغي لافروف في سوتشي يوم الثلاثاء، وبحث الجانبان الأزمة السورية وقرار مجلس الأمن رقم 2254.', publishedAt: '2019-05-15' },
  { text: 'UN Secretary-General Antonio Guterres met Saudi Foreign Minister Prince Faisal bin Farhan in Riyadh on Monday to discuss Yemen and resolution 2216.', publishedAt: '2022-03-01' },
  { text: 'استقبل الرئيس عبد الفتاح السيسي في القاهرة اليوم الأمين العام لجامعة الدول العربية أحمد أبو الغيط.', publishedAt: '2020-02-10' },
];

describe('compiled knowledge-base snapshot', () => {
  it('rebuilds the same tables compile() makes from the files, and the engine extracts the same', { timeout: 60_000 }, () => {
    const { compiled, text } = fromFiles();
    const again = compiledFromSnapshot(body(text), compiled.kb.version, performance.now());
    // everything the snapshot stores, stored again from what was read back: the same text
    expect(snapshotText(again, 'test')).toBe(text);
    // what is derived on load rather than stored
    expect(again.countries).toEqual(compiled.countries);
    expect(again.resolutionTopics).toEqual(compiled.resolutionTopics);
    expect(again.unscFirstByYear).toEqual(compiled.unscFirstByYear);
    expect(again.lexicons).toEqual(compiled.lexicons);
    expect(again.kb.files).toEqual(compiled.kb.files);
    expect(again.kb.places).toEqual([]); // not stored: the gazetteer (places) is
    expect(again.places).toEqual(compiled.places);
    expect(again.trie.size).toBe(compiled.trie.size);
    expect(again.trie.maxDepth).toBe(compiled.trie.maxDepth);
    // a lexicon payload points at the lexicon's own entry object, as compile() makes it
    const lex = again.trie.root.next.get([...again.trie.root.next.keys()].find((k) => again.trie.root.next.get(k)!.payloads.some((p) => p.kind === 'lex'))!)!;
    const p = lex.payloads.find((x) => x.kind === 'lex')!;
    expect(p.kind === 'lex' && again.kb.lexicons.get(`${p.lang}/${p.lexicon}`)!.entries.includes(p.entry)).toBe(true);
    const a = createEngine(compiled.kb, { compiled });
    const b = createEngine(again.kb, { compiled: again });
    for (const s of SENTENCES) expect(b.extract(s)).toEqual(a.extract(s));
  });

  it('stores each distinct payload once and shares one empty child map among the leaves, which a later add() never writes into', { timeout: 60_000 }, () => {
    const { compiled, text } = fromFiles();
    const stored = body(text).trie;
    const uses = stored.payloads.reduce((n: number, [, ps]: [number, number[]]) => n + ps.length, 0);
    expect(stored.table.length).toBeLessThan(uses);
    expect(new Set(stored.table.map((p: unknown) => JSON.stringify(p))).size).toBe(stored.table.length);
    const again = compiledFromSnapshot(body(text), compiled.kb.version, performance.now());
    const leaves: TrieNode<unknown>[] = [];
    const walk = (n: TrieNode<unknown>) => (n.next.size === 0 ? leaves.push(n) : n.next.forEach(walk));
    walk(again.trie.root as TrieNode<unknown>);
    expect(leaves.length).toBeGreaterThan(1000);
    expect(leaves.every((n) => n.next === (NO_CHILDREN as unknown))).toBe(true);
    // a phrase that runs past an existing leaf («مايك بومبيو» + one more word) gets its own map
    const trie = again.trie as unknown as TokenTrie<string>;
    expect(trie.add('مايك بومبيو الثاني', 'test')).toBe(true);
    expect(NO_CHILDREN.size).toBe(0);
    const doc = 'التقى مايك بومبيو الثاني أمس';
    const { norm, toOrig } = normalizeText(doc);
    const found = trie.matchAll(tokenize(doc, norm, toOrig).tokens).filter((m) => m.payloads.includes('test'));
    expect(found.map((m) => [m.first, m.last])).toEqual([[1, 4]]);
  });

  it('is used only when its key matches the knowledge files and the code; KB_DIR always compiles from the files', { timeout: 60_000 }, () => {
    const { text } = fromFiles();
    const dir = mkdtempSync(join(tmpdir(), 'kb-snapshot-'));
    const write = (name: string, header: object) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(header) + text.slice(text.indexOf('\n')));
      return file;
    };
    const good = write('good.json', { format: SNAPSHOT_FORMAT, kbVersion: knowledgeBaseVersion(), code: codeHash() });
    expect(loadCompiled({ snapshotFile: good }).from).toBe('snapshot');
    expect(loadCompiled({ snapshotFile: good }).compiled.kb.version).toBe(knowledgeBaseVersion());

    const staleKb = write('stale-kb.json', { format: SNAPSHOT_FORMAT, kbVersion: 'kb-0000000000000000', code: codeHash() });
    expect(loadCompiled({ snapshotFile: staleKb })).toMatchObject({ from: 'files', why: 'knowledge files changed since the snapshot' });
    const staleCode = write('stale-code.json', { format: SNAPSHOT_FORMAT, kbVersion: knowledgeBaseVersion(), code: 'other' });
    expect(loadCompiled({ snapshotFile: staleCode })).toMatchObject({ from: 'files', why: 'snapshot made by other code' });
    expect(loadCompiled({ snapshotFile: join(dir, 'absent.json') })).toMatchObject({ from: 'files', why: 'no snapshot' });

    const extraDir = mkdtempSync(join(tmpdir(), 'kb-extra-')); // an empty KB_DIR: the same knowledge, but not the snapshot's key
    const withExtra = loadCompiled({ snapshotFile: good, extraDir });
    expect(withExtra).toMatchObject({ from: 'files', why: 'KB_DIR is set' });
    expect(withExtra.compiled.kb.version).toBe(knowledgeBaseVersion({ extraDir }));
  });

  it('knowledgeBaseVersion() is the version loadKnowledgeBase() reports, from the bytes alone', () => {
    expect(knowledgeBaseVersion()).toBe(loadKnowledgeBase().version);
  });
});
