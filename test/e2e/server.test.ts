// End to end on a real port: `node dist/server.js` (what `npm start` and the Docker image run).
// `npm test` builds dist/ first; run `npm run build` before running this file on its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractionSchema } from '../../src/schemas/extraction.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER = `${ROOT}dist/server.js`;

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  readyMs: number;
}

async function startServer(env: Record<string, string> = {}): Promise<Running> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [SERVER], { cwd: ROOT, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WORKERS: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${out}`)), 15_000);
    const check = () => {
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  for (;;) {
    const r = await fetch(`${url}/readyz`).catch(() => undefined);
    if (r?.status === 200) break;
    if (performance.now() - t0 > 15_000) throw new Error(`not ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, url, output: () => out, readyMs: performance.now() - t0 };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));

describe.skipIf(!existsSync(SERVER))('node dist/server.js', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => {
    if (s.child.exitCode === null) s.child.kill('SIGKILL');
  });

  it('becomes ready quickly with no configuration beyond the port', () => {
    expect(s.readyMs).toBeLessThan(5000);
  });

  it('extracts over HTTP (JSON and text/plain) with exact offsets', async () => {
    const text = 'Mike Pompeo met Vladimir Putin in Sochi on Tuesday; they discussed UN Security Council resolution 2254.';
    for (const init of [
      { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, publishedAt: '2019-05-15' }) },
      { headers: { 'content-type': 'text/plain' }, body: text },
    ]) {
      const res = await fetch(`${s.url}/v1/extract`, { method: 'POST', ...init });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBeTruthy();
      const body = ExtractionSchema.parse(await res.json());
      for (const list of [body.participants, body.locations, body.resolutions]) for (const item of list) for (const m of item.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('logs JSON lines without the article text', async () => {
    await fetch(`${s.url}/v1/extract`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'E2E-EMBARGO-MARKER talks in Sochi' });
    await new Promise((r) => setTimeout(r, 100));
    expect(s.output()).toContain('"msg":"request completed"');
    expect(s.output()).not.toContain('E2E-EMBARGO-MARKER');
  });

  it('the start-up line says what knowledge was loaded; probes are not logged at info', async () => {
    const lines = s.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const ready = lines.find((l) => l.msg === 'ready: knowledge base loaded');
    expect(ready).toBeDefined();
    expect(ready).toMatchObject({ kbDir: null, kbDirFiles: [] });
    expect(ready!.kbVersion).toMatch(/^kb-[0-9a-f]{16}$/);
    expect(ready!.builtInFiles).toBeGreaterThan(10);
    expect((ready!.counts as Record<string, number>).people).toBeGreaterThan(500);
    // startServer polled /readyz until 200: none of those probes is an info line
    expect(lines.filter((l) => l.msg === 'request completed' && (l.route === '/readyz' || l.route === '/healthz'))).toEqual([]);
  });

  it('streams NDJSON over a real socket', async () => {
    const body = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `n${i}`, text: 'Lavrov met Pompeo in Sochi.' })).join('\n');
    const res = await fetch(`${s.url}/v1/extract/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await res.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: 50 }, (_, i) => `n${i}`));
  });

  it('on SIGTERM finishes the request in flight, refuses new ones, then exits 0', async () => {
    // An NDJSON upload still being written when SIGTERM arrives.
    let push!: (s: string | null) => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const enc = new TextEncoder();
        push = (s) => (s === null ? controller.close() : controller.enqueue(enc.encode(s)));
      },
    });
    const line = (i: number) => JSON.stringify({ id: `s${i}`, text: 'التقى لافروف بومبيو في سوتشي.' }) + '\n';
    push(line(0));
    const inflight = fetch(`${s.url}/v1/extract/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body, duplex: 'half' } as RequestInit);
    await new Promise((r) => setTimeout(r, 100));
    s.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    const late = await fetch(`${s.url}/healthz`).then((r) => r.status, () => 'refused');
    expect([503, 'refused']).toContain(late);
    for (let i = 1; i < 5; i++) push(line(i));
    push(null);
    const res = await inflight;
    expect(res.status).toBe(200);
    const ids = (await res.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l).id);
    expect(ids).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(await exited(s.child)).toBe(0);
  });
});

describe.skipIf(!existsSync(SERVER))('start-up failures', () => {
  it('a bad environment variable exits non-zero naming it', async () => {
    const child = spawn(process.execPath, [SERVER], { cwd: ROOT, env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    expect(await exited(child)).not.toBe(0);
    expect(err).toMatch(/PORT/);
  });

  it('a bad knowledge file exits non-zero with the file named', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/kb-`);
    writeFileSync(`${dir}/oops.json`, '{"people": 1}');
    const child = spawn(process.execPath, [SERVER], { cwd: ROOT, env: { ...process.env, PORT: '0', WORKERS: '1', KB_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => (out += d));
    expect(await exited(child)).toBe(1);
    expect(err).toMatch(/oops\.json/);
    // log lines are written asynchronously: the fatal one, logged right before process.exit, still comes out
    const fatal = out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; msg: string }).find((l) => l.level === 60);
    expect(fatal?.msg).toMatch(/cannot start/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(`${ROOT}Dockerfile`, 'utf8');

  it('starts a file that `npm run build` produces', () => {
    const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile);
    expect(cmd).not.toBeNull();
    const argv = JSON.parse(cmd![1]) as string[];
    expect(argv[0]).toBe('node');
    expect(argv[1]).toBe('dist/server.js');
    expect(existsSync(`${ROOT}${argv[1]}`), 'run `npm run build` first (npm test does)').toBe(true);
  });

  it('is multi-stage, installs production deps only, runs as non-root, listens on 0.0.0.0:3000, has a node health check', () => {
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HOST=0\.0\.0\.0/);
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*CMD \["node"/m);
    for (const m of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) for (const src of m[1].split(/\s+/)) expect(existsSync(`${ROOT}${src}`), src).toBe(true);
  });
});
