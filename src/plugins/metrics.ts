// GET /metrics in the Prometheus text format (prom-client): requests by route and status,
// latency, extraction time per article and per KiB, articles by language, queue depth, shed
// requests, worker restarts and time-outs, knowledge-base size and version, and prom-client's
// default process metrics. Open like /healthz unless METRICS_TOKEN is set (then Bearer <token>).
//
// Per request the cost is two Map lookups and a few number writes (src/metrics/fast.ts):
// children are looked up once per route, method and status and kept.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { z } from 'zod';
import { ProblemError } from '../errors.js';
import { type CounterChild, FastCounter, FastHistogram, type HistogramChild } from '../metrics/fast.js';
import { registerQueueGauge } from '../queue/metrics.js';
import { problemResponses } from '../routes/responses.js';
import type { ServiceObserver } from '../service/index.js';

export interface MetricsOptions {
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  token?: string;
}

/** prom-client's process metrics (CPU, memory, event-loop lag, GC, handles), once per process. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const PER_KIB_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

interface RouteEntry {
  byStatus: Map<number, CounterChild>;
  latency: HistogramChild;
}

export function createMetrics(app: FastifyInstance) {
  const registry = new Registry();
  const requests = new FastCounter('http_requests_total', 'HTTP requests by route (the route pattern; "unmatched" for 404s), method and status.', ['route', 'method', 'status']).register(registry);
  const latency = new FastHistogram('http_request_duration_seconds', 'Time from request received to response sent, by route and method.', ['route', 'method'], LATENCY_BUCKETS).register(registry);
  const extractionTime = new FastHistogram('extraction_duration_seconds', "The engine's time per article (in its worker; queue wait excluded).", [], LATENCY_BUCKETS).register(registry);
  const perKib = new FastHistogram('extraction_seconds_per_kib', "The engine's time per KiB of article text (UTF-8).", [], PER_KIB_BUCKETS).register(registry);
  const articles = new FastCounter('extraction_articles_total', 'Articles extracted, by language (detected unless given).', ['language']).register(registry);
  const shed = new FastCounter('extraction_requests_shed_total', 'Requests refused with 503 overloaded (queue full, event-loop or memory pressure).', []).register(registry).child();
  const restarts = new FastCounter('extraction_worker_restarts_total', 'Worker threads replaced after a time-out or a crash.', []).register(registry).child();
  const timeouts = new FastCounter('extraction_timeouts_total', 'Extractions that exceeded EXTRACT_TIMEOUT_MS.', []).register(registry).child();
  const extractionTimeAll = extractionTime.child();
  const perKibAll = perKib.child();

  new Gauge({
    name: 'extraction_queue_depth',
    help: 'Extractions waiting for a worker.',
    registers: [registry],
    collect() {
      this.set(app.extraction.stats().queued);
    },
  });
  new Gauge({
    name: 'extraction_workers',
    help: 'Worker threads in the pool (0 in in-process mode).',
    registers: [registry],
    collect() {
      this.set(app.extraction.stats().workers);
    },
  });
  new Gauge({
    name: 'kb_items',
    help: 'Knowledge-base items loaded, by kind of file (people, places, lexicon entries, …).',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      const k = app.extraction.knowledge();
      this.reset();
      for (const [kind, n] of Object.entries(k?.counts ?? {})) this.set({ kind }, n);
    },
  });
  new Gauge({
    name: 'kb_files',
    help: 'Knowledge files loaded, built-in or from KB_DIR ("extra").',
    labelNames: ['origin'],
    registers: [registry],
    collect() {
      const k = app.extraction.knowledge();
      this.reset();
      if (!k) return;
      this.set({ origin: 'built-in' }, k.files.filter((f) => f.origin === 'built-in').length);
      this.set({ origin: 'extra' }, k.files.filter((f) => f.origin === 'extra').length);
    },
  });
  new Gauge({
    name: 'kb_info',
    help: 'Always 1 once the knowledge base is loaded; the labels say which engine and knowledge base answer.',
    labelNames: ['engine_version', 'kb_version', 'current_to'],
    registers: [registry],
    collect() {
      const k = app.extraction.knowledge();
      this.reset();
      if (k) this.set({ engine_version: k.engineVersion, kb_version: k.kbVersion, current_to: k.currentTo ?? '' }, 1);
    },
  });

  // route -> method -> entry; undefined route (no match) is one entry per method
  const routes = new Map<string, Map<string, RouteEntry>>();
  const entry = (route: string, method: string): RouteEntry => {
    let byMethod = routes.get(route);
    if (!byMethod) routes.set(route, (byMethod = new Map()));
    let e = byMethod.get(method);
    if (!e) byMethod.set(method, (e = { byStatus: new Map(), latency: latency.child(route, method) }));
    return e;
  };
  const languages = new Map<string, CounterChild>();

  const observer: ServiceObserver = {
    extracted(language, engineMs, bytes) {
      let c = languages.get(language);
      if (!c) languages.set(language, (c = articles.child(language)));
      c.inc();
      const s = engineMs / 1000;
      extractionTimeAll.observe(s);
      if (bytes > 0) perKibAll.observe(s / (bytes / 1024));
    },
    timedOut: () => timeouts.inc(),
    workerRestarted: () => restarts.inc(),
  };

  if (app.jobs) registerQueueGauge(registry, app.jobs);

  const merged = Registry.merge([registry, processMetrics()]);
  return {
    observer,
    contentType: registry.contentType,
    text: () => merged.metrics(),
    /** Called once per response. */
    record(routeUrl: string | undefined, method: string, status: number, seconds: number, problemType: string | undefined) {
      const e = routeUrl === undefined ? entry('unmatched', 'any') : entry(routeUrl, method);
      let c = e.byStatus.get(status);
      if (!c) e.byStatus.set(status, (c = requests.child(routeUrl ?? 'unmatched', routeUrl === undefined ? 'any' : method, String(status))));
      c.inc();
      e.latency.observe(seconds);
      if (status === 503 && problemType === '/problems/overloaded') shed.inc();
    },
  };
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export default fp<MetricsOptions>(
  async (app: FastifyInstance, opts) => {
    const metrics = createMetrics(app);
    app.extraction.observe?.(metrics.observer);
    app.addHook('onResponse', async (request, reply) => {
      metrics.record(request.routeOptions.url, request.method, reply.statusCode, reply.elapsedTime / 1000, request.problemType);
    });
    const token = opts.token ? digest(opts.token) : undefined;
    app.get(
      '/metrics',
      {
        schema: {
          tags: ['operations'],
          operationId: 'metrics',
          summary: 'Prometheus metrics',
          description: 'The Prometheus text exposition format (prom-client). Open unless METRICS_TOKEN is set; then send `Authorization: Bearer <METRICS_TOKEN>`.',
          produces: ['text/plain'],
          response: {
            200: { description: 'Metrics in the Prometheus text format.', content: { 'text/plain': { schema: z.string() } } },
            ...problemResponses('unauthorized'),
          },
        },
      },
      async (request, reply) => {
        if (token) {
          const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
          if (!m || !timingSafeEqual(digest(m[1]), token)) throw new ProblemError('unauthorized', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.');
        }
        return reply.type(metrics.contentType).send(await metrics.text());
      },
    );
  },
  { name: 'metrics', fastify: '5.x', dependencies: ['extraction', 'problems', 'jobs'] },
);
