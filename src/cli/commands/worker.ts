// `worker`: consume extraction jobs from the queue until SIGTERM/SIGINT (see src/queue/worker-process.ts).
import type { Command } from 'commander';
import { runWorkerProcess } from '../../queue/worker-process.js';
import type { Done, Io } from '../program.js';
import { addQueueOptions, type QueueCliOptions, queueConfig } from './queue-options.js';

export function register(program: Command, _io: Io, done: Done): void {
  addQueueOptions(
    program
      .command('worker')
      .description('Consume extraction jobs from the queue (REDIS_URL, QUEUE_NAME, QUEUE_CONCURRENCY, WORKERS …) until SIGTERM; /healthz, /readyz and /metrics on WORKER_PORT.'),
  ).action(async (opts: QueueCliOptions) => {
    const code = await runWorkerProcess({ config: queueConfig(opts) });
    done(code);
    // a long-running process: leave no handle (a reconnecting socket, a timer) keeping it alive
    process.exit(code);
  });
}
