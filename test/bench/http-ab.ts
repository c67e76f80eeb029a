// Two builds of the service compared over HTTP, interleaved (machine load hits both alike; quote the ratios):
// start-up (ready time, RSS at ready) over several restarts, then rounds of the shared corpus through
// POST /v1/extract at 8 connections and at 1, and the seed article at 16 connections (autocannon),
// alternating the builds; the engine's time from each server's own metrics gives the service efficiency.
//   npx tsx test/bench/http-ab.ts <dirA> <dirB> [--rounds 3] [--starts 3] [--duration 5]   (AB_LOG_LEVEL=info: the servers log as in production; default warn)
// Each dir is a checkout with dist/ built (`npm ci && npm run build`).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cannon, corpusArticles, corpusThrough, cpuMsOf, engineSeconds, f0, freePort, rssOf, SHARED, start, stop, waitFor, type Started } from './http.js';

const args = process.argv.slice(2);
const opt = (name: string, d: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const dirs = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).map((d) => resolve(d));
if (dirs.length !== 2 || dirs.some((d) => !existsSync(join(d, 'dist', 'server.js')))) {
  console.error('usage: npx tsx test/bench/http-ab.ts <dirA> <dirB> [--rounds 3] [--starts 3] [--duration 5]  (each with dist/ built)');
  process.exit(2);
}
const ROUNDS = opt('--rounds', 3);
const STARTS = opt('--starts', 3);
const DURATION = opt('--duration', 5);
const cores = availableParallelism();
const work = mkdtempSync(join(tmpdir(), 'http-ab-'));
const la = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`http-ab  ${new Date().toISOString()}  A = ${dirs[0]}  B = ${dirs[1]}  ${cores} cores  load average ${la()}`);

async function launch(dir: string, tag: string): Promise<Started & { readyMs: number; rssReadyMiB: number }> {
  const port = await freePort();
  const s = start(['dist/server.js'], { LOG_LEVEL: process.env.AB_LOG_LEVEL ?? 'warn', WORKERS: process.env.WORKERS ?? '' }, port, join(work, `${tag}.log`), dir);
  await waitFor(`http://127.0.0.1:${port}/readyz`, 200, 60_000, s.child, s.log);
  return { ...s, readyMs: performance.now() - s.spawnedAt, rssReadyMiB: rssOf(s.child.pid!).rssMiB };
}

// ---- start-up ------------------------------------------------------------------------------------
const startup = dirs.map(() => ({ ready: [] as number[], rss: [] as number[] }));
for (let i = 0; i < STARTS; i++) {
  for (const [k, dir] of dirs.entries()) {
    const s = await launch(dir, `start-${k}-${i}`);
    startup[k].ready.push(s.readyMs);
    startup[k].rss.push(s.rssReadyMiB);
    await stop(s);
  }
}
for (const [k, x] of startup.entries()) console.log(`${'AB'[k]}: ready ${x.ready.map(f0).join(' ')} ms, RSS at ready ${x.rss.map(f0).join(' ')} MiB`);

// ---- throughput ------------------------------------------------------------------------------------
const articles = corpusArticles();
if (!articles.length) console.log(`(${SHARED} absent: corpus rounds skipped)`);
const bodies = articles.map((a) => JSON.stringify({ text: a.text, ...(a.date ? { publishedAt: a.date } : {}) }));
const seedPath = join(SHARED, 'seed-sochi-2019-ar.txt');
const seedBody = JSON.stringify({ text: existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : 'التقى وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرغي لافروف في سوتشي.', publishedAt: '2019-05-15' });
const servers = [];
for (const [k, dir] of dirs.entries()) servers.push(await launch(dir, `run-${k}`));
const urls = servers.map((s) => new URL(`http://127.0.0.1:${s.port}/v1/extract`));
for (const u of urls) {
  if (bodies.length) await corpusThrough(u, bodies, 8); // warm-up
  await cannon('extract', u.href, seedBody, 16, 1);
}
const res = dirs.map(() => ({ cpu: [] as number[], engineShare: [] as number[], wall8: [] as number[], eff: [] as number[], per1: [] as number[], rps16: [] as number[], p99: [] as number[] }));
for (let r = 0; r < ROUNDS; r++) {
  for (const [k, u] of urls.entries()) {
    const x = res[k];
    if (bodies.length) {
      const e0 = await engineSeconds(servers[k].port);
      const c0 = cpuMsOf(servers[k].child.pid!);
      const h8 = await corpusThrough(u, bodies, 8);
      const cpu = cpuMsOf(servers[k].child.pid!) - c0;
      const e1 = await engineSeconds(servers[k].port);
      x.cpu.push(cpu / bodies.length);
      x.engineShare.push(((e1 - e0) * 1000) / cpu);
      x.wall8.push(h8.wallMs);
      x.eff.push(((e1 - e0) * 1000) / (h8.wallMs * cores));
      const h1 = await corpusThrough(u, bodies, 1);
      x.per1.push(h1.wallMs / bodies.length);
    }
    const row = await cannon('extract', u.href, seedBody, 16, DURATION);
    x.rps16.push(row.rps);
    x.p99.push(row.p99);
  }
  console.log(
    `round ${r + 1} (load ${la()}): ` +
      res.map((x, k) => `${'AB'[k]} corpus@8 ${f0(x.wall8.at(-1) ?? NaN)} ms (eff ${(x.eff.at(-1) ?? NaN).toFixed(2)}, CPU ${(x.cpu.at(-1) ?? NaN).toFixed(2)} ms/article), @1 ${(x.per1.at(-1) ?? NaN).toFixed(2)} ms/article, seed@16 ${f0(x.rps16.at(-1)!)} req/s p99 ${f0(x.p99.at(-1)!)} ms`).join(' | '),
  );
}
const rss = servers.map((s) => rssOf(s.child.pid!));
for (const s of servers) await stop(s);

console.log(`\nmedians (load average now ${la()}):`);
const rows: Array<[string, (k: number) => number, number]> = [
  ['ready after spawn, ms', (k) => med(startup[k].ready), 0],
  ['RSS at ready, MiB', (k) => med(startup[k].rss), 0],
  ['RSS after the rounds, MiB', (k) => rss[k].rssMiB, 0],
  ...(bodies.length
    ? ([
        ['corpus at 8 connections, wall ms', (k: number) => med(res[k].wall8), 0],
        ["service efficiency (workers' engine time / wall x cores)", (k: number) => med(res[k].eff), 2],
        ['one at a time, ms per article', (k: number) => med(res[k].per1), 2],
        ['server CPU per article at 8 connections, ms (all threads)', (k: number) => med(res[k].cpu), 2],
        ["workers' engine time / server CPU at 8 connections", (k: number) => med(res[k].engineShare), 2],
      ] as Array<[string, (k: number) => number, number]>)
    : []),
  ['seed at 16 connections, req/s', (k) => med(res[k].rps16), 0],
  ['seed at 16 connections, p99 ms', (k) => med(res[k].p99), 0],
];
for (const [what, get, digits] of rows) console.log(`  ${what.padEnd(58)} A ${get(0).toFixed(digits).padStart(8)}  B ${get(1).toFixed(digits).padStart(8)}  B/A ${(get(1) / get(0)).toFixed(2)}`);
