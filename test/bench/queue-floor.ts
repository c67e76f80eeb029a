// The queue's own floor: what BullMQ, ioredis and Redis cost per job when extraction costs nothing.
// One QueueConsumer in this process (as a worker process's main thread runs it) drains N jobs of
// the shared articles whose service answers each with that article's real extraction JSON, computed
// beforehand; the CPU this process and Redis spend per job is the queue's cost, against the CPU
// per article of the API's in-process pool measured in the same run. The queue can cost at most
// 20 % over the pool only if this floor is under a fifth of the pool's CPU per article.
//   npx tsx test/bench/queue-floor.ts   (BENCH_QUEUE_N jobs, default 1296; npm run build first)
import { usableCpus } from '../../src/cpus.js';
import { QueueConsumer } from '../../src/queue/consumer.js';
import { JobQueue } from '../../src/queue/producer.js';
import type { ExtractionService } from '../../src/service/index.js';
import type { ExtractInput } from '../../src/schemas/extraction.js';
import { type Article, repeated, sharedArticles } from '../queue/fixtures.js';
import { RedisServer } from '../queue/redis.js';
import { poolRun, redisInfo, selfCpu } from './queue-measure.js';

const N = Number(process.env.BENCH_QUEUE_N ?? 1296);
const threads = usableCpus();
const base = sharedArticles();
if (!base) {
  console.error('../shared/articles not found');
  process.exit(2);
}
const articles = repeated(base, N, 'floor');

// the pool: the real extraction, as bench:queue measures it, keeping each article's JSON for the fake service
const results = new Map<string, string>();
const pool = await poolRun(articles, threads, (a, json) => results.set(a.text, json));

// the queue with a free extraction
const fake = { extractJson: async (input: ExtractInput) => results.get(input.text)! } as unknown as ExtractionService;
const redis = await RedisServer.start();
try {
  const name = `floor-${Date.now().toString(36)}`;
  const jobs = new JobQueue({ redisUrl: redis.url, name, attempts: 3, backoffMs: 1000 }, 'cli');
  await jobs.queue.pause();
  for (let i = 0; i < articles.length; i += 500) await jobs.enqueue(articles.slice(i, i + 500).map((article: Article) => ({ article })));
  const consumer = new QueueConsumer(fake, { redisUrl: redis.url, name, concurrency: threads * 2, attempts: 3, stalledIntervalMs: 30_000, resultsMaxLen: 1_000_000 });
  const r0 = (await redisInfo(jobs.redis)).cpu;
  const q0 = selfCpu();
  const s0 = performance.now();
  consumer.run();
  await jobs.queue.resume();
  for (;;) {
    const c = await jobs.counts();
    if (c.completed + c.failed >= articles.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - s0) / 1000;
  const queueCpuMs = ((selfCpu() - q0) / articles.length) * 1000;
  const redisCpuMs = (((await redisInfo(jobs.redis)).cpu - r0) / articles.length) * 1000;
  await consumer.close();
  await jobs.queue.obliterate({ force: true });
  await jobs.close();
  const floor = queueCpuMs + redisCpuMs;
  console.log(`queue floor: ${articles.length} jobs, extraction free: ${(articles.length / seconds).toFixed(0)} jobs/s on one thread; ${queueCpuMs.toFixed(2)} CPU ms per job in the consumer's process + ${redisCpuMs.toFixed(2)} in Redis = ${floor.toFixed(2)}`);
  console.log(`pool (WORKERS=${threads}): ${pool.rate.toFixed(0)} articles/s, ${pool.cpuMs.toFixed(2)} CPU ms per article; the floor is ${((floor / pool.cpuMs) * 100).toFixed(0)} % of it (${((queueCpuMs / pool.cpuMs) * 100).toFixed(0)} % without Redis's share)`);
} finally {
  await redis.stop();
}
