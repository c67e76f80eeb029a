// `npm run bench:queue`: articles per second through the job queue (a real redis-server started
// here, `diplomatic-news worker` processes) with 1 and 2 worker processes, against the API's own
// in-process worker-thread pool on the same machine in the same run, and the ratios. A queue run
// is an archive's backlog: the articles are enqueued while the queue is paused (that rate is
// reported on its own), then the workers drain it, timed from the resume to the last result. Rounds
// alternate pool / 1 process / 2 processes (the machine is shared and noisy: compare within one
// run). Besides wall-clock throughput it reports CPU time per article summed over every process
// involved (worker processes, Redis, the producer; for the pool, its own process and threads),
// which the other machines' load disturbs far less. 2 worker processes split this machine's cores
// between them (WORKERS = cores/2 each), so all runs have the same number of extraction threads.
//
//   npm run bench:queue                      # 1296 articles (the 324 shared ones x 4) per run, 2 rounds
//   BENCH_QUEUE_N=3240 BENCH_QUEUE_ROUNDS=3 npm run bench:queue
//   BENCH_QUEUE_THREADS=1 npm run bench:queue  # one extraction thread per run
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { usableCpus } from '../../src/cpus.js';
import { JobQueue } from '../../src/queue/producer.js';
import { type Article, repeated, sharedArticles, startWorker, type WorkerProc } from '../queue/fixtures.js';
import { RedisServer } from '../queue/redis.js';
import { poolRun, procCpu, redisInfo, type Run, selfCpu } from './queue-measure.js';

const N = Number(process.env.BENCH_QUEUE_N ?? 1296);
// extraction threads in every run (default: the cores); BENCH_QUEUE_THREADS=1 on 2 cores leaves the
// worker process's main thread (BullMQ, ioredis) a core of its own, as the pool's has
const threads = Number(process.env.BENCH_QUEUE_THREADS ?? usableCpus());
const base = sharedArticles();
if (!base) {
  console.error('../shared/articles not found');
  process.exit(2);
}
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const rssMiB = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

type QueueRun = Run & { enqueueRate: number; rss: number[]; workerCpuMs: number; redisCpuUs: number; redisBytes: number };

async function queueRun(redis: RedisServer, processes: number, articles: Article[], round: string): Promise<QueueRun> {
  const name = `bench-${round}-${Date.now().toString(36)}`;
  const jobs = new JobQueue({ redisUrl: redis.url, name, attempts: 3, backoffMs: 1000 }, 'cli');
  const perProcess = Math.max(1, Math.floor(threads / processes));
  const workers: WorkerProc[] = Array.from({ length: processes }, () =>
    startWorker(
      { REDIS_URL: redis.url, QUEUE_NAME: name, WORKERS: String(perProcess), QUEUE_CONCURRENCY: String(perProcess * 2), EXTRACT_TIMEOUT_MS: '60000' },
      PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [],
    ),
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
  // an archive's backlog: enqueued while the queue is paused (timed on its own), then drained
  await jobs.queue.pause();
  const e0 = performance.now();
  for (let i = 0; i < articles.length; i += 500) await jobs.enqueue(articles.slice(i, i + 500).map((article) => ({ article })));
  const enqueueRate = articles.length / ((performance.now() - e0) / 1000);
  const r0 = await redisInfo(jobs.redis);
  const w0 = workers.map((w) => procCpu(w.proc.pid!));
  const c0 = selfCpu();
  const t0 = performance.now();
  await jobs.queue.resume();
  const c = await done(50 + articles.length);
  const s = (performance.now() - t0) / 1000;
  const producerCpu = selfCpu() - c0;
  const workerCpu = workers.map((w, i) => procCpu(w.proc.pid!) - w0[i]).reduce((a, b) => a + b, 0);
  const r1 = await redisInfo(jobs.redis);
  if (c.failed) throw new Error(`${c.failed} jobs failed`);
  const rss = workers.map((w) => rssMiB(w.proc.pid!));
  for (const w of workers) w.proc.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
  await jobs.queue.obliterate({ force: true });
  await jobs.close();
  const cpuMs = ((workerCpu + producerCpu + (r1.cpu - r0.cpu)) / articles.length) * 1000;
  return { rate: articles.length / s, enqueueRate, cpuMs, workerCpuMs: (workerCpu / articles.length) * 1000, rss, redisCpuUs: ((r1.cpu - r0.cpu) / articles.length) * 1e6, redisBytes: (r1.memory - r0.memory) / articles.length };
}

const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS ?? 2);
/** BENCH_QUEUE_PROFILE=dir: the main thread of every worker process writes a CPU profile there when it exits. */
const PROFILE_DIR = process.env.BENCH_QUEUE_PROFILE;
const articles = repeated(base, N, 'bench');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const half = Math.max(1, Math.floor(threads / 2));
console.log(`bench:queue: ${N} articles per run (the ${base.length} shared ones repeated), ${ROUNDS} rounds of pool / 1 worker process / 2 worker processes, ${threads} extraction threads (${usableCpus()} cores); load average ${load()}`);
const redis = await RedisServer.start();
const pool: Run[] = [];
const one: QueueRun[] = [];
const two: QueueRun[] = [];
const fmt = (r: Run) => `${r.rate.toFixed(1)} articles/s, ${r.cpuMs.toFixed(2)} CPU ms per article`;
const extra = (q: QueueRun) => `(enqueued beforehand at ${q.enqueueRate.toFixed(0)} articles/s; worker processes ${q.workerCpuMs.toFixed(2)} CPU ms per article; RSS ${q.rss.join(', ')} MiB; Redis ${q.redisCpuUs.toFixed(0)} µs CPU and ${(q.redisBytes / 1024).toFixed(1)} KiB per job)`;
try {
  for (let r = 0; r < ROUNDS; r++) {
    pool.push(await poolRun(articles, threads));
    console.log(`  round ${r + 1}: in-process pool (the API's, WORKERS=${threads}): ${fmt(pool[r])}; load ${load()}`);
    const q1 = await queueRun(redis, 1, articles, `one${r}`);
    one.push(q1);
    console.log(`  round ${r + 1}: queue, 1 worker process (WORKERS=${threads}): ${fmt(q1)} ${extra(q1)}`);
    const q2 = await queueRun(redis, 2, articles, `two${r}`);
    two.push(q2);
    console.log(`  round ${r + 1}: queue, 2 worker processes (WORKERS=${half} each): ${fmt(q2)} ${extra(q2)}`);
  }
  const rate = (xs: Run[]) => median(xs.map((x) => x.rate));
  const cpu = (xs: Run[]) => median(xs.map((x) => x.cpuMs));
  const wcpu = (xs: (Run & { workerCpuMs: number })[]) => median(xs.map((x) => x.workerCpuMs));
  console.log(`median articles/s: pool ${rate(pool).toFixed(1)}, 1 worker process ${rate(one).toFixed(1)} (${(rate(one) / rate(pool)).toFixed(2)} x pool), 2 worker processes ${rate(two).toFixed(1)} (${(rate(two) / rate(pool)).toFixed(2)} x pool)`);
  console.log(`median CPU ms per article (worker processes + Redis + producer, against the pool's process): pool ${cpu(pool).toFixed(2)}, 1 worker process ${cpu(one).toFixed(2)} (${(cpu(one) / cpu(pool)).toFixed(2)} x pool), 2 worker processes ${cpu(two).toFixed(2)} (${(cpu(two) / cpu(pool)).toFixed(2)} x pool); the worker processes alone (Redis on another machine): ${wcpu(one).toFixed(2)} (${(wcpu(one) / cpu(pool)).toFixed(2)} x pool) and ${wcpu(two).toFixed(2)} (${(wcpu(two) / cpu(pool)).toFixed(2)} x pool); load average ${load()}`);
} finally {
  await redis.stop();
}
