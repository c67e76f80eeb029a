// `npm run bench`: everything issues #5 and #13 ask to measure, in one run, loopback only; the summary
// prints issue 13's targets beside the figures.
//   1. the engine on one thread (test/bench/engine.ts): articles/s, MB/s, median/p99, ms/KiB at 1/16/256/1024 KiB;
//   2. start-up: `node dist/server.js` (WORKERS = cores, as in production) on a free port, time to the first 200 on /readyz;
//   3. the shared corpus through POST /v1/extract at 8 keep-alive connections and at 1, interleaved with the
//      engine alone on the same articles (this process, dist/, idle server): service efficiency and per-article overhead,
//      and where the server's CPU went per thread (main, workers, V8's helpers) beside the client's;
//   3b. the engine alone on every core at once, no HTTP (test/bench/parallel.ts): the ceiling of that efficiency;
//   4. HTTP with autocannon: POST /v1/extract with the seed article at 1, 16 and 64 connections, and a bare
//      Fastify route that parses the same body and returns a constant (test/bench/bare-server.ts), alternated;
//   5. /healthz latency while four 1 MiB extractions run in the pool;
//   6. resident memory of the server after all that (/proc/<pid>/status).
// Options: --duration <s> (per autocannon run, default 5), --corpus-rounds <n> (default 3), --warm <n> (corpus passes
// before the rounds, default 8; each is printed: the JIT's warm-up curve), --no-engine, --no-big
// (skip 5.), --profile (CPU profiles of the server's threads and of the engine, summarised), --json <file> (the figures as JSON).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatSummary, summarise } from './cpuprofile.js';
import { parallelCeiling } from './parallel.js';
import { cannon, corpusArticles, corpusThrough, cpuMsOf, cpuSplit, engineSeconds, f0, f1, freePort, quantile, ROOT, rssOf, SHARED, section, sleep, start, stop, threadCpuMs, waitFor, type HttpRow } from './http.js';

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
const CORPUS_ROUNDS = Number(opt('--corpus-rounds') ?? 3);
// passes of the corpus (server at 8 connections, and the engine alone) before the measured rounds: V8
// optimises a worker's code over its first passes (each worker sees half the corpus per pass)
const WARM = Number(opt('--warm') ?? 8);

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

// ---- 3. the shared corpus through HTTP against the engine's own time ------------------------
interface CpuPerArticle { mainMs: number; workersMs: number; helpersMs: number; clientMs: number }
interface CorpusRound { engineMs: number; wall8Ms: number; efficiency: number; http1MeanMs: number; overheadMeanMs: number; overheadMedianMs: number; cpu8: CpuPerArticle; workerEfficiency: number; overheadVsWorkersMeanMs: number }
interface WarmPass { serverCpuMsPerArticle: number; articlesPerSecond: number; engineMsPerArticle: number }
async function corpusRuns(): Promise<{ rounds: CorpusRound[]; warm: WarmPass[]; articles: number } | undefined> {
  section(`3. the shared corpus through POST /v1/extract vs the engine's own time (${WARM} warm-up passes, then ${CORPUS_ROUNDS} rounds, interleaved)`);
  const articles = corpusArticles();
  if (!articles.length) {
    console.log(`(${SHARED} absent: skipped)`);
    return undefined;
  }
  // the engine as the workers run it: dist/, the compiled knowledge-base snapshot, on this (otherwise idle) thread
  const { loadCompiled } = (await import(pathToFileURL(join(ROOT, 'dist/engine/snapshot.js')).href)) as typeof import('../../src/engine/snapshot.js');
  const { createEngine } = (await import(pathToFileURL(join(ROOT, 'dist/engine/index.js')).href)) as typeof import('../../src/engine/index.js');
  const { compiled } = loadCompiled();
  const engine = createEngine(compiled.kb, { compiled });
  const inputs = articles.map((a) => ({ text: a.text, ...(a.date ? { publishedAt: a.date } : {}) }));
  const bodies = inputs.map((i) => JSON.stringify(i));
  const enginePass = () =>
    inputs.map((i) => {
      const s = performance.now();
      engine.extract(i);
      return performance.now() - s;
    });
  const url = new URL(extractUrl);
  const pid = server.child.pid!;
  // warm-up, JIT on both sides: the server's CPU per article falls over the first passes
  const warm: WarmPass[] = [];
  for (let k = 0; k < WARM; k++) {
    const c0 = cpuMsOf(pid);
    const h = await corpusThrough(url, bodies, 8);
    const e = enginePass().reduce((a, b) => a + b, 0) / bodies.length;
    warm.push({ serverCpuMsPerArticle: (cpuMsOf(pid) - c0) / bodies.length, articlesPerSecond: (bodies.length / h.wallMs) * 1000, engineMsPerArticle: e });
  }
  if (warm.length) console.log(`warm-up, ${WARM} passes at 8 connections: server CPU per article ${warm.map((w) => w.serverCpuMsPerArticle.toFixed(2)).join(' ')} ms; ${warm.map((w) => f0(w.articlesPerSecond)).join(' ')} articles/s; the engine alone ${warm.map((w) => w.engineMsPerArticle.toFixed(2)).join(' ')} ms`);
  await corpusThrough(url, bodies, 1);
  const rounds: CorpusRound[] = [];
  for (let r = 0; r < CORPUS_ROUNDS; r++) {
    const e1 = enginePass();
    const t0 = threadCpuMs(pid);
    const u0 = process.cpuUsage();
    const w0 = await engineSeconds(serverPort);
    const h8 = await corpusThrough(url, bodies, 8);
    const w8 = (await engineSeconds(serverPort)) - w0;
    const u = process.cpuUsage(u0);
    const cpu8 = { ...cpuSplit(pid, t0, threadCpuMs(pid), readyz.workers, bodies.length), clientMs: (u.user + u.system) / 1000 / bodies.length };
    const w1 = await engineSeconds(serverPort);
    const h1 = await corpusThrough(url, bodies, 1);
    const workerEngine1Ms = ((await engineSeconds(serverPort)) - w1) * 1000;
    const e2 = enginePass();
    const per = e1.map((x, i) => (x + e2[i]) / 2);
    const engineMs = per.reduce((a, b) => a + b, 0);
    const over = h1.perMs.map((x, i) => x - per[i]).sort((a, b) => a - b);
    const round = {
      engineMs,
      wall8Ms: h8.wallMs,
      efficiency: engineMs / (h8.wallMs * cores),
      http1MeanMs: h1.wallMs / bodies.length,
      overheadMeanMs: (h1.wallMs - engineMs) / bodies.length,
      overheadMedianMs: quantile(over, 0.5),
      cpu8,
      // the same two figures against the engine's own time in the workers (/metrics), as the issue first measured it
      workerEfficiency: (w8 * 1000) / (h8.wallMs * cores),
      overheadVsWorkersMeanMs: (h1.wallMs - workerEngine1Ms) / bodies.length,
    };
    rounds.push(round);
    console.log(
      `round ${r + 1}: engine ${f0(engineMs)} ms for ${bodies.length} articles (${(engineMs / bodies.length).toFixed(2)} ms each); ` +
        `HTTP at 8 connections ${f0(h8.wallMs)} ms wall (${f0((bodies.length / h8.wallMs) * 1000)} articles/s) -> efficiency ${round.efficiency.toFixed(2)}; ` +
        `one at a time ${round.http1MeanMs.toFixed(2)} ms each, overhead mean ${round.overheadMeanMs.toFixed(2)} ms, median ${round.overheadMedianMs.toFixed(2)} ms` +
        (h8.non2xx + h1.non2xx ? ` (non-200: ${h8.non2xx + h1.non2xx})` : ''),
    );
    console.log(
      `  against the engine's own time in the workers (/metrics): efficiency ${round.workerEfficiency.toFixed(2)}; one at a time, overhead mean ${round.overheadVsWorkersMeanMs.toFixed(2)} ms`,
    );
    console.log(
      `  CPU per article at 8 connections: main thread ${cpu8.mainMs.toFixed(2)} ms, the ${readyz.workers} extraction workers ${cpu8.workersMs.toFixed(2)}, V8 and libuv helper threads ${cpu8.helpersMs.toFixed(2)}, ` +
        `this client ${cpu8.clientMs.toFixed(2)}; idle ${Math.max(0, (h8.wallMs * cores) / bodies.length - cpu8.mainMs - cpu8.workersMs - cpu8.helpersMs - cpu8.clientMs).toFixed(2)} of ${((h8.wallMs * cores) / bodies.length).toFixed(2)} core-ms`,
    );
  }
  return { rounds, warm, articles: bodies.length };
}
const corpus = await corpusRuns();
figures.corpus = corpus;

// ---- 3b. the ceiling: the engine alone on every core at once, no HTTP (test/bench/parallel.ts) --------
section(`3b. the engine alone on one thread, then on ${cores} threads at once (no HTTP, no client): the ceiling of service efficiency`);
const ceiling = corpus ? await parallelCeiling(cores) : undefined;
if (ceiling) console.log(`${ceiling.oneThreadMs.toFixed(3)} ms per article on one thread, ${ceiling.parallelMs.toFixed(3)} ms on each of ${ceiling.threads} threads at once: ceiling ${ceiling.ceiling.toFixed(2)}`);
figures.parallelCeiling = ceiling;

// ---- 4. HTTP ---------------------------------------------------------------------------------
section('4. HTTP: POST /v1/extract (seed article) vs bare Fastify route, autocannon');
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
  section('5. /healthz while four 1 MiB extractions run in the pool');
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
section('6. memory of the server after load');
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
console.log(`(load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}: other processes on this machine move every figure; the ratios move least)`);
const e = figures.engine as { articlesPerSecond: number; mbPerSecond: number; medianMs: number; p99Ms: number } | undefined;
if (e) console.log(`engine:   ${e.articlesPerSecond} articles/s, ${e.mbPerSecond} MB/s, median ${e.medianMs} ms, p99 ${e.p99Ms} ms (one thread)`);
const sc = (figures.scaling as { kib: number; msPerKiB: number }[] | undefined) ?? [];
const k16 = sc.find((x) => x.kib === 16)?.msPerKiB;
const k1024 = sc.find((x) => x.kib === 1024)?.msPerKiB;
if (sc.length) console.log(`scaling:  ${sc.map((x) => `${x.kib} KiB ${x.msPerKiB} ms/KiB`).join(', ')}`);
for (const c of CONNECTIONS) {
  const x = at('extract', c);
  const b = at('bare', c);
  console.log(`http c=${String(c).padStart(2)}: extract ${f0(x.rps)} req/s p99 ${f1(x.p99)} ms | bare ${f0(b.rps)} req/s p99 ${f1(b.p99)} ms | ratio ${(x.rps / b.rps).toFixed(3)}`);
}
if (corpus) {
  const r = corpus.rounds[corpus.rounds.length - 1];
  console.log(`corpus:   CPU per article at 8 connections (last round): main ${r.cpu8.mainMs.toFixed(2)} ms, workers ${r.cpu8.workersMs.toFixed(2)}, V8/libuv helpers ${r.cpu8.helpersMs.toFixed(2)}, client ${r.cpu8.clientMs.toFixed(2)}; engine alone ${(r.engineMs / corpus.articles).toFixed(2)} ms`);
  if (corpus.warm.length) console.log(`warm-up:  server CPU per article over the ${corpus.warm.length} passes ${corpus.warm.map((w) => w.serverCpuMsPerArticle.toFixed(2)).join(' ')} ms`);
}
console.log(`RSS: ${f0(rssReady.rssMiB)} MiB at ready, ${f0(rssHttp.rssMiB)} after the seed-article runs, ${f0(rss.rssMiB)} after the 1 MiB extractions, peak ${f0(rss.peakMiB)}`);
if (health) console.log(`/healthz under four 1 MiB extractions: p50 ${health.p50Ms} ms, p99 ${health.p99Ms} ms, max ${health.maxMs} ms`);

// the issue's targets (#13), each beside its figure from this run
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const MB = 1e6 / 2 ** 20; // MiB per MB
const targets: Array<[string, string, string, boolean | undefined]> = [];
if (corpus) {
  const eff = corpus.rounds.map((r) => r.efficiency);
  const over = corpus.rounds.map((r) => r.overheadMedianMs);
  targets.push([`service efficiency: engine time / (corpus wall at 8 connections x ${cores} cores), after ${corpus.warm.length} warm-up passes`, `${med(eff).toFixed(2)} (rounds ${eff.map((x) => x.toFixed(2)).join(' ')}; against the workers' own engine time ${med(corpus.rounds.map((r) => r.workerEfficiency)).toFixed(2)}${ceiling ? `; ceiling with no HTTP ${ceiling.ceiling.toFixed(2)}` : ''})`, '>= 0.8', med(eff) >= 0.8]);
  targets.push(['one article at a time: HTTP wall - engine time (median article)', `${med(over).toFixed(2)} ms (rounds ${over.map((x) => x.toFixed(2)).join(' ')}; mean ${med(corpus.rounds.map((r) => r.overheadMeanMs)).toFixed(2)}; mean against the workers' own time ${med(corpus.rounds.map((r) => r.overheadVsWorkersMeanMs)).toFixed(2)})`, '<= 0.6 ms', med(over) <= 0.6]);
}
targets.push(['seed article at 16 connections: p99', `${f1(at('extract', 16).p99)} ms`, '<= 25 ms', at('extract', 16).p99 <= 25]);
if (k16 && k1024) targets.push(['per-KiB cost: 1 MiB / 16 KiB (engine, one thread)', (k1024 / k16).toFixed(2), '<= 1.2', k1024 / k16 <= 1.2]);
const rssWorst = Math.max(rssReady.rssMiB, rss.rssMiB);
targets.push(['RSS at ready / after the 1 MiB extractions', `${f0(rssReady.rssMiB / MB)} / ${f0(rss.rssMiB / MB)} MB (${f0(rssReady.rssMiB)} / ${f0(rss.rssMiB)} MiB)`, '<= 300 MB', rssWorst / MB <= 300]);
targets.push(['ready: first 200 on /readyz after spawning node dist/server.js', `${f0(readyFromSpawn)} ms`, '<= 1000 ms', readyFromSpawn <= 1000]);
console.log('\ntargets (issue 13):');
const w = Math.max(...targets.map((t) => t[0].length));
for (const [what, got, want, ok] of targets) console.log(`  ${what.padEnd(w)}  ${got.padEnd(48)} target ${want.padEnd(10)} ${ok === undefined ? '' : ok ? 'met' : 'NOT met'}`);
figures.targets = targets.map(([what, measured, target, met]) => ({ what, measured, target, met }));

const jsonOut = opt('--json');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(figures, null, 2) + '\n');
if (!PROFILE) rmSync(work, { recursive: true, force: true });
