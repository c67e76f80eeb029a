// The CLI's inputs as a stream of articles: files (.txt = one article, .json = one article or an
// array of them, .jsonl/.ndjson = one per line), directories (recursively, those extensions, in
// name order) and `-` (stdin). Each article carries where it came from and a stable id (its own
// `id`, else one derived from the file and its position), so --resume can skip what is done.
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ProblemError } from '../errors.js';
import { decodeUtf8 } from '../plugins/charset.js';
import { parseStrictJson } from '../plugins/strict-json.js';
import type { BatchSource } from '../service/extract-many.js';
import { splitLines } from '../service/ndjson.js';

export type Format = 'txt' | 'json' | 'ndjson';
export const FORMAT_OF_EXTENSION: Record<string, Format> = { '.txt': 'txt', '.json': 'json', '.jsonl': 'ndjson', '.ndjson': 'ndjson' };

export interface Input {
  /** The path as given or found ("-" for stdin). */
  path: string;
  format: Format | 'auto';
}

export interface Article {
  source: BatchSource;
  file: string;
  line?: number;
  /** The article's own id, else `file`, `file#i` (JSON arrays) or `file:line` (NDJSON). */
  id: string;
}

/** Thrown for a path that does not exist or has an extension the CLI does not read. */
export class InputError extends Error {
  override name = 'InputError';
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (FORMAT_OF_EXTENSION[extname(name).toLowerCase()]) out.push(path);
  }
  return out;
}

/** The files behind the arguments, in order; throws InputError for a missing path or an unknown extension. */
export function expandInputs(args: string[], stdinFormat: Format | 'auto'): Input[] {
  const out: Input[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push({ path: '-', format: stdinFormat });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      throw new InputError(`${arg}: no such file or directory`);
    }
    if (isDir) {
      for (const path of walk(arg)) out.push({ path, format: FORMAT_OF_EXTENSION[extname(path).toLowerCase()] });
      continue;
    }
    const format = FORMAT_OF_EXTENSION[extname(arg).toLowerCase()];
    if (!format) throw new InputError(`${arg}: unknown kind of file; the CLI reads ${Object.keys(FORMAT_OF_EXTENSION).join(', ')} (or - for stdin)`);
    out.push({ path: arg, format });
  }
  return out;
}

const ownId = (v: unknown): string | undefined => (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : undefined);

function jsonArticles(text: string, file: string): Article[] {
  let value: unknown;
  try {
    value = parseStrictJson(text, file);
  } catch (e) {
    const error = e instanceof ProblemError ? e : new ProblemError('malformed-body', `${file} is not valid JSON (${(e as Error).message}).`);
    return [{ source: { kind: 'invalid', error }, file, id: file }];
  }
  if (Array.isArray(value)) return value.map((v, i) => ({ source: { kind: 'value', value: v }, file, id: ownId(v) ?? `${file}#${i}` }));
  return [{ source: { kind: 'value', value }, file, id: ownId(value) ?? file }];
}

function textArticle(buf: Buffer, file: string): Article {
  let text: string;
  try {
    text = decodeUtf8(buf, file);
  } catch (e) {
    return { source: { kind: 'invalid', error: e as ProblemError }, file, id: file };
  }
  return { source: { kind: 'value', value: { text } }, file, id: file };
}

async function* ndjsonArticles(stream: AsyncIterable<Buffer | string>, file: string, lineLimit: number): AsyncGenerator<Article> {
  for await (const l of splitLines(stream, lineLimit)) {
    const derived = `${file}:${l.line}`;
    if (l.kind !== 'line') {
      yield { source: l, file, line: l.line, id: derived };
      continue;
    }
    let value: unknown;
    try {
      value = parseStrictJson(l.text);
    } catch {
      // extractMany parses it again and says what is wrong with the line
      yield { source: l, file, line: l.line, id: derived };
      continue;
    }
    yield { source: { kind: 'value', value, line: l.line }, file, line: l.line, id: ownId(value) ?? derived };
  }
}

async function* chunks(bufs: Buffer[]): AsyncGenerator<Buffer> {
  yield* bufs;
}

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(parts);
}

/** stdin in `auto` format: "[" starts a JSON array, "{" NDJSON (or one JSON object over several lines), anything else is one text. */
function guessFormat(buf: Buffer): Format {
  const text = buf.toString('utf8').trimStart();
  if (text.startsWith('[')) return 'json';
  if (!text.startsWith('{')) return 'txt';
  const first = text.split('\n', 1)[0];
  try {
    JSON.parse(first);
    return 'ndjson';
  } catch {
    return 'json';
  }
}

/** Every article of `inputs`, in order. */
export async function* readArticles(inputs: Input[], stdin: AsyncIterable<Buffer | string>, lineLimit: number): AsyncGenerator<Article> {
  for (const input of inputs) {
    const file = input.path === '-' ? 'stdin' : input.path;
    if (input.path === '-') {
      const buf = await readAll(stdin);
      const format = input.format === 'auto' ? guessFormat(buf) : input.format;
      if (format === 'ndjson') yield* ndjsonArticles(chunks([buf]), file, lineLimit);
      else if (format === 'json') yield* jsonArticles(buf.toString('utf8'), file);
      else yield textArticle(buf, file);
      continue;
    }
    if (input.format === 'ndjson') yield* ndjsonArticles(createReadStream(input.path), file, lineLimit);
    else if (input.format === 'json') {
      const buf = readFileSync(input.path);
      let text: string;
      try {
        text = decodeUtf8(buf, file);
      } catch (e) {
        yield { source: { kind: 'invalid', error: e as ProblemError }, file, id: file };
        continue;
      }
      yield* jsonArticles(text, file);
    } else yield textArticle(readFileSync(input.path), file);
  }
}

/** How many articles the files hold (for the progress bar's total); stdin counts as none. */
export async function countArticles(inputs: Input[], lineLimit: number): Promise<number> {
  let n = 0;
  for (const input of inputs) {
    if (input.path === '-') continue;
    if (input.format === 'txt') n++;
    else if (input.format === 'json') n += jsonArticles(readFileSync(input.path, 'utf8'), input.path).length;
    else for await (const _ of splitLines(createReadStream(input.path), lineLimit)) n++;
  }
  return n;
}
