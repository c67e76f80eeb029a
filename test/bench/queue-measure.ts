// What bench:queue (queue.ts) and the queue's floor (queue-floor.ts) both measure: CPU time of this
// process, of another one and of Redis, and the API's in-process pool draining a list of articles.
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { Config } from '../../src/config.js';
import type { ExtractionService } from '../../src/service/index.js';
import type { Article } from '../queue/fixtures.js';

// The API's pool as the server runs it: compiled (dist/), not through tsx like these scripts.
const dist = (f: string) => new URL(`../../dist/${f}`, import.meta.url).href;
const { createExtractionService } = (await import(dist('service/index.js'))) as { createExtractionService: (c: Config) => ExtractionService };
const { defaultConfig } = (await import(dist('config.js'))) as { defaultConfig: (o: Partial<Config>) => Config };

export interface Run {
  rate: number;
  /** CPU milliseconds per article, every process involved (the pool: this one, its threads included). */
  cpuMs: number;
}

/** This process's CPU seconds (all its threads). */
export function selfCpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** A process's CPU seconds (utime + stime, all its threads) from /proc. */
export function procCpu(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** Redis's own CPU seconds (user + sys) and memory in use, from one INFO. */
export async function redisInfo(redis: Redis): Promise<{ cpu: number; memory: number }> {
  const info = await redis.info();
  const num = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return { cpu: num('used_cpu_user') + num('used_cpu_sys'), memory: num('used_memory') };
}

/**
 * The API's pool (WORKERS = `threads`) draining `articles` as POST /v1/extract/batch runs them,
 * after a warm-up of 50; `onJson` sees each result's JSON (what the queue stores too).
 */
export async function poolRun(articles: Article[], threads: number, onJson?: (a: Article, json: string) => void): Promise<Run> {
  const service = createExtractionService(defaultConfig({ WORKERS: threads, EXTRACT_TIMEOUT_MS: 60_000, MAX_QUEUE: 10_000 }));
  await service.start();
  const concurrency = Math.max(2, threads * 2);
  const run = async (list: Article[]) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        // as POST /v1/extract: the result checked against the schema and serialised in the worker thread
        while (next < list.length) {
          const a = list[next++];
          const json = service.extractJson ? await service.extractJson(a) : JSON.stringify(await service.extract(a));
          onJson?.(a, json);
        }
      }),
    );
  };
  await run(articles.slice(0, 50)); // warm-up
  const c0 = selfCpu();
  const t0 = performance.now();
  await run(articles);
  const s = (performance.now() - t0) / 1000;
  const cpu = selfCpu() - c0;
  await service.close();
  return { rate: articles.length / s, cpuMs: (cpu / articles.length) * 1000 };
}
