// Queue metrics. Every process that knows the queue (the API with REDIS_URL, a worker) exports
// `queue_jobs{state}` read from Redis at scrape time; a worker also counts what it did:
// jobs completed, failed for good, retried, and the processing time per job.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ConsumerObserver } from './consumer.js';
import type { JobQueue } from './producer.js';

/** `queue_jobs{state="waiting|active|completed|failed"}`, read from Redis when scraped (nothing when Redis does not answer). */
export function registerQueueGauge(registry: Registry, jobs: JobQueue): void {
  new Gauge({
    name: 'queue_jobs',
    help: 'Jobs in the queue by state, read from Redis when scraped (waiting includes retries waiting for their backoff).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const [state, n] of Object.entries(await jobs.counts())) this.set({ state }, n);
      } catch {
        // Redis away: no sample rather than a failed scrape
      }
    },
  });
}

const JOB_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** A worker's counters, as the consumer reports them. */
export function workerMetrics(registry: Registry): ConsumerObserver {
  const completed = new Counter({ name: 'queue_jobs_completed_total', help: 'Jobs this worker completed.', registers: [registry] });
  const failed = new Counter({ name: 'queue_jobs_failed_total', help: 'Jobs that failed for good on this worker (a bad article, or the last attempt).', registers: [registry] });
  const retried = new Counter({ name: 'queue_jobs_retried_total', help: 'Tries that failed on this worker and will be retried (crash, time-out).', registers: [registry] });
  const seconds = new Histogram({ name: 'queue_job_duration_seconds', help: 'Processing time per completed job on this worker (validation, extraction, storing the result).', buckets: JOB_BUCKETS, registers: [registry] });
  return {
    completed: (s) => {
      completed.inc();
      seconds.observe(s);
    },
    failed: () => failed.inc(),
    retried: () => retried.inc(),
  };
}
