// `npm run bench`: everything issue #5 asks to measure, in one run, loopback only.
//   1. the engine on one thread (test/bench/engine.ts): articles/s, MB/s, median/p99, ms/KiB at 1/16/256/1024 KiB;
//   2. start-up: `node dist/server.js` (WORKERS = cores, as in production) on a free port, time to the first 200 on /readyz;
//   3. HTTP with autocannon: POST /v1/extract with the seed article at 1, 16 and 64 connections, and a bare
//      Fastify route that parses the same body and returns a constant (test/bench/bare-server.ts), alternated;
//   4. /healthz latency while four 1 MiB extractions run in the pool;
//   5. resident memory of the server after all that (/proc/<pid>/status).
// Options: --duration <s> (per autocannon run, default 5), --no-engine, --no-big (skip 4.), --profile (CPU profiles of the
// server's main thread and of the engine, summarised), --json <file> (the figures as JSON).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSummary, summarise } from './cpuprofile.js';

// ---- autocannon (CommonJS, no bundled types): the part of its programmatic API used here
interface Histogram { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number }
interface AutocannonResult { requests: Histogram; latency: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number; '2xx': number; duration: number }
interface AutocannonOptions { url: string; method?: string; headers?: Record<string, string>; body?: string; connections?: number; duration?: number; pipelining?: number; timeout?: number }
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: AutocannonOptions) => Promise<AutocannonResult>;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = join(ROOT, '..', 'shared', 'articles');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const DURATION = Number(opt('--duration') ?? 5);
const PROFILE = args.includes('--profile');
const ENGINE = !args.includes('--no-engine');
const BIG = !args.includes('--no-big');
const CONNECTIONS = [1, 16, 64];

const children = new Set<ChildProcess>();
const cleanup = () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
};
process.on('exit', cleanup);
for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => process.exit(130));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const section = (title: string) => console.log(`\n=== ${title} ${'='.repeat(Math.max(0, 70 - title.length))}`);
const f1 = (n: number) => n.toFixed(1);
const f0 = (n: number) => n.toFixed(0);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function rssOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
}

async function waitFor(url: string, status: number, timeoutMs: number, child: ChildProcess, log: () => string): Promise<number> {
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

interface Started { child: ChildProcess; port: number; spawnedAt: number; log: () => string }

function start(argv: string[], env: Record<string, string>, port: number, logFile: string): Started {
  const fd = openSync(logFile, 'w');
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', fd, fd] });
  children.add(child);
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '');
  return { child, port, spawnedAt, log };
}

async function stop(s: Started): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => s.child.once('exit', () => r()));
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
  children.delete(s.child);
}

interface HttpRow { target: 'extract' | 'bare'; connections: number; rps: number; p50: number; p99: number; max: number; total: number; non2xx: number; errors: number }

async function cannon(target: HttpRow['target'], url: string, body: string, connections: number, duration: number): Promise<HttpRow> {
  const r = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration, timeout: 30 });
  return { target, connections, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, total: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

// ------------------------------------------------------------------------------------------
const when = new Date().toISOString();
const cores = availableParallelism();
console.log(`npm run bench  ${when}  node ${process.version}  ${cores} cores (${cpus()[0]?.model ?? '?'})  ${DURATION} s per autocannon run  load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

const figures: Record<string, unknown> = { when, node: process.version, cores, loadavgAtStart: loadavg() };
const work = mkdtempSync(join(tmpdir(), 'bench-'));

if (!existsSync(join(ROOT, 'dist', 'server.js'))) {
  section('build (dist/ missing)');
  const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const seedPath = join(SHARED, 'seed-sochi-2019-ar.txt');
const SEED = existsSync(seedPath)
  ? readFileSync(seedPath, 'utf8')
  : 'التقى وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرغي لافروف في سوتشي يوم الثلاثاء، وبحث الجانبان الأزمة السورية وقرار مجلس الأمن رقم 2254.\n';
const seedBody = JSON.stringify({ text: SEED, publishedAt: '2019-05-15' });

// ---- 1. engine ----------------------------------------------------------------------------
if (ENGINE) {
  section('1. engine, one thread (test/bench/engine.ts)');
  const argv = [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(work, 'engine-prof')}`] : []), '--import', 'tsx', 'test/bench/engine.ts'];
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 });
  process.stdout.write(r.stdout);
  if (r.status !== 0) console.log(`(engine benchmark exited with ${r.status})`);
  const m = /engine throughput: (\d+) articles\/s, ([\d.]+) MB\/s, median ([\d.]+) ms, p99 ([\d.]+) ms/.exec(r.stdout);
  if (m) figures.engine = { articlesPerSecond: +m[1], mbPerSecond: +m[2], medianMs: +m[3], p99Ms: +m[4] };
  figures.scaling = [...r.stdout.matchAll(/scaling:\s+(\d+) KiB\s+([\d.]+) ms\s+([\d.]+) ms\/KiB/g)].map((x) => ({ kib: +x[1], ms: +x[2], msPerKiB: +x[3] }));
}

// ---- 2. start-up ---------------------------------------------------------------------------
section('2. start-up: node dist/server.js (WORKERS = cores)');
const serverPort = await freePort();
const server = start(
  [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(work, 'server-prof')}`] : []), 'dist/server.js'],
  { LOG_LEVEL: 'info', WORKERS: process.env.WORKERS ?? '' },
  serverPort,
  join(work, 'server.log'),
);
const base = `http://127.0.0.1:${serverPort}`;
await waitFor(`${base}/readyz`, 200, 30_000, server.child, server.log);
const readyFromSpawn = performance.now() - server.spawnedAt;
const readyz = (await (await fetch(`${base}/readyz`)).json()) as { workers: number; mode: string };
const rssReady = rssOf(server.child.pid!);
console.log(`ready (first 200 on /readyz) ${f0(readyFromSpawn)} ms after spawn; mode ${readyz.mode}, ${readyz.workers} workers; RSS at ready ${f0(rssReady.rssMiB)} MiB`);
figures.startup = { readyMs: Math.round(readyFromSpawn), workers: readyz.workers, rssAtReadyMiB: Math.round(rssReady.rssMiB) };

const barePort = await freePort();
const bare = start(['--import', 'tsx', 'test/bench/bare-server.ts'], {}, barePort, join(work, 'bare.log'));
const bareUrl = `http://127.0.0.1:${barePort}/bare`;
const extractUrl = `${base}/v1/extract`;
// the bare server answers 404 on GET / (no route), which proves it listens
await waitFor(`http://127.0.0.1:${barePort}/`, 404, 30_000, bare.child, bare.log);

// ---- 3. HTTP ---------------------------------------------------------------------------------
section('3. HTTP: POST /v1/extract (seed article) vs bare Fastify route, autocannon');
const check = await fetch(extractUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: seedBody });
const checkJson = (await check.json()) as { participants?: unknown[]; meetings?: unknown[] };
console.log(`seed article: ${SEED.length} chars, ${Buffer.byteLength(seedBody)} bytes of JSON; response ${check.status}, ${checkJson.participants?.length ?? '?'} participants, ${checkJson.meetings?.length ?? '?'} meetings`);
await cannon('extract', extractUrl, seedBody, 16, 1); // warm-up (JIT, worker caches)
await cannon('bare', bareUrl, seedBody, 16, 1);
const rows: HttpRow[] = [];
for (const c of CONNECTIONS) {
  for (const [target, url] of [['bare', bareUrl], ['extract', extractUrl]] as const) {
    const row = await cannon(target, url, seedBody, c, DURATION);
    rows.push(row);
    console.log(
      `${target.padEnd(8)} c=${String(c).padStart(2)}  ${f0(row.rps).padStart(6)} req/s  p50 ${f1(row.p50).padStart(6)} ms  p99 ${f1(row.p99).padStart(6)} ms  max ${f0(row.max).padStart(5)} ms` +
        (row.non2xx || row.errors ? `  (non-2xx ${row.non2xx}, errors ${row.errors})` : ''),
    );
  }
}
const at = (t: HttpRow['target'], c: number) => rows.find((r) => r.target === t && r.connections === c)!;
const ratio = at('extract', 16).rps / at('bare', 16).rps;
console.log(`ratio extract/bare at 16 connections: ${ratio.toFixed(3)} (target >= 0.4); extract p99 at 16: ${f1(at('extract', 16).p99)} ms (target <= 50)`);
const rssHttp = rssOf(server.child.pid!);
console.log(`server RSS after the HTTP runs: ${f0(rssHttp.rssMiB)} MiB`);
figures.http = { rows, ratioAt16: +ratio.toFixed(3), rssAfterMiB: Math.round(rssHttp.rssMiB) };

// ---- 4. /healthz while four 1 MiB extractions run ------------------------------------------
interface HealthStats { probes: number; p50Ms: number; p99Ms: number; maxMs: number; bigMs: number[] }
async function healthUnderLoad(): Promise<HealthStats> {
  section('4. /healthz while four 1 MiB extractions run in the pool');
  let big = '';
  while (big.length < 1024 * 1024) big += SEED;
  big = big.slice(0, 1024 * 1024);
  const bigBody = JSON.stringify({ text: big, publishedAt: '2019-05-15' });
  const t0 = performance.now();
  let done = 0;
  const extractions = Array.from({ length: 4 }, () =>
    fetch(extractUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bigBody }).then(async (r) => {
      const bytes = (await r.arrayBuffer()).byteLength;
      done++;
      return { status: r.status, ms: performance.now() - t0, bytes };
    }),
  );
  const health: number[] = [];
  while (done < 4) {
    const s = performance.now();
    const r = await fetch(`${base}/healthz`);
    await r.arrayBuffer();
    if (r.status === 200) health.push(performance.now() - s);
    await sleep(10);
  }
  const bigResults = await Promise.all(extractions);
  health.sort((a, b) => a - b);
  console.log(
    `four 1 MiB extractions (${Buffer.byteLength(bigBody)} bytes each): statuses ${bigResults.map((r) => r.status).join(',')}, done after ${bigResults.map((r) => f0(r.ms)).join(', ')} ms; responses ${f0(bigResults[0].bytes / 1024)} KiB`,
  );
  const stats = { probes: health.length, p50Ms: +f1(quantile(health, 0.5)), p99Ms: +f1(quantile(health, 0.99)), maxMs: +f1(health[health.length - 1]), bigMs: bigResults.map((r) => Math.round(r.ms)) };
  console.log(`/healthz meanwhile: ${stats.probes} probes, p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms, max ${stats.maxMs} ms (target: milliseconds)`);
  return stats;
}
const health = BIG ? await healthUnderLoad() : undefined;
figures.healthUnderLoad = health;

// ---- 5. memory ---------------------------------------------------------------------------------
section('5. memory of the server after load');
const rss = rssOf(server.child.pid!);
console.log(`RSS at ready ${f0(rssReady.rssMiB)} MiB, after the seed-article runs ${f0(rssHttp.rssMiB)} MiB, after the 1 MiB extractions ${f0(rss.rssMiB)} MiB, peak (VmHWM) ${f0(rss.peakMiB)} MiB (target <= 600 MB); ${readyz.workers} workers`);
figures.memory = { rssAtReadyMiB: Math.round(rssReady.rssMiB), rssAfterHttpMiB: Math.round(rssHttp.rssMiB), rssMiB: Math.round(rss.rssMiB), peakMiB: Math.round(rss.peakMiB) };

await stop(bare);
await stop(server);

// ---- profiles ------------------------------------------------------------------------------------
if (PROFILE) {
  section('CPU profiles');
  for (const [label, dir] of [['server (all threads profiled)', 'server-prof'], ['engine benchmark', 'engine-prof']] as const) {
    const d = join(work, dir);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).filter((x) => x.endsWith('.cpuprofile')).sort()) {
      const s = summarise(JSON.parse(readFileSync(join(d, f), 'utf8')), 30);
      if (s.busyMs < 500) continue; // loader threads and the like
      console.log('\n' + formatSummary(`${label}: ${f}`, s));
    }
  }
  console.log(`\n(profiles kept in ${work}; open them in Chrome DevTools > Performance)`);
}

// ---- summary -------------------------------------------------------------------------------------
section('summary');
console.log(`(load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}: other processes on this machine move every figure)`);
const e = figures.engine as { articlesPerSecond: number; mbPerSecond: number; medianMs: number; p99Ms: number } | undefined;
if (e) console.log(`engine:   ${e.articlesPerSecond} articles/s, ${e.mbPerSecond} MB/s, median ${e.medianMs} ms, p99 ${e.p99Ms} ms   (target >= 1000 articles/s)`);
const sc = (figures.scaling as { kib: number; msPerKiB: number }[] | undefined) ?? [];
if (sc.length) {
  const k16 = sc.find((x) => x.kib === 16)?.msPerKiB;
  const k1024 = sc.find((x) => x.kib === 1024)?.msPerKiB;
  console.log(`scaling:  ${sc.map((x) => `${x.kib} KiB ${x.msPerKiB} ms/KiB`).join(', ')}   1 MiB/16 KiB = ${k16 && k1024 ? (k1024 / k16).toFixed(2) : '?'} (target <= 2)`);
}
for (const c of CONNECTIONS) {
  const x = at('extract', c);
  const b = at('bare', c);
  console.log(`http c=${String(c).padStart(2)}: extract ${f0(x.rps)} req/s p99 ${f1(x.p99)} ms | bare ${f0(b.rps)} req/s p99 ${f1(b.p99)} ms | ratio ${(x.rps / b.rps).toFixed(3)}`);
}
console.log(`ratio at 16 connections: ${ratio.toFixed(3)} (target >= 0.4), extract p99 ${f1(at('extract', 16).p99)} ms (target <= 50)`);
console.log(`start-up: ready in ${f0(readyFromSpawn)} ms (target <= 3000); RSS ${f0(rssReady.rssMiB)} MiB at ready, ${f0(rssHttp.rssMiB)} MiB after seed-article load, ${f0(rss.rssMiB)} MiB after 1 MiB extractions, peak ${f0(rss.peakMiB)} MiB (target <= 600 MB)`);
if (health) console.log(`/healthz under four 1 MiB extractions: p50 ${health.p50Ms} ms, p99 ${health.p99Ms} ms, max ${health.maxMs} ms`);

const jsonOut = opt('--json');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(figures, null, 2) + '\n');
if (!PROFILE) rmSync(work, { recursive: true, force: true });
