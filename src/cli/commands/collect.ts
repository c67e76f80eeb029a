// `collect`: write the results stream to NDJSON as jobs complete, one record per job in order of
// completion ({ job, id?, source?, ok, result | error }), with a progress bar. It stops when
// nothing is waiting or running and the stream is read to its end (or after --count records);
// --follow keeps reading. The summary names the last stream id: --from it to go on later.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import type { JobQueue } from '../../queue/producer.js';
import type { Done, Io } from '../program.js';
import { addQueueOptions, openQueue, type QueueCliOptions, queueConfig } from './queue-options.js';

export interface CollectOptions extends QueueCliOptions {
  out?: string;
  from: string;
  follow?: boolean;
  count?: number;
  progress?: boolean;
}

async function write(stream: NodeJS.WritableStream, s: string): Promise<void> {
  if (!stream.write(s)) await once(stream, 'drain');
}

async function idle(jobs: JobQueue): Promise<boolean> {
  const c = await jobs.counts();
  return c.waiting === 0 && c.active === 0;
}

export async function collect(opts: CollectOptions, io: Io): Promise<number> {
  const jobs = openQueue(queueConfig(opts));
  const out: NodeJS.WritableStream = opts.out ? createWriteStream(opts.out, { flags: 'a' }) : io.stdout;
  const showBar = opts.progress ?? io.stderr.isTTY === true;
  const c = await jobs.counts();
  const bar = showBar ? new SingleBar({ stream: io.stderr as NodeJS.WriteStream, noTTYOutput: true, format: '{bar} {value}/{total} results | {rate}/s | {failed} failed', hideCursor: false }) : undefined;
  bar?.start(opts.count ?? c.waiting + c.active + c.completed + c.failed, 0, { rate: '0', failed: 0 });
  const t0 = performance.now();
  let last = opts.from;
  let n = 0;
  let failed = 0;
  try {
    for (;;) {
      const entries = await jobs.readResults(last, 500, 1000);
      for (const e of entries) {
        await write(out, e.line + '\n');
        last = e.streamId;
        n++;
        if (e.line.includes('"ok":false')) failed++;
        if (opts.count !== undefined && n >= opts.count) break;
      }
      bar?.update(n, { rate: (n / ((performance.now() - t0) / 1000)).toFixed(1), failed });
      if (opts.count !== undefined && n >= opts.count) break;
      // read to the end and nothing left to run: done (a job finishing meanwhile is in the stream before it leaves "active")
      if (entries.length === 0 && !opts.follow && opts.count === undefined && (await idle(jobs))) {
        const tail = await jobs.readResults(last, 500, 1);
        if (tail.length === 0) break;
        for (const e of tail) {
          await write(out, e.line + '\n');
          last = e.streamId;
          n++;
          if (e.line.includes('"ok":false')) failed++;
        }
      }
    }
  } finally {
    bar?.stop();
    if (out !== io.stdout) {
      out.end();
      await once(out, 'finish');
    }
    await jobs.close();
  }
  io.stderr.write(`collect: ${n} results, ${failed} failed; last stream id ${last} (--from ${last} to go on from here)\n`);
  return failed > 0 ? 1 : 0;
}

export function register(program: Command, io: Io, done: Done): void {
  addQueueOptions(
    program
      .command('collect')
      .description('Write job results to NDJSON as they complete (the results stream, in order of completion), with a progress bar.')
      .option('-o, --out <file>', 'append the results here instead of writing them to stdout')
      .option('--from <stream-id>', 'start after this stream id (0 = from the first result)', '0')
      .option('--follow', 'keep waiting for results when the queue is empty')
      .addOption(new Option('--count <n>', 'stop after this many results').argParser((v) => {
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('--count must be a whole number ≥ 1.');
        return Number(v);
      }))
      .option('--progress', 'show the progress bar even when stderr is not a terminal')
      .option('--no-progress', 'never show the progress bar'),
  ).action(async (opts: CollectOptions) => done(await collect(opts, io)));
}
