// `npm run worker` / `diplomatic-news worker`: one process that consumes extraction jobs on the
// same worker-thread pool the API uses (createExtractionService), with /healthz, /readyz and
// /metrics on WORKER_PORT for probes and Prometheus. SIGTERM/SIGINT: take no new jobs, finish
// those in flight (their results are stored), stop the pool, exit 0.
import { createServer, type Server } from 'node:http';
import { hostname } from 'node:os';
import { pino, type Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Config } from '../config.js';
import { createExtractionService } from '../service/index.js';
import type { ExtractionService } from '../service/types.js';
import { QueueConsumer } from './consumer.js';
import { registerQueueGauge, workerMetrics } from './metrics.js';
import { JobQueue } from './producer.js';
import { redactUrl } from './redis.js';

export interface WorkerProcessOptions {
  config: Config;
  logger?: Logger;
  /** Defaults to the service the configuration asks for (the worker-thread pool). */
  service?: ExtractionService;
}

export function queueConcurrency(config: Config): number {
  return config.QUEUE_CONCURRENCY ?? Math.max(2, config.WORKERS * 2);
}

function statusServer(state: { ready: () => boolean }, registry: Registry): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string) => res.writeHead(status, { 'content-type': type }).end(body);
    if (req.method !== 'GET') return send(405, 'text/plain', 'method not allowed\n');
    if (path === '/healthz') return send(200, 'application/json', JSON.stringify({ status: 'ok', uptimeSeconds: process.uptime() }));
    if (path === '/readyz') return state.ready() ? send(200, 'application/json', '{"status":"ready"}') : send(503, 'application/json', '{"status":"not-ready"}');
    if (path === '/metrics') {
      registry.metrics().then(
        (text) => send(200, registry.contentType, text),
        () => send(500, 'text/plain', 'metrics failed\n'),
      );
      return;
    }
    send(404, 'text/plain', 'not found\n');
  });
}

/** Runs until SIGTERM/SIGINT; resolves to the exit code. */
export async function runWorkerProcess(opts: WorkerProcessOptions): Promise<number> {
  const { config } = opts;
  const log = opts.logger ?? pino({ level: config.LOG_LEVEL });
  if (!config.REDIS_URL) {
    log.error('REDIS_URL is not set: a worker needs the Redis its jobs are queued in');
    return 2;
  }
  const service = opts.service ?? createExtractionService(config);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const jobs = new JobQueue({ redisUrl: config.REDIS_URL, name: config.QUEUE_NAME, attempts: config.QUEUE_ATTEMPTS, backoffMs: config.QUEUE_BACKOFF_MS }, 'cli');
  registerQueueGauge(registry, jobs);
  const consumer = new QueueConsumer(service, {
    redisUrl: config.REDIS_URL,
    name: config.QUEUE_NAME,
    workerName: `${hostname()}-${process.pid}`,
    concurrency: queueConcurrency(config),
    attempts: config.QUEUE_ATTEMPTS,
    stalledIntervalMs: config.QUEUE_STALLED_INTERVAL_MS,
    resultsMaxLen: config.QUEUE_RESULTS_MAXLEN,
    observer: workerMetrics(registry),
    onUnexpected: (err, jobId) => log.error({ err, jobId }, 'job failed unexpectedly'),
  });
  let running = false;
  const server = statusServer({ ready: () => running && service.ready && consumer.connected }, registry);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.WORKER_PORT, config.HOST, resolve));

  let stop: (signal: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const onSignal = (signal: string) => () => stop(signal);
  process.once('SIGTERM', onSignal('SIGTERM'));
  process.once('SIGINT', onSignal('SIGINT'));

  const t0 = performance.now();
  let stopping = false;
  const started = service.start().then(() => {
    if (stopping) return;
    running = true;
    consumer.run();
    const k = service.knowledge();
    log.info({ ms: Math.round(performance.now() - t0), queue: config.QUEUE_NAME, redis: redactUrl(config.REDIS_URL!), concurrency: queueConcurrency(config), ...service.stats(), kbVersion: k?.kbVersion, port: (server.address() as { port: number }).port }, 'worker ready: taking jobs');
  });
  const outcome = await Promise.race([stopped, started.then(() => stopped, (e: unknown) => e)]);
  if (typeof outcome !== 'string') {
    log.fatal({ reason: outcome instanceof Error ? outcome.message : String(outcome) }, 'cannot start: the knowledge base or the engine failed to load');
    await Promise.allSettled([consumer.close(), jobs.close()]);
    server.close();
    return 1;
  }
  stopping = true;
  log.info({ signal: outcome }, 'shutting down: taking no new jobs, finishing those in flight');
  const force = setTimeout(() => {
    log.warn('shutdown timed out; exiting');
    process.exit(1);
  }, Math.max(config.SHUTDOWN_TIMEOUT_MS, config.EXTRACT_TIMEOUT_MS + 5000));
  force.unref();
  running = false;
  await consumer.close();
  await service.close();
  await jobs.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  log.info('worker stopped');
  return 0;
}
