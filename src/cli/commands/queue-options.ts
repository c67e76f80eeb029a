// What the queue subcommands (worker, enqueue, collect, requeue) share: the configuration from
// the environment (REDIS_URL, QUEUE_NAME, …, validated like the server's), with --redis-url and
// --queue over it.
import { type Command, Option } from 'commander';
import { type Config, ConfigError, loadConfig } from '../../config.js';
import { JobQueue } from '../../queue/producer.js';
import { UsageError } from '../program.js';

export interface QueueCliOptions {
  redisUrl?: string;
  queue?: string;
}

export function addQueueOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--redis-url <url>', 'the Redis of the queue (default: REDIS_URL)'))
    .addOption(new Option('--queue <name>', 'queue name (default: QUEUE_NAME, else "extract")'));
}

/** The configuration with the options applied; a bad variable or a missing Redis URL is bad usage (exit 2). */
export function queueConfig(opts: QueueCliOptions, env: Record<string, string | undefined> = process.env): Config & { REDIS_URL: string } {
  let config: Config;
  try {
    config = loadConfig({ ...env, ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}), ...(opts.queue ? { QUEUE_NAME: opts.queue } : {}) });
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  if (!config.REDIS_URL) throw new UsageError('no Redis: set REDIS_URL=redis://host:6379 or pass --redis-url.');
  return config as Config & { REDIS_URL: string };
}

export function openQueue(config: Config & { REDIS_URL: string }): JobQueue {
  return new JobQueue({ redisUrl: config.REDIS_URL, name: config.QUEUE_NAME, attempts: config.QUEUE_ATTEMPTS, backoffMs: config.QUEUE_BACKOFF_MS, keepCompleted: config.QUEUE_KEEP_COMPLETED }, 'cli');
}
