// What a new user ran into (issue 12), one test each. Every test here failed before its fix.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cgroupCpuQuota, usableCpus } from '../../src/cpus.js';
import { knowledgeLogFields } from '../../src/plugins/extraction.js';
import type { ExtractInput } from '../../src/schemas/extraction.js';
import { EMPTY, FAKE_KNOWLEDGE, fakeService, makeApp, memoryLog } from './helpers.js';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

/** An app on the fake service that remembers the inputs it was given. */
async function recording(over = {}) {
  const seen: ExtractInput[] = [];
  const app = await makeApp(over, fakeService((i) => (seen.push(i), { language: 'en', ...EMPTY })));
  return { app, seen };
}

describe('NDJSON', () => {
  it('an empty body, or one of blank lines only, is a 400 problem like an empty JSON body', async () => {
    const { app } = await recording();
    for (const payload of ['', '\n\n  \r\n']) {
      const res = await app.inject({ method: 'POST', url: '/v1/extract/batch', headers: { 'content-type': 'application/x-ndjson' }, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().type).toBe('/problems/malformed-body');
      expect(res.json().detail).toMatch(/no articles/);
    }
    const json = await app.inject({ method: 'POST', url: '/v1/extract/batch', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(json.statusCode).toBe(400);
    await app.close();
  });

  it('error lines name the 1-based physical line, blank lines counted', async () => {
    const { app } = await recording();
    const payload = ['{"text":"a"}', '', '{"text": broken', '{"text":""}', '\r', '{"text":"b","id":"x"}'].join('\n');
    const res = await app.inject({ method: 'POST', url: '/v1/extract/batch', headers: { 'content-type': 'application/x-ndjson' }, payload });
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.index, l.line, l.ok])).toEqual([
      [0, 1, true],
      [1, 3, false],
      [2, 4, false],
      [3, 6, true],
    ]);
    expect(lines[1].error.detail).toBe('Line 3 is not valid JSON.');
    expect(lines[2].error.detail).toMatch(/^Line 4 is invalid: \/text/);
    await app.close();
  });
});

describe('charsets', () => {
  it('text/plain honours the declared charset (iso-8859-1, windows-1256, utf-16le)', async () => {
    const { app, seen } = await recording();
    const post = (payload: Buffer, charset: string) => app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': `text/plain; charset=${charset}` }, payload });
    expect((await post(Buffer.from('Caf\xe9 talks in Montr\xe9al', 'latin1'), 'iso-8859-1')).statusCode).toBe(200);
    expect(seen.at(-1)!.text).toBe('Café talks in Montréal');
    // «سوتشي» in windows-1256
    expect((await post(Buffer.from([0xd3, 0xe6, 0xca, 0xd4, 0xed]), '"windows-1256"')).statusCode).toBe(200);
    expect(seen.at(-1)!.text).toBe('سوتشي');
    expect((await post(Buffer.from('سوتشي', 'utf16le'), 'UTF-16LE')).statusCode).toBe(200);
    expect(seen.at(-1)!.text).toBe('سوتشي');
    await app.close();
  });

  it('an unsupported charset is a 415 naming the supported ones; JSON and NDJSON are UTF-8 only', async () => {
    const { app } = await recording();
    const res = await app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': 'text/plain; charset=shift_jis' }, payload: 'x' });
    expect(res.statusCode).toBe(415);
    expect(res.json().type).toBe('/problems/unsupported-media-type');
    expect(res.json().detail).toMatch(/shift_jis.*utf-8, utf-16le, utf-16be, iso-8859-1, windows-1252, iso-8859-6, windows-1256/);
    for (const [url, type] of [['/v1/extract', 'application/json'], ['/v1/extract/batch', 'application/x-ndjson']]) {
      const r = await app.inject({ method: 'POST', url, headers: { 'content-type': `${type}; charset=utf-16` }, payload: '{"text":"x"}' });
      expect(r.statusCode, type).toBe(415);
      expect(r.json().detail).toMatch(/send one of: utf-8/);
      const ok = await app.inject({ method: 'POST', url, headers: { 'content-type': `${type}; charset=UTF-8` }, payload: '{"text":"x"}' });
      expect(ok.statusCode, type).toBe(200);
    }
    await app.close();
  });

  it('malformed UTF-8 is a 400 (text/plain, JSON, and an NDJSON line of its own)', async () => {
    const { app } = await recording();
    const bad = Buffer.from([0x41, 0xc3, 0x28, 0x42]);
    const plain = await app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': 'text/plain' }, payload: bad });
    expect(plain.statusCode).toBe(400);
    const json = await app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': 'application/json' }, payload: Buffer.concat([Buffer.from('{"text":"'), bad, Buffer.from('"}')]) });
    expect(json.statusCode).toBe(400);
    expect(json.json().detail).toBe('The body is not valid UTF-8.');
    const nd = await app.inject({ method: 'POST', url: '/v1/extract/batch', headers: { 'content-type': 'application/x-ndjson' }, payload: Buffer.concat([Buffer.from('{"text":"'), bad, Buffer.from('"}\n{"text":"ok"}\n')]) });
    const lines = nd.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.ok)).toEqual([false, true]);
    expect(lines[0].error.detail).toBe('Line 1 is not valid UTF-8.');
    await app.close();
  });
});

describe('field validation', () => {
  it('a bad publishedAt says the accepted formats', async () => {
    const { app } = await recording();
    const res = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x', publishedAt: '15/05/2019' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/publishedAt' });
    expect(res.json().errors[0].message).toMatch(/YYYY-MM-DD.*ISO 8601 date-time/);
    const q = await app.inject({ method: 'POST', url: '/v1/extract?publishedAt=yesterday', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(q.json().errors[0].message).toMatch(/YYYY-MM-DD/);
    await app.close();
  });

  it('unknown body fields and query parameters are a 400 naming the field (and the one probably meant)', async () => {
    const { app, seen } = await recording();
    const res = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x', published_at: '2019-05-15' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ pointer: '/published_at', message: 'unknown field "published_at"; did you mean "publishedAt"?', code: 'unrecognized_keys' }]);
    expect(res.json().detail).toMatch(/published_at/);
    const batch = await app.inject({ method: 'POST', url: '/v1/extract/batch', payload: [{ text: 'a' }, { text: 'b', lang: 'ar' }] });
    expect(batch.json().results[1].error.errors[0]).toMatchObject({ pointer: '/1/lang' });
    const q = await app.inject({ method: 'POST', url: '/v1/extract?lang=ar', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(q.statusCode).toBe(400);
    expect(q.json().errors[0].pointer).toBe('/lang');
    expect(seen.map((s) => s.text)).toEqual(['a']);
    await app.close();
  });
});

describe('methods and sizes', () => {
  it('a known path with a wrong method is 405 with Allow', async () => {
    const { app } = await recording();
    const res = await app.inject({ method: 'GET', url: '/v1/extract' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.json().type).toBe('/problems/method-not-allowed');
    expect((await app.inject({ method: 'DELETE', url: '/v1/extract/batch' })).headers.allow).toBe('POST');
    expect((await app.inject({ method: 'POST', url: '/v1/kb' })).headers.allow).toBe('GET, HEAD');
    await app.close();
  });

  it('a 413 names the limit', async () => {
    const { app } = await recording({ BODY_LIMIT: 1024 });
    const res = await app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': 'text/plain' }, payload: 'x'.repeat(2000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/BODY_LIMIT \(1024 bytes = 1 KiB\)/);
    await app.close();
  });
});

describe('logs', () => {
  it('liveness and readiness probes are logged at debug, other requests at info', async () => {
    for (const level of ['info', 'debug'] as const) {
      const log = memoryLog();
      const app = await makeApp({ LOG_LEVEL: level }, fakeService(), log.stream);
      await app.inject({ method: 'GET', url: '/healthz' });
      await app.inject({ method: 'GET', url: '/readyz' });
      await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x' } });
      const lines = log.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request completed');
      const probes = lines.filter((l) => l.route === '/healthz' || l.route === '/readyz');
      if (level === 'info') expect(probes).toEqual([]);
      else expect(probes.map((l) => l.level)).toEqual([20, 20]);
      expect(lines.find((l) => l.route === '/v1/extract')?.level).toBe(30);
      await app.close();
    }
  });

  it('the start-up line says what knowledge was loaded: built-in files, KB_DIR files merged, counts, versions', () => {
    const k = { ...FAKE_KNOWLEDGE, counts: { people: 900, places: 27000 }, files: [
      { file: 'src/kb/data/people/a.json', kind: 'people', items: 900, source: 's', origin: 'built-in' as const },
      { file: '/etc/kb/more.json', kind: 'places', items: 3, source: 's', origin: 'extra' as const },
    ] };
    expect(knowledgeLogFields(k, '/etc/kb')).toMatchObject({ kbVersion: 'kb-fake', builtInFiles: 1, kbDir: '/etc/kb', kbDirFiles: ['/etc/kb/more.json (places, 3)'], counts: { people: 900, places: 27000 } });
  });
});

describe('WORKERS default', () => {
  const files = (f: Record<string, string>) => (p: string) => f[p];
  it('is the cgroup CPU quota when there is one (v2 and v1), the cores otherwise', () => {
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu.max': '150000 100000\n' }))).toBe(1.5);
    expect(usableCpus(files({ '/sys/fs/cgroup/cpu.max': '150000 100000\n' }), 64)).toBe(2);
    expect(usableCpus(files({ '/sys/fs/cgroup/cpu.max': 'max 100000\n' }), 64)).toBe(64);
    expect(usableCpus(files({ '/proc/self/cgroup': '0::/kubepods/pod1\n', '/sys/fs/cgroup/kubepods/pod1/cpu.max': '50000 100000' }), 8)).toBe(1);
    expect(usableCpus(files({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '300000', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000' }), 64)).toBe(3);
    expect(usableCpus(files({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000' }), 4)).toBe(4);
    expect(usableCpus(files({ '/sys/fs/cgroup/cpu.max': '800000 100000' }), 2)).toBe(2); // never more than the cores
    expect(usableCpus(files({}), 6)).toBe(6);
  });
});

describe('the repository', () => {
  it('ships the files the README curl examples post, and they extract', async () => {
    const readme = read('README.md');
    const refs = [...readme.matchAll(/--data-binary @(\S+)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const r of refs) expect(existsSync(new URL(`../../${r}`, import.meta.url)), r).toBe(true);
    const { app } = await recording();
    const nd = await app.inject({ method: 'POST', url: '/v1/extract/batch', headers: { 'content-type': 'application/x-ndjson' }, payload: read('test/examples/articles.ndjson') });
    expect(nd.body.trim().split('\n').map((l) => JSON.parse(l).ok)).toEqual([true, true, true]);
    const txt = await app.inject({ method: 'POST', url: '/v1/extract?publishedAt=2019-05-15', headers: { 'content-type': 'text/plain' }, payload: read('test/examples/article.txt') });
    expect(txt.statusCode).toBe(200);
    await app.close();
  });

  it('npm start builds only what is stale (tsc -b, incremental); the Docker image never builds at start', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/^tsc -b /);
    expect(pkg.scripts.start).toBe('node dist/server.js');
    const tsc = (): number => {
      const t0 = performance.now();
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json'], { cwd: new URL('../../', import.meta.url) });
      return performance.now() - t0;
    };
    tsc(); // brings dist/ up to date (a no-op after npm test's build)
    const server = new URL('../../dist/server.js', import.meta.url);
    const before = statSync(server).mtimeMs;
    const ms = tsc();
    expect(statSync(server).mtimeMs).toBe(before); // nothing rewritten
    expect(ms).toBeLessThan(5000);
    const docker = read('Dockerfile');
    expect(docker).toMatch(/CMD \["node", "dist\/server\.js"\]/);
    expect(docker).not.toMatch(/CMD \["npm"/);
  }, 60_000);

  it('the Docker image is on a supported Node LTS, pinned to an exact version (a digest where one could be read)', () => {
    const docker = read('Dockerfile');
    const image = /ARG NODE_IMAGE=(\S+)/.exec(docker)?.[1] ?? '';
    const m = /^node:(\d+)\.(\d+)\.(\d+)-[\w-]*slim(@sha256:[0-9a-f]{64})?$/.exec(image);
    expect(m, image).not.toBeNull();
    expect([22, 24, 26]).toContain(Number(m![1]));
    expect(docker.match(/^FROM \$\{NODE_IMAGE\}/gm)).toHaveLength(2);
    expect(docker).not.toMatch(/FROM node:20/);
  });

  it('the one-file CLI is gone; the README points at the new one', () => {
    expect(existsSync(new URL('../../src/cli/extract.ts', import.meta.url))).toBe(false);
    expect(read('README.md')).not.toMatch(/src\/cli\/extract\.ts/);
    expect(JSON.parse(read('package.json')).bin).toEqual({ 'diplomatic-news': 'dist/cli/main.js' });
  });
});
