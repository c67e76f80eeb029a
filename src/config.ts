// Configuration: one zod schema over the environment, parsed once at start-up.
// A bad value stops the process with a message naming the variable.
import { z } from 'zod';
import { usableCpus } from './cpus.js';

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1000, kib: 1024, k: 1024, mb: 1000 ** 2, mib: 1024 ** 2, m: 1024 ** 2, gb: 1000 ** 3, gib: 1024 ** 3 };

/** "2097152", "2MiB", "512 KiB", "1mb" -> bytes. */
const bytes = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?\s*(b|k|kb|kib|m|mb|mib|gb|gib)?$/i, 'expected a size in bytes, e.g. 2097152, 512KiB or 2MiB')
  .transform((s) => {
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(s)!;
    return Math.floor(Number(m[1]) * SIZE_UNITS[m[2].toLowerCase()]);
  })
  .pipe(z.number().int().positive());

const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const fraction = z
  .string()
  .trim()
  .regex(/^(0|1|0?\.\d+|1\.0*)$/, 'expected a fraction from 0 to 1, e.g. 0.01')
  .transform(Number)
  .pipe(z.number().min(0).max(1));

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']))
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const list = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

/** Every variable, its default and what it does (the README table is checked against this). */
export const ConfigSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on (the Docker image sets 0.0.0.0).'),
  PORT: int(0, 65535).default(3000).describe('TCP port.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level.'),
  LOG_ARTICLE_TEXT: bool.default(false).describe('Log article text at debug level (never do this with embargoed copy).'),
  BODY_LIMIT: bytes.default(2 * 1024 * 1024).describe('Largest request body (and largest NDJSON line), e.g. 2MiB.'),
  BATCH_MAX: int(1, 100_000).default(100).describe('Most articles in one JSON batch.'),
  API_KEYS: list.default([]).describe('Comma-separated API keys; when set, /v1 requests need Authorization: Bearer <key> or x-api-key.'),
  RATE_LIMIT_PER_MINUTE: int(0).default(0).describe('Requests per minute per API key (or per IP without keys) on /v1; 0 = off.'),
  KB_DIR: z.string().min(1).optional().describe('Directory of extra knowledge files merged with the built-in knowledge base.'),
  WORKERS: int(0, 1024).default(usableCpus()).describe("Extraction worker threads (default: the number of cores, or the cgroup CPU quota rounded up when the container has one); 0 = extract on the main thread."),
  EXTRACT_TIMEOUT_MS: int(1).default(10_000).describe('Time limit per extraction (queue wait included); the worker is restarted when it is exceeded.'),
  OUTPUT_CHECK_RATE: fraction
    .default(0.01)
    .describe("Share of extractions whose result is checked against the response schema in the worker (0-1); the others are serialised by the schema-compiled serializer without zod's copy. 1 = every result (the tests); a result outside the schema is a 500."),
  HEAP_GROWTH_PERCENT: int(0, 100)
    .default(30)
    .describe("How far (in %) V8 lets a heap grow past what the last full collection kept before it collects again (V8's --heap-growing-percent, for every thread of the process); 0 = V8's own policy, which lets a worker's heap grow several times larger. 30 keeps the resident memory after load about a quarter lower for 4-6 % less throughput at steady state."),
  MAX_QUEUE: int(1).default(256).describe('Extractions waiting for a worker beyond which new requests get 503.'),
  MAX_EVENT_LOOP_DELAY_MS: int(0).default(1000).describe('Event-loop delay beyond which /v1 requests get 503; 0 = off.'),
  MAX_RSS_BYTES: bytes.optional().describe('Resident memory beyond which /v1 requests get 503 (e.g. 1.5GiB); unset = off.'),
  RETRY_AFTER_SECONDS: int(1).default(5).describe('Retry-After sent with 503 and 429 responses.'),
  CORS_ORIGINS: list.default([]).describe('Comma-separated origins allowed by CORS ("*" for any); unset = CORS off.'),
  SHUTDOWN_TIMEOUT_MS: int(0).default(10_000).describe('On SIGTERM/SIGINT, how long requests in flight may take before the process exits anyway.'),
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional().describe('When set, GET /metrics needs Authorization: Bearer <METRICS_TOKEN>; unset = open like /healthz.'),
  TRUST_PROXY: bool.default(false).describe('Trust X-Forwarded-* headers (behind a load balancer).'),
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\/\S+$/, 'expected a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379')
    .optional()
    .describe('Redis for the job queue (POST /v1/jobs, `npm run worker`); unset = the job routes answer 503 queue-disabled.'),
  QUEUE_NAME: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'expected 1-64 letters, digits, "_", "." or "-"')
    .default('extract')
    .describe('Name of the BullMQ queue the producer fills and the workers consume.'),
  QUEUE_CONCURRENCY: int(1, 1024).optional().describe('Jobs one worker process runs at a time (default: twice WORKERS, at least 2), all on its worker-thread pool.'),
  QUEUE_ATTEMPTS: int(1, 100).default(3).describe('Tries per job after a crash or a time-out (exponential backoff between them); a bad article fails at once.'),
  QUEUE_BACKOFF_MS: int(1).default(1000).describe('First retry delay; each further retry waits twice as long.'),
  QUEUE_RESULTS_MAXLEN: int(1).default(1_000_000).describe('Results kept in the results stream (approximate trim); the jobs keep theirs too.'),
  QUEUE_KEEP_COMPLETED: int(0).optional().describe('Completed jobs (with their results) kept in Redis, newest first; unset = all of them (an article enqueued again is then never processed again). Set it for archives larger than Redis memory, and collect the results stream.'),
  QUEUE_STALLED_INTERVAL_MS: int(100).default(30_000).describe("How often a worker looks for jobs whose worker died (BullMQ's stalled check); the job lock lasts as long."),
  WORKER_PORT: int(0, 65535).default(3001).describe('Port of a worker process\'s /healthz, /readyz and /metrics (on HOST).'),
});

export type Config = z.output<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment (process.env by default); throws ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const r = ConfigSchema.safeParse(picked);
  if (r.success) return r.data;
  const msgs = r.error.issues.map((i) => `${String(i.path[0] ?? '(env)')}: ${i.message} (got ${JSON.stringify(picked[String(i.path[0])])})`);
  throw new ConfigError(`invalid configuration: ${msgs.join('; ')}`);
}

/** Configuration with defaults only (tests, OpenAPI export); `over` replaces values. */
export function defaultConfig(over: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...over };
}
