// Many articles through the extraction service, one result per item, in input order: the
// JSON-batch and NDJSON routes and the CLI frame their input as BatchSource items and their
// output as they must; the item logic (parsing a line, validation, the engine call, the
// error for a bad item, the schema re-check of streamed results) is here, once.
import { fieldErrors, ProblemError } from '../errors.js';
import { loggableError, toProblem } from '../plugins/problems.js';
import { parseStrictJson } from '../plugins/strict-json.js';
import { BatchItemResultSchema, ExtractRequestSchema, type BatchItemResult } from '../schemas/api.js';
import type { ExtractInput } from '../schemas/extraction.js';
import { toInput } from './input.js';
import { type Line, mapOrdered } from './ndjson.js';
import type { ExtractionService } from './types.js';

/**
 * One item to extract: an already-parsed JSON value (with its NDJSON line when it came from
 * one), a line of NDJSON still to parse (see splitLines), or an item known to be bad.
 */
export type BatchSource = { kind: 'value'; value: unknown; line?: number } | Line | { kind: 'invalid'; error: ProblemError; line?: number };

export interface ExtractManyOptions {
  /** Extractions in flight. */
  concurrency: number;
  /** The `instance` of item problems (the route path, or the CLI's input file). */
  instance: string;
  requestId?: string;
  /** Largest line in bytes (named in the error for a longer one). */
  lineLimit: number;
  /** JSON Pointer prefix of an item's fields: "/3" for the 4th item of a JSON array, "" for an NDJSON line. */
  pointerPrefix?: (index: number) => string;
  /**
   * Hold every result to BatchItemResultSchema before it is yielded (streams bypass the response
   * serializer, the CLI writes results as they come); a result outside it becomes an internal-error item.
   */
  check: boolean;
  /** Fields for items that do not give them (the CLI's --date, --lang, --debug). */
  defaults?: Partial<ExtractInput>;
  /** An id for items without one (the CLI derives one from the file and line). */
  idFor?: (index: number, source: BatchSource) => string | undefined;
  /** Sees each valid input before it is extracted (the routes count text for the log line). */
  onInput?: (input: ExtractInput) => void;
  /** An unexpected error (a 500), for the caller's log: never the article text. */
  onUnexpected?: (err: Record<string, unknown>, index: number) => void;
  /** Outside the schema: the result's issues (paths and codes only). */
  onOutsideSchema?: (issues: { path: PropertyKey[]; code: string }[], index: number) => void;
}

const idOf = (raw: unknown): string | undefined =>
  raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;

function lineProblem(item: Exclude<Line, { kind: 'line' }>, limit: number): ProblemError {
  if (item.kind === 'too-long') return new ProblemError('body-too-large', `Line ${item.line} has ${item.bytes} bytes, more than BODY_LIMIT (${limit} bytes).`);
  return new ProblemError('malformed-body', `Line ${item.line} is not valid UTF-8.`);
}

/** The results for `items`, in their order, at most `concurrency` extractions at a time. Never throws for a bad item. */
export function extractMany(service: ExtractionService, items: AsyncIterable<BatchSource>, opts: ExtractManyOptions): AsyncGenerator<BatchItemResult> {
  const prefix = opts.pointerPrefix ?? (() => '');
  const fail = (base: { index: number; id?: string; line?: number }, err: unknown): BatchItemResult => {
    const mapped = toProblem(err, opts.requestId, opts.instance, prefix(base.index));
    if (mapped.unexpected) opts.onUnexpected?.(loggableError(err), base.index);
    return { ...base, ok: false, error: mapped.problem };
  };

  async function one(item: BatchSource, index: number): Promise<BatchItemResult> {
    const line = item.line;
    const where = { index, ...(line !== undefined ? { line } : {}) };
    if (item.kind === 'too-long' || item.kind === 'bad-encoding') return fail(where, lineProblem(item, opts.lineLimit));
    if (item.kind === 'invalid') return fail(where, item.error);
    let raw: unknown;
    if (item.kind === 'line') {
      try {
        raw = parseStrictJson(item.text, `Line ${item.line}`);
      } catch (e) {
        return fail(where, e instanceof ProblemError ? e : new ProblemError('malformed-body', `Line ${item.line} is not valid JSON.`));
      }
    } else raw = item.value;
    const id = idOf(raw) ?? opts.idFor?.(index, item);
    const base = id === undefined ? where : { ...where, id };
    try {
      const parsed = ExtractRequestSchema.safeParse(raw);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error.issues);
        const at = line !== undefined ? `Line ${line}` : 'The article';
        throw new ProblemError('validation-error', `${at} is invalid: ${errors.map((e) => `${e.pointer || '(root)'}: ${e.message}`).join('; ')}`, errors);
      }
      const input = toInput(parsed.data, {}, { ...opts.defaults, ...(id !== undefined ? { id } : {}) });
      opts.onInput?.(input);
      const result = await service.extract(input);
      return { ...base, ok: true, result };
    } catch (err) {
      return fail(base, err);
    }
  }

  async function checked(item: BatchSource, index: number): Promise<BatchItemResult> {
    const result = await one(item, index);
    if (!opts.check) return result;
    const r = BatchItemResultSchema.safeParse(result);
    if (r.success) return result;
    opts.onOutsideSchema?.(r.error.issues.map((i) => ({ path: i.path, code: i.code })), index);
    const base = { index, ...(result.line !== undefined ? { line: result.line } : {}), ...(result.id !== undefined ? { id: result.id } : {}) };
    return fail(base, new Error('extraction outside the response schema'));
  }

  return mapOrdered(items, opts.concurrency, checked);
}

/** An array (or any iterable) of parsed JSON items as BatchSource. */
export async function* values(items: Iterable<unknown>): AsyncGenerator<BatchSource> {
  for (const value of items) yield { kind: 'value', value };
}
