// Every problem type the API answers with, in one place (RFC 9457 problem details).
// A test checks that each one is documented in the README and reachable in the OpenAPI document.

export interface ProblemType {
  status: number;
  title: string;
  /** What the client should do about it. */
  description: string;
}

export const PROBLEMS = {
  'validation-error': {
    status: 400,
    title: 'Invalid request',
    description: 'The body or query does not match the schema; `errors` lists every offending field with its JSON Pointer.',
  },
  'malformed-body': {
    status: 400,
    title: 'Malformed body',
    description: 'The body could not be parsed (broken JSON, a key repeated in one object, an empty JSON or NDJSON body, bytes that are not valid in the declared charset, bad Content-Length); `errors` points at a repeated key.',
  },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    description: 'API keys are enabled: send `Authorization: Bearer <key>` or `x-api-key: <key>`.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    description: 'No route matches this method and path.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    description: 'The path exists but does not answer this method; the Allow header lists the methods it does answer.',
  },
  'body-too-large': {
    status: 413,
    title: 'Body too large',
    description: 'The body (or one NDJSON line) is larger than BODY_LIMIT.',
  },
  'batch-too-large': {
    status: 413,
    title: 'Batch too large',
    description: 'The JSON batch has more items than BATCH_MAX; split it or use NDJSON streaming.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    description: 'Send application/json, text/plain (POST /v1/extract) or application/x-ndjson (POST /v1/extract/batch). JSON and NDJSON are UTF-8; text/plain may declare charset utf-8 (the default), utf-16le, utf-16be, iso-8859-1, windows-1252, iso-8859-6 or windows-1256.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    description: 'RATE_LIMIT_PER_MINUTE exceeded; retry after the number of seconds in Retry-After.',
  },
  'internal-error': {
    status: 500,
    title: 'Internal server error',
    description: 'Something failed on our side (including a crashed extraction worker, which is replaced); the details are in the server log under the request id.',
  },
  overloaded: {
    status: 503,
    title: 'Service overloaded',
    description: 'Too many extractions are waiting or the server is under memory/event-loop pressure; retry after Retry-After seconds.',
  },
  'not-ready': {
    status: 503,
    title: 'Service not ready',
    description: 'The knowledge base is still loading; retry after Retry-After seconds.',
  },
  'extraction-timeout': {
    status: 503,
    title: 'Extraction timed out',
    description: 'The extraction did not finish within EXTRACT_TIMEOUT_MS (queue wait included); the worker was restarted.',
  },
  'queue-disabled': {
    status: 503,
    title: 'Job queue disabled',
    description: 'The job routes (/v1/jobs) need a Redis: start the server with REDIS_URL=redis://host:6379 (and run `npm run worker` with the same REDIS_URL to process the jobs). POST /v1/extract/batch works without one.',
  },
  'queue-unavailable': {
    status: 503,
    title: 'Job queue unavailable',
    description: "The queue's Redis (REDIS_URL) did not answer; retry after Retry-After seconds. Jobs already queued are kept by Redis.",
  },
} as const satisfies Record<string, ProblemType>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_BASE = '/problems/';

export function problemTypeUri(code: ProblemCode): string {
  return PROBLEM_BASE + code;
}

export interface FieldError {
  pointer: string;
  message: string;
  code: string;
}

/** An error carrying a problem code; the error handler turns it into application/problem+json. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  readonly statusCode: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly retryAfter?: number,
  ) {
    super(detail);
    this.statusCode = PROBLEMS[code].status;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export function problem(code: ProblemCode, detail: string, extra: { instance?: string; requestId?: string; errors?: FieldError[] } = {}): Problem {
  const p = PROBLEMS[code];
  return { type: problemTypeUri(code), title: p.title, status: p.status, detail, ...extra };
}

/** zod issue path -> JSON Pointer (RFC 6901). */
export function toPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** A zod issue, as zod and fastify-type-provider-zod (`params.keys`) report it. */
export interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code: string;
  keys?: readonly string[];
}

/**
 * zod issues -> field errors. An unknown key (strict objects) points at the key itself and
 * names it, with the field it probably meant ("published_at" -> "publishedAt").
 */
export function fieldErrors(issues: readonly IssueLike[], known: readonly string[] = KNOWN_FIELDS): FieldError[] {
  const out: FieldError[] = [];
  for (const i of issues) {
    if (i.code === 'unrecognized_keys' && i.keys?.length) {
      for (const key of i.keys) {
        const near = closest(key, known);
        out.push({ pointer: toPointer([...i.path, key]), message: `unknown field "${key}"${near ? `; did you mean "${near}"?` : ''}`, code: 'unrecognized_keys' });
      }
    } else out.push({ pointer: toPointer(i.path), message: i.message, code: i.code });
  }
  return out;
}

/** Fields of an article (body or query string), for the "did you mean" of an unknown key. */
export const KNOWN_FIELDS = ['text', 'title', 'publishedAt', 'language', 'id', 'debug'];

/** The known name a misspelt key is closest to (case, "_"/"-" and small typos forgiven), if any. */
function closest(key: string, known: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const k = norm(key);
  let best: string | undefined;
  let bestD = Infinity;
  for (const name of known) {
    const d = editDistance(k, norm(name));
    if (d < bestD) [best, bestD] = [name, d];
  }
  return bestD <= Math.max(1, Math.floor(k.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
