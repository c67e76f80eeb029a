// Helpers of the HTTP benchmarks (run.ts, http-ab.ts): spawning servers, waiting for them, RSS,
// autocannon, and a keep-alive client that sends a corpus through a number of connections.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = join(ROOT, '..', 'shared', 'articles');

// ---- autocannon (CommonJS, no bundled types): the part of its programmatic API used here
export interface Histogram { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number }
export interface AutocannonResult { requests: Histogram; latency: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number; '2xx': number; duration: number }
export interface AutocannonOptions { url: string; method?: string; headers?: Record<string, string>; body?: string; connections?: number; duration?: number; pipelining?: number; timeout?: number }
export const autocannon = createRequire(import.meta.url)('autocannon') as (opts: AutocannonOptions) => Promise<AutocannonResult>;

export const children = new Set<ChildProcess>();
export const cleanup = () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
};
process.on('exit', cleanup);
for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => process.exit(130));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const section = (title: string) => console.log(`\n=== ${title} ${'='.repeat(Math.max(0, 70 - title.length))}`);
export const f1 = (n: number) => n.toFixed(1);
export const f0 = (n: number) => n.toFixed(0);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export function rssOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
}

export async function waitFor(url: string, status: number, timeoutMs: number, child: ChildProcess, log: () => string): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const res = await fetch(url).catch(() => undefined);
    if (res) await res.arrayBuffer().catch(() => undefined);
    if (res?.status === status) return performance.now() - t0;
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}\n${log()}`);
    if (performance.now() - t0 > timeoutMs) throw new Error(`${url}: no ${status} within ${timeoutMs} ms\n${log()}`);
    await sleep(5);
  }
}

/** CPU time (user + system, every thread) a process has used so far, in ms (/proc/<pid>/stat, 10 ms ticks). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10; // utime, stime: fields 14 and 15 of the line
}

/** CPU time (ms, user + system) of each thread of a process, by thread id (/proc/<pid>/task/<tid>/stat). */
export function threadCpuMs(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(f[11]) + Number(f[12])) * 10);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

/**
 * Where a server's CPU went between two `threadCpuMs` snapshots, per article: the main thread, the
 * extraction workers (the `workers` busiest other threads: Linux shows every Node thread as "node", so
 * they are told apart by what they use) and the rest (V8's platform threads: concurrent compilation and
 * garbage collection for every isolate; libuv's pool).
 */
export function cpuSplit(pid: number, before: Map<number, number>, after: Map<number, number>, workers: number, articles: number): { mainMs: number; workersMs: number; helpersMs: number } {
  const used = [...after].map(([tid, ms]) => [tid, ms - (before.get(tid) ?? 0)] as const);
  const main = used.find(([tid]) => tid === pid)?.[1] ?? 0;
  const others = used.filter(([tid]) => tid !== pid).map(([, ms]) => ms).sort((a, b) => b - a);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { mainMs: main / articles, workersMs: sum(others.slice(0, workers)) / articles, helpersMs: sum(others.slice(workers)) / articles };
}

/** extraction_duration_seconds_sum from the server's /metrics: the engine's time in its workers. */
export async function engineSeconds(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^extraction_duration_seconds_sum\s+([\d.e+-]+)/m.exec(text)?.[1] ?? NaN);
}

export interface Started { child: ChildProcess; port: number; spawnedAt: number; log: () => string }

export function start(argv: string[], env: Record<string, string>, port: number, logFile: string, cwd = ROOT): Started {
  const fd = openSync(logFile, 'w');
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, argv, { cwd, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', fd, fd] });
  children.add(child);
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '');
  return { child, port, spawnedAt, log };
}

export async function stop(s: Started): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => s.child.once('exit', () => r()));
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
  children.delete(s.child);
}

export interface HttpRow { target: 'extract' | 'bare'; connections: number; rps: number; p50: number; p99: number; max: number; total: number; non2xx: number; errors: number }

export async function cannon(target: HttpRow['target'], url: string, body: string, connections: number, duration: number): Promise<HttpRow> {
  const r = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration, timeout: 30 });
  return { target, connections, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, total: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

export const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

export function corpusArticles(): { text: string; date?: string }[] {
  const out: { text: string; date?: string }[] = [];
  for (const f of ['ar.jsonl', 'en.jsonl']) {
    const path = join(SHARED, f);
    if (existsSync(path)) for (const l of readFileSync(path, 'utf8').split('\n')) if (l.trim()) out.push(JSON.parse(l));
  }
  return out;
}

/** POST with a keep-alive agent (the client an archive team would write); resolves with the status and the response's size. */
export function post(agent: Agent, url: URL, body: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Every body once through `connections` keep-alive connections, each taking the next body when its answer is in. */
export async function corpusThrough(url: URL, bodies: string[], connections: number): Promise<{ wallMs: number; perMs: number[]; non2xx: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const perMs: number[] = new Array(bodies.length);
  let next = 0;
  let non2xx = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < bodies.length) {
        const i = next++;
        const s = performance.now();
        const r = await post(agent, url, bodies[i]);
        perMs[i] = performance.now() - s;
        if (r.status !== 200) non2xx++;
      }
    }),
  );
  const wallMs = performance.now() - t0;
  agent.destroy();
  return { wallMs, perMs, non2xx };
}
