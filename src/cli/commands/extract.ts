// `extract <file|dir|->…`: every article through the same worker pool and extractMany() as the
// API, NDJSON results in input order to stdout or --out, a progress bar on stderr when it is a
// terminal, a summary line at the end. Exit code 0 when every article succeeded, 1 when some
// failed, 2 for bad usage.
import { closeSync, createWriteStream, existsSync, ftruncateSync, openSync, readFileSync, readSync, fstatSync } from 'node:fs';
import { once } from 'node:events';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { usableCpus } from '../../cpus.js';
import { KNOWN_FIELDS } from '../../errors.js';
import { PublishedAtSchema } from '../../schemas/api.js';
import type { ExtractInput } from '../../schemas/extraction.js';
import { extractMany } from '../../service/extract-many.js';
import { createInProcessService } from '../../service/in-process.js';
import { createPoolService } from '../../service/pool.js';
import type { ExtractionService } from '../../service/types.js';
import { type Done, type Io, UsageError } from '../program.js';
import { type Article, countArticles, expandInputs, type Format, type Input, InputError, readArticles } from '../sources.js';

export interface ExtractOptions {
  out?: string;
  workers: number;
  date?: string;
  lang?: 'ar' | 'en' | 'auto';
  debug?: boolean;
  failFast?: boolean;
  resume?: boolean;
  progress?: boolean;
  stdinFormat: Format | 'auto';
  kbDir?: string;
  map: Record<string, string>;
  lenient?: boolean;
  timeoutMs: number;
  lineLimit: number;
}

function wholeNumber(name: string, min: number) {
  return (v: string) => {
    if (!/^\d+$/.test(v) || Number(v) < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}.`);
    return Number(v);
  };
}

/** `--map date=publishedAt`: an archive's field name -> the API's. */
export function fieldMap(v: string, acc: Record<string, string>): Record<string, string> {
  const m = /^([^=\s]+)=([^=\s]+)$/.exec(v);
  if (!m) throw new InvalidArgumentError('expected <archive field>=<API field>, e.g. date=publishedAt');
  if (!KNOWN_FIELDS.includes(m[2])) throw new InvalidArgumentError(`"${m[2]}" is not an article field; the fields are ${KNOWN_FIELDS.join(', ')}.`);
  return { ...acc, [m[1]]: m[2] };
}

/** An article object with --map applied and, with --lenient, only the API's fields that are not null kept. */
export function adapt(value: unknown, map: Record<string, string>, lenient: boolean): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  if (Object.keys(map).length === 0 && !lenient) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const name = map[k] ?? k;
    if (lenient && (v === null || !KNOWN_FIELDS.includes(name))) continue;
    if (map[k] !== undefined && name in value && !(name in map)) continue; // the article's own field wins over a renamed one
    out[name] = v;
  }
  return out;
}

function publicationDate(v: string): string {
  const r = PublishedAtSchema.safeParse(v);
  if (!r.success) throw new InvalidArgumentError(r.error.issues[0]?.message ?? 'invalid date');
  return v;
}

export function register(program: Command, io: Io, done: Done): void {
  program
    .command('extract')
    .description('Extract from articles in files (.txt, .json, .jsonl/.ndjson), directories or stdin (-); NDJSON results in input order.')
    .argument('<inputs...>', 'files, directories (searched recursively for .txt .json .jsonl .ndjson) or - for stdin')
    .option('-o, --out <file>', 'write the results here instead of stdout')
    .addOption(new Option('-w, --workers <n>', 'extraction worker threads; 0 = on the main thread').default(usableCpus(), 'cores or CPU quota').argParser(wholeNumber('--workers', 0)))
    .option('--date <date>', 'publication date for articles that give none (YYYY-MM-DD or ISO 8601 date-time with offset)', publicationDate)
    .addOption(new Option('--lang <lang>', 'language for articles that give none').choices(['ar', 'en', 'auto']))
    .option('--map <from=to>', 'read an archive field as an article field (repeatable), e.g. --map date=publishedAt --map lang=language', fieldMap, {})
    .option('--lenient', 'drop fields that are not article fields, and fields that are null, instead of failing the article (the API refuses both)')
    .option('--debug', 'add per-stage timings and the rule behind every mention')
    .option('--fail-fast', 'stop at the first article that fails (exit code 1)')
    .option('--resume', 'append to --out, skipping articles whose id already has a successful result there')
    .option('--progress', 'show the progress bar even when stderr is not a terminal')
    .option('--no-progress', 'never show the progress bar')
    .addOption(new Option('--stdin-format <format>', 'what - reads').choices(['auto', 'txt', 'json', 'ndjson']).default('auto'))
    .addOption(new Option('--kb-dir <dir>', 'extra knowledge files merged with the built-in knowledge base').env('KB_DIR'))
    .addOption(new Option('--timeout-ms <ms>', 'time limit per article (worker threads only)').default(30_000).argParser(wholeNumber('--timeout-ms', 1)))
    .addOption(new Option('--line-limit <bytes>', 'largest NDJSON line').default(16 * 1024 * 1024).argParser(wholeNumber('--line-limit', 1)))
    .addHelpText('after', '\nExit codes: 0 every article succeeded, 1 some failed (each has an error record), 2 bad usage.\n')
    .action(async (inputs: string[], opts: ExtractOptions) => {
      done(await extract(inputs, opts, io));
    });
}

/** Ids with a successful result in an earlier output; a partial last line (a crash mid-write) is cut off. */
export function resumeState(out: string): Set<string> {
  const ids = new Set<string>();
  if (!existsSync(out)) return ids;
  const text = readFileSync(out, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) {
    const fd = openSync(out, 'r+');
    ftruncateSync(fd, Buffer.byteLength(text.slice(0, end)));
    closeSync(fd);
  }
  for (const line of text.slice(0, end).split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as { ok?: unknown; id?: unknown };
      if (r.ok === true && typeof r.id === 'string') ids.add(r.id);
    } catch {
      // not one of ours: kept, ignored
    }
  }
  return ids;
}

function endsWithNewline(path: string): boolean {
  if (!existsSync(path)) return true;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return true;
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, size - 1);
    return b[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

function makeService(opts: ExtractOptions, concurrency: number): ExtractionService {
  if (opts.workers === 0) return createInProcessService({ kbDir: opts.kbDir });
  return createPoolService({ workers: opts.workers, timeoutMs: opts.timeoutMs, maxQueue: concurrency + 1, kbDir: opts.kbDir });
}

async function write(stream: NodeJS.WritableStream, s: string): Promise<void> {
  if (!stream.write(s)) await once(stream, 'drain');
}

export async function extract(args: string[], opts: ExtractOptions, io: Io): Promise<number> {
  if (opts.resume && !opts.out) throw new UsageError('--resume needs --out <file> (the results to resume from).');
  if (opts.progress === undefined) opts.progress = io.stderr.isTTY === true;
  let inputs: Input[];
  try {
    inputs = expandInputs(args, opts.stdinFormat);
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }
  const skip = opts.resume && opts.out ? resumeState(opts.out) : new Set<string>();
  const total = await countArticles(inputs, opts.lineLimit);

  const concurrency = Math.max(2, opts.workers * 2);
  const service = makeService(opts, concurrency);
  const tLoad = performance.now();
  await service.start();
  const loadSeconds = (performance.now() - tLoad) / 1000;
  const t0 = performance.now();

  let out: NodeJS.WritableStream = io.stdout;
  if (opts.out) {
    const append = opts.resume === true;
    out = createWriteStream(opts.out, { flags: append ? 'a' : 'w' });
    if (append && !endsWithNewline(opts.out)) await write(out, '\n');
  }

  const bar = opts.progress
    ? new SingleBar(
        { stream: io.stderr as NodeJS.WriteStream, noTTYOutput: true, notTTYSchedule: 1000, etaBuffer: 50, format: '{bar} {value}/{total} articles | {rate}/s | ETA {eta_formatted} | {failed} failed', hideCursor: false, clearOnComplete: false },
      )
    : undefined;
  bar?.start(total, 0, { rate: '0.0', failed: 0 });

  // What extractMany does not know about each article (its file, position in all the input, id), by extractMany's index.
  const pending = new Map<number, { article: Article; index: number }>();
  let index = 0;
  let yielded = 0;
  let skipped = 0;
  const defaults: Partial<ExtractInput> = {
    ...(opts.date ? { publishedAt: opts.date } : {}),
    ...(opts.lang ? { language: opts.lang } : {}),
    ...(opts.debug ? { debug: true } : {}),
  };
  async function* sources() {
    for await (const a of readArticles(inputs, io.stdin as AsyncIterable<Buffer>, opts.lineLimit)) {
      const i = index++;
      if (skip.has(a.id)) {
        skipped++;
        bar?.increment(1);
        continue;
      }
      pending.set(yielded++, { article: a, index: i });
      yield a.source.kind === 'value' ? { ...a.source, value: adapt(a.source.value, opts.map, opts.lenient === true) } : a.source;
    }
  }

  let ok = 0;
  let failed = 0;
  let stopped = false;
  try {
    const results = extractMany(service, sources(), {
      concurrency,
      instance: 'extract',
      lineLimit: opts.lineLimit,
      check: true,
      defaults,
      idFor: (i) => pending.get(i)?.article.id,
      onUnexpected: (err, i) => io.stderr.write(`internal error on article ${i}: ${String(err.type)}\n`),
    });
    for await (const r of results) {
      const { article: a, index: i } = pending.get(r.index)!;
      pending.delete(r.index);
      const { index: _, id, ...rest } = r;
      const record = { index: i, file: a.file, id: id ?? a.id, ...rest };
      await write(out, JSON.stringify(record) + '\n');
      if (r.ok) ok++;
      else failed++;
      const s = (performance.now() - t0) / 1000;
      bar?.increment(1, { rate: ((ok + failed) / s).toFixed(1), failed });
      if (!r.ok && opts.failFast) {
        stopped = true;
        break;
      }
    }
  } finally {
    bar?.stop();
    if (out !== io.stdout) {
      out.end();
      await once(out, 'finish');
    }
    await service.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const n = ok + failed;
  io.stderr.write(
    `extract: ${n} articles, ${ok} ok, ${failed} failed${skipped ? `, ${skipped} skipped (already in ${opts.out})` : ''}${stopped ? ', stopped at the first failure (--fail-fast)' : ''}; ${seconds.toFixed(1)} s, ${(n / seconds).toFixed(1)} articles/s (knowledge base loaded in ${loadSeconds.toFixed(1)} s)\n`,
  );
  return failed > 0 ? 1 : 0;
}
