// `npm run bench:queue`: articles per second through the job queue (a real redis-server started
// here, `diplomatic-news worker` processes) with 1 and 2 worker processes, against the API's own
// in-process worker-thread pool on the same machine in the same run, and the ratio.
// The pool is measured before and after the queue runs (the machine is shared and noisy: compare
// within one run). 2 worker processes split this machine's cores between them (WORKERS = cores/2
// each), so all three runs have the same number of extraction threads.
//
//   npm run bench:queue                      # 1296 articles (the 324 shared ones x 4) per run
//   BENCH_QUEUE_N=3240 npm run bench:queue
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { usableCpus } from '../../src/cpus.js';
import { JobQueue } from '../../src/queue/producer.js';
import type { Config } from '../../src/config.js';
import type { ExtractionService } from '../../src/service/index.js';
import { type Article, repeated, sharedArticles, startWorker, type WorkerProc } from '../queue/fixtures.js';
import { RedisServer } from '../queue/redis.js';

// The API's pool as the server runs it: compiled (dist/), not through tsx like this script.
const dist = (f: string) => new URL(`../../dist/${f}`, import.meta.url).href;
const { createExtractionService } = (await import(dist('service/index.js'))) as { createExtractionService: (c: Config) => ExtractionService };
const { defaultConfig } = (await import(dist('config.js'))) as { defaultConfig: (o: Partial<Config>) => Config };

const N = Number(process.env.BENCH_QUEUE_N ?? 1296);
const cores = usableCpus();
const base = sharedArticles();
if (!base) {
  console.error('../shared/articles not found');
  process.exit(2);
}
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const rssMiB = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

async function poolRun(articles: Article[]): Promise<number> {
  const service = createExtractionService(defaultConfig({ WORKERS: cores, EXTRACT_TIMEOUT_MS: 60_000, MAX_QUEUE: 10_000 }));
  await service.start();
  const concurrency = Math.max(2, cores * 2); // as POST /v1/extract/batch runs them
  const run = async (list: Article[]) => {
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < list.length) await service.extract(list[next++]);
    }));
  };
  await run(articles.slice(0, 50)); // warm-up
  const t0 = performance.now();
  await run(articles);
  const s = (performance.now() - t0) / 1000;
  await service.close();
  return articles.length / s;
}

/** Redis's own CPU seconds (user + sys) and memory in use, from INFO. */
async function redisInfo(jobs: JobQueue): Promise<{ cpu: number; memory: number }> {
  const info = await jobs.redis.info();
  const num = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return { cpu: num('used_cpu_user') + num('used_cpu_sys'), memory: num('used_memory') };
}

async function queueRun(redis: RedisServer, processes: number, articles: Article[], round: string): Promise<{ rate: number; rss: number[]; redisCpuUs: number; redisBytes: number }> {
  const name = `bench-${round}-${Date.now().toString(36)}`;
  const jobs = new JobQueue({ redisUrl: redis.url, name, attempts: 3, backoffMs: 1000 }, 'cli');
  const threads = Math.max(1, Math.floor(cores / processes));
  const workers: WorkerProc[] = Array.from({ length: processes }, () =>
    startWorker({ REDIS_URL: redis.url, QUEUE_NAME: name, WORKERS: String(threads), QUEUE_CONCURRENCY: String(threads * 2), EXTRACT_TIMEOUT_MS: '60000' }),
  );
  await Promise.all(workers.map((w) => w.ready));
  const done = async (n: number) => {
    for (;;) {
      const c = await jobs.counts();
      if (c.completed + c.failed >= n) return c;
      await new Promise((r) => setTimeout(r, 100)); // not more often: the polling would count as the queue's Redis cost
    }
  };
  await jobs.enqueue(articles.slice(0, 50).map((a) => ({ article: { ...a, id: `warm-${a.id}` } })));
  await done(50);
  const r0 = await redisInfo(jobs);
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i += 500) await jobs.enqueue(articles.slice(i, i + 500).map((article) => ({ article })));
  const c = await done(50 + articles.length);
  const s = (performance.now() - t0) / 1000;
  const r1 = await redisInfo(jobs);
  if (c.failed) throw new Error(`${c.failed} jobs failed`);
  const rss = workers.map((w) => rssMiB(w.proc.pid!));
  for (const w of workers) w.proc.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
  await jobs.queue.obliterate({ force: true });
  await jobs.close();
  return { rate: articles.length / s, rss, redisCpuUs: ((r1.cpu - r0.cpu) / articles.length) * 1e6, redisBytes: (r1.memory - r0.memory) / articles.length };
}

const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS ?? 2);
const articles = repeated(base, N, 'bench');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const half = Math.max(1, Math.floor(cores / 2));
console.log(`bench:queue: ${N} articles per run (the ${base.length} shared ones repeated), ${ROUNDS} rounds of pool / 1 worker process / 2 worker processes, ${cores} cores; load average ${load()}`);
const redis = await RedisServer.start();
const pool: number[] = [];
const one: number[] = [];
const two: number[] = [];
try {
  for (let r = 0; r < ROUNDS; r++) {
    pool.push(await poolRun(articles));
    console.log(`  round ${r + 1}: in-process pool (the API's, WORKERS=${cores}): ${pool[r].toFixed(1)} articles/s; load ${load()}`);
    const q1 = await queueRun(redis, 1, articles, `one${r}`);
    one.push(q1.rate);
    console.log(`  round ${r + 1}: queue, 1 worker process (WORKERS=${cores}): ${q1.rate.toFixed(1)} articles/s (RSS ${q1.rss.join(', ')} MiB; Redis ${q1.redisCpuUs.toFixed(0)} µs CPU and ${(q1.redisBytes / 1024).toFixed(1)} KiB per job)`);
    const q2 = await queueRun(redis, 2, articles, `two${r}`);
    two.push(q2.rate);
    console.log(`  round ${r + 1}: queue, 2 worker processes (WORKERS=${half} each): ${q2.rate.toFixed(1)} articles/s (RSS ${q2.rss.join(', ')} MiB; Redis ${q2.redisCpuUs.toFixed(0)} µs CPU and ${(q2.redisBytes / 1024).toFixed(1)} KiB per job)`);
  }
  const p = median(pool);
  console.log(`median articles/s: pool ${p.toFixed(1)}, 1 worker process ${median(one).toFixed(1)} (${(median(one) / p).toFixed(2)} x pool), 2 worker processes ${median(two).toFixed(1)} (${(median(two) / p).toFixed(2)} x pool); per round 1 process / pool: ${one.map((x, i) => (x / pool[i]).toFixed(2)).join(', ')}; load average ${load()}`);
} finally {
  await redis.stop();
}
