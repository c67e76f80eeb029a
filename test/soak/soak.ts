// Soak: several minutes of mixed load against a real server on loopback, bad input included.
// Prints requests served, responses by status, transport errors, latency and the server's
// resident memory at start, along the way and at the end (it must not keep growing).
//
//   npm run soak                         # 3 minutes, 16 clients
//   SOAK_SECONDS=600 SOAK_CLIENTS=32 npm run soak
//
// Starts `node dist/server.js` (`npm run soak` builds it first) or, without dist/, src/server.ts
// through tsx; always on 127.0.0.1 with an ephemeral port. Exits 1 if any response is a 5xx
// other than 503, or a request fails at the transport level.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadArticles, lexiconWords, mulberry32 } from '../robustness/arbitraries.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 16);
const WORKERS = process.env.SOAK_WORKERS ?? '2';
const SAMPLE_EVERY_MS = 15_000;

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;

async function startServer() {
  const dist = `${ROOT}dist/server.js`;
  const argv = existsSync(dist) ? [dist] : ['--import', 'tsx', `${ROOT}src/server.ts`];
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', WORKERS, LOG_LEVEL: 'info', MAX_QUEUE: '64', BODY_LIMIT: '512KiB', BATCH_MAX: '20' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // keep the listening line, warnings and errors; one info line per request is only counted
  let out = '';
  let pending = '';
  let url: string | undefined;
  const onData = (d: Buffer) => {
    pending += d;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(line);
      if (m) url ??= m[1];
      if (!line.startsWith('{') || /"level":(4|5|6)0/.test(line)) out += line + '\n';
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const t0 = Date.now();
  while (!url) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${out}`);
    if (Date.now() - t0 > 30_000) throw new Error(`server did not listen:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  while ((await fetch(`${url}/readyz`).catch(() => undefined))?.status !== 200) {
    if (Date.now() - t0 > 30_000) throw new Error(`server not ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: url as string, output: () => out };
}

// ---------------------------------------------------------------- the load mix

const articles = loadArticles();
const words = lexiconWords();
const rand = mulberry32(Number(process.env.SOAK_SEED ?? 42));
const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
const article = () => (articles.length ? pick(articles).text : Array.from({ length: 300 }, () => pick(words)).join(' '));

type Req = { kind: string; path: string; init: RequestInit };
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const raw = (type: string, body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': type }, body });

const MIX: Array<[number, () => Req]> = [
  [30, () => ({ kind: 'extract json', path: '/v1/extract', init: json({ text: article(), publishedAt: '2019-05-15' }) })],
  [10, () => ({ kind: 'extract text/plain', path: '/v1/extract?language=auto', init: raw('text/plain', article()) })],
  [6, () => ({ kind: 'batch json', path: '/v1/extract/batch', init: json(Array.from({ length: 5 }, (_, i) => (i === 2 ? { text: 7 } : { text: article(), id: `b${i}` }))) })],
  [6, () => ({ kind: 'batch ndjson', path: '/v1/extract/batch', init: raw('application/x-ndjson', [article(), article(), '{broken', article()].map((t) => (t === '{broken' ? t : JSON.stringify({ text: t }))).join('\n')) })],
  [3, () => ({ kind: 'large 200 KiB', path: '/v1/extract', init: json({ text: Array.from({ length: 40 }, article).join('\n').slice(0, 100_000) }) })],
  [4, () => ({ kind: 'bad: broken json', path: '/v1/extract', init: raw('application/json', '{"text": "' + article().slice(0, 200)) })],
  [3, () => ({ kind: 'bad: duplicate keys', path: '/v1/extract', init: raw('application/json', '{"text":"a","text":"b"}') })],
  [4, () => ({ kind: 'bad: wrong types', path: '/v1/extract', init: json(pick([{ text: 5 }, null, [1], { text: 'x', publishedAt: '2019-02-30' }, { text: 'x', language: 'fr' }, {}])) })],
  [2, () => ({ kind: 'bad: wrong content type', path: '/v1/extract', init: raw('application/xml', '<text/>') })],
  [2, () => ({ kind: 'bad: over body limit', path: '/v1/extract', init: raw('text/plain', 'ب'.repeat(300 * 1024)) })],
  [2, () => ({ kind: 'bad: batch over BATCH_MAX', path: '/v1/extract/batch', init: json(Array.from({ length: 21 }, () => ({ text: 'x' }))) })],
  [2, () => ({ kind: 'bad: pathological', path: '/v1/extract', init: json({ text: pick(['التقى '.repeat(20_000), '('.repeat(50_000), 'ب'.repeat(200_000), 'القرارات ' + Array.from({ length: 3000 }, (_, i) => i + 1).join(' و')]) }) })],
  [2, () => ({ kind: 'not found', path: '/v1/nothing', init: { method: 'GET' } })],
  [4, () => ({ kind: 'healthz', path: '/healthz', init: { method: 'GET' } })],
];
const TOTAL = MIX.reduce((n, [w]) => n + w, 0);
function next(): Req {
  let r = rand() * TOTAL;
  for (const [w, make] of MIX) if ((r -= w) < 0) return make();
  return MIX[0][1]();
}

// ---------------------------------------------------------------- run

const server = await startServer();
const pid = server.child.pid!;
const rssStart = rssOf(pid);
const samples: Array<[number, number]> = [[0, rssStart]];
console.log(`soak: ${SECONDS} s, ${CLIENTS} clients, WORKERS=${WORKERS}, server pid ${pid} at ${server.url}; ${articles.length} real articles in the mix; RSS at start ${mib(rssStart)}`);

const byStatus = new Map<number, number>();
const byKindStatus = new Map<string, Map<number, number>>();
let transportErrors = 0;
let requests = 0;
const latencies: number[] = [];
const t0 = Date.now();
const deadline = t0 + SECONDS * 1000;

const sampler = setInterval(() => {
  const s = Math.round((Date.now() - t0) / 1000);
  const rss = rssOf(pid);
  samples.push([s, rss]);
  console.log(`  t=${s}s requests=${requests} RSS=${mib(rss)}`);
}, SAMPLE_EVERY_MS);

async function client() {
  while (Date.now() < deadline) {
    const r = next();
    const start = performance.now();
    try {
      const res = await fetch(server.url + r.path, r.init);
      await res.arrayBuffer();
      latencies.push(performance.now() - start);
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
      const k = byKindStatus.get(r.kind) ?? new Map<number, number>();
      k.set(res.status, (k.get(res.status) ?? 0) + 1);
      byKindStatus.set(r.kind, k);
    } catch {
      transportErrors++;
    }
    requests++;
  }
}
await Promise.all(Array.from({ length: CLIENTS }, client));
clearInterval(sampler);
await new Promise((r) => setTimeout(r, 1000));
const rssEnd = rssOf(pid);
const healthy = (await fetch(`${server.url}/healthz`).catch(() => undefined))?.status === 200;
server.child.kill('SIGTERM');
const exitCode = await new Promise<number | null>((resolve) => server.child.on('exit', resolve));

latencies.sort((a, b) => a - b);
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]?.toFixed(1);
const elapsed = (Date.now() - t0) / 1000;
const served = [...byStatus].filter(([s]) => s < 400).reduce((n, [, c]) => n + c, 0);
const unexpected5xx = [...byStatus].filter(([s]) => s >= 500 && s !== 503).reduce((n, [, c]) => n + c, 0);
const mid = samples[Math.floor(samples.length / 2)];

console.log(`\nrequests: ${requests} in ${elapsed.toFixed(0)} s (${(requests / elapsed).toFixed(1)}/s); served (2xx): ${served}; transport errors: ${transportErrors}`);
console.log(`by status: ${JSON.stringify(Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])))}`);
for (const [kind, m] of [...byKindStatus].sort()) console.log(`  ${kind.padEnd(28)} ${JSON.stringify(Object.fromEntries([...m].sort((a, b) => a[0] - b[0])))}`);
console.log(`latency ms: p50 ${q(0.5)}, p90 ${q(0.9)}, p99 ${q(0.99)}, max ${latencies.at(-1)?.toFixed(1)}`);
console.log(`server RSS: start ${mib(rssStart)}, middle (t=${mid[0]}s) ${mib(mid[1])}, end ${mib(rssEnd)}`);
console.log(`healthy after: ${healthy}; exit after SIGTERM: ${exitCode}`);
if (server.output().trim()) console.log(`server stderr/stdout (warn+):\n${server.output().split('\n').slice(0, 20).join('\n')}`);

process.exit(unexpected5xx > 0 || transportErrors > 0 || !healthy ? 1 : 0);
