// `requeue [job-id…]`: move failed jobs (all of them, or those named) back to waiting, with their
// attempts reset; `GET /v1/jobs?state=failed` lists them.
import type { Command } from 'commander';
import type { Done, Io } from '../program.js';
import { addQueueOptions, openQueue, type QueueCliOptions, queueConfig } from './queue-options.js';

export function register(program: Command, io: Io, done: Done): void {
  addQueueOptions(
    program
      .command('requeue')
      .description('Move failed jobs back to the queue (all of them, or the job ids given), attempts reset.')
      .argument('[ids...]', 'job ids (default: every failed job)'),
  ).action(async (ids: string[], opts: QueueCliOptions) => {
    const jobs = openQueue(queueConfig(opts));
    try {
      const moved = await jobs.requeueFailed(ids.length ? ids : undefined);
      io.stderr.write(`requeue: ${moved.length} failed jobs back in the queue\n`);
      for (const id of moved) io.stdout.write(id + '\n');
      done(0);
    } finally {
      await jobs.close();
    }
  });
}
