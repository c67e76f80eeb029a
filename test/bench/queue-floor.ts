// The queue's own floor: what BullMQ, ioredis and Redis cost per job when extraction costs nothing.
// One QueueConsumer in this process (as a worker process's main thread runs it) drains N jobs of
// the shared articles whose service answers each with that article's real extraction JSON, computed
// beforehand; the CPU this process and Redis spend per job is the queue's cost, against the CPU
// per article of the API's in-process pool measured in the same run. The queue can cost at most
// 20 % over the pool only if this floor is under a fifth of the pool's CPU per article.
//   npx tsx test/bench/queue-floor.ts   (BENCH_QUEUE_N jobs, default 1296; npm run build first)
import { usableCpus } from '../../src/cpus.js';
import type { Config } from '../../src/config.js';
import { QueueConsumer } from '../../src/queue/consumer.js';
import { JobQueue } from '../../src/queue/producer.js';
import type { ExtractionService } from '../../src/service/index.js';
import type { ExtractInput } from '../../src/schemas/extraction.js';
import { type Article, repeated, sharedArticles } from '../queue/fixtures.js';
import { RedisServer } from '../queue/redis.js';

const dist = (f: string) => new URL(`../../dist/${f}`, import.meta.url).href;
const { createExtractionService } = (await import(dist('service/index.js'))) as { createExtractionService: (c: Config) => ExtractionService };
const { defaultConfig } = (await import(dist('config.js'))) as { defaultConfig: (o: Partial<Config>) => Config };

const N = Number(process.env.BENCH_QUEUE_N ?? 1296);
const threads = usableCpus();
const base = sharedArticles();
if (!base) {
  console.error('../shared/articles not found');
  process.exit(2);
}
const articles = repeated(base, N, 'floor');
const selfCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

// the pool: the real extraction, as bench:queue measures it (and the JSON the fake service answers with)
const service = createExtractionService(defaultConfig({ WORKERS: threads, EXTRACT_TIMEOUT_MS: 60_000, MAX_QUEUE: 10_000 }));
await service.start();
const results = new Map<string, string>();
for (const a of base) results.set(a.text, await service.extractJson!(a));
let next = 0;
const c0 = selfCpu();
const t0 = performance.now();
await Promise.all(Array.from({ length: threads * 2 }, async () => {
  while (next < articles.length) await service.extractJson!(articles[next++]);
}));
const poolCpuMs = ((selfCpu() - c0) / articles.length) * 1000;
const poolRate = articles.length / ((performance.now() - t0) / 1000);
await service.close();

// the queue with a free extraction
const fake = { extractJson: async (input: ExtractInput) => results.get(input.text)! } as unknown as ExtractionService;
const redis = await RedisServer.start();
try {
  const name = `floor-${Date.now().toString(36)}`;
  const jobs = new JobQueue({ redisUrl: redis.url, name, attempts: 3, backoffMs: 1000 }, 'cli');
  await jobs.queue.pause();
  for (let i = 0; i < articles.length; i += 500) await jobs.enqueue(articles.slice(i, i + 500).map((article: Article) => ({ article })));
  const consumer = new QueueConsumer(fake, { redisUrl: redis.url, name, concurrency: threads * 2, attempts: 3, stalledIntervalMs: 30_000, resultsMaxLen: 1_000_000 });
  const info = async () => Number(/^used_cpu_user:([\d.]+)/m.exec(await jobs.redis.info())?.[1]) + Number(/^used_cpu_sys:([\d.]+)/m.exec(await jobs.redis.info())?.[1]);
  const r0 = await info();
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
  const redisCpuMs = ((await info()) - r0) / articles.length * 1000;
  await consumer.close();
  await jobs.queue.obliterate({ force: true });
  await jobs.close();
  const floor = queueCpuMs + redisCpuMs;
  console.log(`queue floor: ${articles.length} jobs, extraction free: ${(articles.length / seconds).toFixed(0)} jobs/s on one thread; ${queueCpuMs.toFixed(2)} CPU ms per job in the consumer's process + ${redisCpuMs.toFixed(2)} in Redis = ${floor.toFixed(2)}`);
  console.log(`pool (WORKERS=${threads}): ${poolRate.toFixed(0)} articles/s, ${poolCpuMs.toFixed(2)} CPU ms per article; the floor is ${((floor / poolCpuMs) * 100).toFixed(0)} % of it (${((queueCpuMs / poolCpuMs) * 100).toFixed(0)} % without Redis's share)`);
} finally {
  await redis.stop();
}
