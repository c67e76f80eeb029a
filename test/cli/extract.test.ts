// The CLI end to end, as a user runs it: `diplomatic-news extract` (src/cli/main.ts through tsx)
// on a temporary directory of mixed files — text, a JSON object, a JSON array, NDJSON with a
// broken and a blank line, an empty NDJSON file, an empty text file, a file it must ignore —
// with the worker pool, then --resume, --fail-fast, stdin and bad usage.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { run } from '../../src/cli/program.js';
import { ExtractionSchema } from '../../src/schemas/extraction.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin?: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, KB_DIR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

interface OutRecord {
  index: number;
  file: string;
  line?: number;
  id: string;
  ok: boolean;
  result?: unknown;
  error?: { type: string; status: number; detail: string; errors?: { pointer: string }[] };
}
const records = (text: string): OutRecord[] => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as OutRecord);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-'));
  const d = (p: string) => join(dir, 'in', p);
  mkdirSync(d('sub'), { recursive: true });
  writeFileSync(d('a.txt'), 'Mike Pompeo met Vladimir Putin in Sochi on Tuesday.\n');
  writeFileSync(d('b.json'), JSON.stringify({ id: 'b1', text: 'التقى وزير الخارجية الأمريكي مايك بومبيو الرئيس الروسي فلاديمير بوتين في سوتشي.', publishedAt: '2019-05-15' }));
  writeFileSync(d('c.json'), JSON.stringify([{ text: 'Lavrov met Pompeo.' }, { text: 'Putin in Sochi.', publishedAt: '15/05/2019' }], null, 2));
  writeFileSync(d('e.ndjson'), '');
  writeFileSync(d('empty.txt'), '');
  writeFileSync(d('notes.md'), 'not an article');
  writeFileSync(d('sub/d.jsonl'), [JSON.stringify({ text: 'Guterres visited Aden.' }), '{"text": "broken', '', JSON.stringify({ id: 'd4', text: 'Zarif met Lavrov in Moscow.' })].join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diplomatic-news extract', () => {
  it('a directory of mixed files: NDJSON in input order, an error record per bad item, summary, exit 1', async () => {
    const out = join(dir, 'out.ndjson');
    const r = await cli(['extract', join(dir, 'in'), '--workers', '1', '--out', out, '--date', '2019-05-15']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    const rs = records(readFileSync(out, 'utf8'));
    const rel = (f: string) => f.slice(join(dir, 'in').length + 1);
    expect(rs.map((x) => [rel(x.file), x.line ?? null, x.ok])).toEqual([
      ['a.txt', null, true],
      ['b.json', null, true],
      ['c.json', null, true],
      ['c.json', null, false],
      ['empty.txt', null, false],
      ['sub/d.jsonl', 1, true],
      ['sub/d.jsonl', 2, false],
      ['sub/d.jsonl', 4, true],
    ]);
    expect(rs.map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rs.map((x) => x.id.replace(join(dir, 'in') + '/', ''))).toEqual(['a.txt', 'b1', 'c.json#0', 'c.json#1', 'empty.txt', 'sub/d.jsonl:1', 'sub/d.jsonl:2', 'd4']);
    for (const x of rs.filter((x) => x.ok)) expect(() => ExtractionSchema.parse(x.result)).not.toThrow();
    const a = ExtractionSchema.parse(rs[0].result);
    expect(a.participants.map((p) => p.name)).toEqual(['Mike Pompeo', 'Vladimir Putin']);
    expect(a.publishedAt).toBe('2019-05-15'); // --date fills what the article does not give
    expect(a.kbVersion).toMatch(/^kb-[0-9a-f]{16}$/);
    expect(rs[3].error!.errors![0].pointer).toBe('/publishedAt');
    expect(rs[4].error!.errors![0].pointer).toBe('/text');
    expect(rs[6].error!.detail).toBe('Line 2 is not valid JSON.');
    // summary on stderr; no progress bar when stderr is not a terminal
    expect(r.stderr).toMatch(/^extract: 8 articles, 5 ok, 3 failed; [\d.]+ s, [\d.]+ articles\/s/m);
    expect(r.stderr).not.toMatch(/ETA/);

    // --resume: the successful ids are skipped, the failed ones tried again and appended
    const again = await cli(['extract', join(dir, 'in'), '--workers', '0', '--out', out, '--resume', '--date', '2019-05-15']);
    expect(again.code, again.stderr).toBe(1);
    expect(again.stderr).toMatch(/extract: 3 articles, 0 ok, 3 failed, 5 skipped/);
    const after = records(readFileSync(out, 'utf8'));
    expect(after).toHaveLength(11);
    expect(after.slice(8).map((x) => x.index)).toEqual([3, 4, 6]);
  }, 120_000);

  it('--resume after a crash mid-write cuts the partial line; --fail-fast stops at the first failure', async () => {
    const out = join(dir, 'partial.ndjson');
    const good = join(dir, 'in', 'a.txt');
    writeFileSync(out, '{"index":0,"file":"x","id":"zzz","ok":true,"result":{}}\n{"index":1,"fi');
    const r = await cli(['extract', good, '--workers', '0', '--out', out, '--resume']);
    expect(r.code, r.stderr).toBe(0);
    const rs = records(readFileSync(out, 'utf8'));
    expect(rs.map((x) => x.id)).toEqual(['zzz', good]);

    const ff = await cli(['extract', join(dir, 'in', 'c.json'), join(dir, 'in', 'empty.txt'), good, '--workers', '0', '--fail-fast']);
    expect(ff.code).toBe(1);
    expect(records(ff.stdout).map((x) => x.ok)).toEqual([true, false]);
    expect(ff.stderr).toMatch(/stopped at the first failure/);
  }, 120_000);

  it('reads several files and stdin (text or NDJSON); --progress draws the bar on stderr', async () => {
    const r = await cli(['extract', join(dir, 'in', 'a.txt'), '-', join(dir, 'in', 'b.json'), '--workers', '0', '--progress'], 'Lavrov met Zarif in Tehran.');
    expect(r.code, r.stderr).toBe(0);
    expect(records(r.stdout).map((x) => x.file.replace(/^.*\//, ''))).toEqual(['a.txt', 'stdin', 'b.json']);
    expect(r.stderr).toMatch(/articles \| [\d.]+\/s \| ETA/);
    const nd = await cli(['extract', '-', '--workers', '0'], '{"text":"Pompeo met Lavrov.","id":"n1"}\n\n{"text":""}\n');
    expect(nd.code).toBe(1);
    expect(records(nd.stdout).map((x) => [x.id, x.line, x.ok])).toEqual([['n1', 1, true], ['stdin:3', 3, false]]);
  }, 120_000);

  it('bad usage: exit 2 with a message, never a stack; --help exits 0', async () => {
    const help = await cli(['extract', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--fail-fast/);
    expect(help.stdout).toMatch(/Exit codes: 0/);
    const bad = await cli(['extract', '--lang', 'fr', 'x.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/argument 'fr' is invalid/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    // the same program in-process (no child per case)
    for (const args of [['extract', '--date', '2019-13-45', 'x.txt'], ['extract', join(dir, 'nothere.txt')], ['extract', join(dir, 'in', 'notes.md')], ['extract', '--resume', 'x.txt'], ['extract', '--map', 'date', 'x.txt'], ['extract', '--map', 'date=when', 'x.txt'], ['extract', '--workers', 'two', 'x.txt'], ['extract'], ['frobnicate']]) {
      let err = '';
      const io = { stdin: Readable.from([]), stdout: new PassThrough(), stderr: Object.assign(new PassThrough(), { isTTY: false }) };
      io.stderr.on('data', (d) => (err += d));
      const code = await run(args, io);
      expect(code, `${args.join(' ')}: ${err}`).toBe(2);
      expect(err).toMatch(/error/);
      expect(err).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});

describe.skipIf(!existsSync(join(ROOT, 'dist/cli/main.js')))('the bin entry', () => {
  it('npm exec diplomatic-news runs the built CLI (offline: the package\'s own bin)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const out = execFileSync('npm', ['exec', '--offline', '--', 'diplomatic-news', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toBe(pkg.version);
    const help = execFileSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'extract', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help).toMatch(/--resume/);
  }, 60_000);
});
