// `enqueue <file.jsonl>…`: stream an archive into the queue. Articles are read line by line and
// added in chunks (one round-trip each); the next chunk is read only when the last one is in
// Redis, and with --max-waiting the reading pauses while that many jobs wait, so neither this
// process nor Redis ever holds the archive. Job ids come from the article ids (or a hash of the
// article): enqueuing an archive twice adds nothing the second time.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { problem, ProblemError } from '../../errors.js';
import { toProblem } from '../../plugins/problems.js';
import { parseStrictJson } from '../../plugins/strict-json.js';
import type { EnqueueItem, JobQueue } from '../../queue/producer.js';
import type { Done, Io } from '../program.js';
import { UsageError } from '../program.js';
import { splitLines } from '../../service/ndjson.js';
import { type Article, expandInputs, type Input, InputError, readArticles } from '../sources.js';
import { adapt, fieldMap } from './extract.js';
import { addQueueOptions, openQueue, type QueueCliOptions, queueConfig } from './queue-options.js';

export interface EnqueueOptions extends QueueCliOptions {
  chunk: number;
  maxWaiting: number;
  map: Record<string, string>;
  lenient?: boolean;
  progress?: boolean;
  lineLimit: number;
}

const whole = (name: string, min: number) => (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}.`);
  return Number(v);
};

/** One article as a job: the parsed item, or the problem of a line that cannot be read (it fails its job, as the API answers such a line). */
export function toItem(a: Article, map: Record<string, string>, lenient: boolean): EnqueueItem {
  const src = a.source;
  const source = a.line !== undefined ? `${a.file}:${a.line}` : a.file;
  if (src.kind === 'value') return { article: adapt(src.value, map, lenient), source };
  if (src.kind === 'line') {
    try {
      return { article: adapt(parseStrictJson(src.text, `Line ${src.line}`), map, lenient), source };
    } catch (e) {
      const err = e instanceof ProblemError ? e : new ProblemError('malformed-body', `Line ${src.line} is not valid JSON.`);
      return { unreadable: toProblem(err).problem, raw: src.text, source };
    }
  }
  if (src.kind === 'invalid') return { unreadable: toProblem(src.error).problem, raw: `${a.file}:${a.line ?? ''}`, source };
  const detail = src.kind === 'too-long' ? `Line ${src.line} has ${src.bytes} bytes, more than the line limit.` : `Line ${src.line} is not valid UTF-8.`;
  return { unreadable: problem(src.kind === 'too-long' ? 'body-too-large' : 'malformed-body', detail), raw: `${a.file}:${src.line}`, source };
}

/** The articles of the inputs; stdin is read as NDJSON line by line (readArticles would buffer it to guess its format). */
async function* articles(inputs: Input[], stdin: AsyncIterable<Buffer>, lineLimit: number): AsyncGenerator<Article> {
  for (const input of inputs) {
    if (input.path !== '-') {
      yield* readArticles([input], stdin, lineLimit);
      continue;
    }
    for await (const line of splitLines(stdin, lineLimit)) yield { source: line, file: 'stdin', line: line.line, id: `stdin:${line.line}` };
  }
}

async function waitBelow(jobs: JobQueue, max: number): Promise<void> {
  for (;;) {
    const c = await jobs.counts();
    if (c.waiting < max) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function enqueue(args: string[], opts: EnqueueOptions, io: Io): Promise<number> {
  const config = queueConfig(opts);
  let inputs;
  try {
    inputs = expandInputs(args, 'ndjson');
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }
  const jobs = openQueue(config);
  const showBar = opts.progress ?? io.stderr.isTTY === true;
  const bar = showBar ? new SingleBar({ stream: io.stderr as NodeJS.WriteStream, noTTYOutput: true, format: '{value} articles enqueued | {rate}/s', hideCursor: false }) : undefined;
  bar?.start(0, 0, { rate: '0' });
  const t0 = performance.now();
  let n = 0;
  let chunk: EnqueueItem[] = [];
  const flush = async () => {
    if (opts.maxWaiting > 0) await waitBelow(jobs, opts.maxWaiting);
    await jobs.enqueue(chunk);
    n += chunk.length;
    chunk = [];
    bar?.update(n, { rate: (n / ((performance.now() - t0) / 1000)).toFixed(0) });
  };
  try {
    for await (const a of articles(inputs, io.stdin as AsyncIterable<Buffer>, opts.lineLimit)) {
      chunk.push(toItem(a, opts.map, opts.lenient === true));
      if (chunk.length >= opts.chunk) await flush();
    }
    if (chunk.length) await flush();
  } finally {
    bar?.stop();
    await jobs.close();
  }
  const s = (performance.now() - t0) / 1000;
  io.stderr.write(`enqueue: ${n} articles to queue "${config.QUEUE_NAME}" in ${s.toFixed(1)} s (${(n / s).toFixed(0)}/s); an article already queued is not added again\n`);
  return 0;
}

export function register(program: Command, io: Io, done: Done): void {
  addQueueOptions(
    program
      .command('enqueue')
      .description('Stream articles (NDJSON, one per line; also .json and .txt files, directories, - for stdin) into the job queue, with back-pressure.')
      .argument('<inputs...>', 'files, directories or - for stdin (NDJSON)')
      .addOption(new Option('--chunk <n>', 'articles per round-trip to Redis').default(200).argParser(whole('--chunk', 1)))
      .addOption(new Option('--max-waiting <n>', 'pause reading while this many jobs wait (0 = never pause)').default(50_000).argParser(whole('--max-waiting', 0)))
      .option('--map <from=to>', 'read an archive field as an article field (repeatable), as for extract', fieldMap, {})
      .option('--lenient', 'drop fields that are not article fields, and null fields, instead of failing the article')
      .option('--progress', 'show the progress bar even when stderr is not a terminal')
      .option('--no-progress', 'never show the progress bar')
      .addOption(new Option('--line-limit <bytes>', 'largest NDJSON line').default(16 * 1024 * 1024).argParser(whole('--line-limit', 1))),
  ).action(async (inputs: string[], opts: EnqueueOptions) => done(await enqueue(inputs, opts, io)));
}
