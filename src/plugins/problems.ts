// Every error leaves as application/problem+json (RFC 9457). No stack traces, no internal
// paths, no article text: unexpected errors get a generic message and are logged with the request id.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type FieldError, fieldErrors, PROBLEMS, ProblemError, problem, type Problem, type ProblemCode } from '../errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface MappedProblem {
  problem: Problem;
  /** Whether the error was unexpected (logged at error level with its stack). */
  unexpected: boolean;
  retryAfter?: number;
}

const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed-body',
  FST_UNDER_PRESSURE: 'overloaded',
  FST_ERR_NOT_FOUND: 'not-found',
};

const STATUS_CODES: Partial<Record<number, ProblemCode>> = {
  400: 'malformed-body',
  401: 'unauthorized',
  404: 'not-found',
  413: 'body-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'overloaded',
};

const DETAILS: Partial<Record<ProblemCode, string>> = {
  'malformed-body': 'The request body could not be parsed as the declared content type.',
  'unsupported-media-type': 'Send application/json or text/plain to /v1/extract, application/json or application/x-ndjson to /v1/extract/batch.',
  overloaded: 'The server is under too much load; retry later.',
  'not-found': 'No such route.',
  'internal-error': 'An unexpected error occurred; it has been logged with the request id.',
};

/** Maps any thrown value to a problem. `where` prefixes JSON Pointers (e.g. "/3" for a batch item). */
export function toProblem(err: unknown, requestId?: string, instance?: string, where = ''): MappedProblem {
  const extra = { requestId, instance };
  if (err instanceof ProblemError) {
    const errors = err.errors?.map((e) => ({ ...e, pointer: where + e.pointer }));
    return { problem: problem(err.code, err.detail, { ...extra, ...(errors ? { errors } : {}) }), unexpected: false, retryAfter: err.retryAfter };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const ctx = (err as { validationContext?: string }).validationContext ?? 'body';
    const errors: FieldError[] = fieldErrors(
      err.validation.map((v) => ({
        path: v.instancePath === '/' ? [] : v.instancePath.slice(1).split('/'),
        message: v.message ?? 'invalid',
        code: v.keyword,
        keys: (v.params as { keys?: string[] } | undefined)?.keys,
      })),
    ).map((e) => ({ ...e, pointer: where + e.pointer }));
    const part = ctx === 'querystring' ? 'query string' : ctx;
    const list = errors.map((e) => `${e.pointer || '(root)'}: ${e.message}`).join('; ');
    return { problem: problem('validation-error', `The ${part} is invalid: ${list}`, { ...extra, errors }), unexpected: false };
  }
  const fe = err as Partial<FastifyError> & { status?: number };
  const status = fe.statusCode ?? fe.status;
  const code = (fe.code && FASTIFY_CODES[fe.code]) || (status !== undefined && status < 500 ? STATUS_CODES[status] ?? (status >= 400 ? 'malformed-body' : undefined) : undefined);
  if (code === 'overloaded' && status !== 503) return internal(extra);
  if (code) {
    // Fastify's own messages (sizes, media types) are safe; JSON parser messages can quote the body, so they are replaced.
    const safe = code === 'body-too-large' ? `${fe.message}.` : code === 'unsupported-media-type' ? `${fe.message}: ${DETAILS[code]}` : undefined;
    return { problem: problem(code, safe ?? DETAILS[code] ?? PROBLEMS[code].title, extra), unexpected: false };
  }
  return internal(extra);
}

function internal(extra: { requestId?: string; instance?: string }): MappedProblem {
  return { problem: problem('internal-error', DETAILS['internal-error']!, extra), unexpected: true };
}

/**
 * What of an unexpected error may be logged: its class, code and stack frames, never its
 * message — an engine (or parser) error message can quote the article, and article text must
 * not reach the logs. The request id ties the line to the request.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & { code?: unknown; statusCode?: unknown };
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 20).map((l) => l.trim());
  return {
    type: e.name,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    messageLength: e.message.length,
    frames,
  };
}

export function sendProblem(reply: FastifyReply, mapped: MappedProblem, retryAfterDefault: number): FastifyReply {
  const { problem: p } = mapped;
  if ((p.status === 503 || p.status === 429) && !reply.hasHeader('retry-after')) {
    reply.header('retry-after', String(mapped.retryAfter ?? retryAfterDefault));
  }
  if (p.status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(p.status).type(PROBLEM_CONTENT_TYPE).send(p);
}

export interface ProblemsOptions {
  retryAfterSeconds: number;
}

function pathOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q === -1 ? request.url : request.url.slice(0, q);
}

/** 2097152 -> "2 MiB", 5000 -> "4.9 KiB". */
export function humanBytes(n: number): string {
  if (n >= 1024 ** 2) return `${Math.round((n / 1024 ** 2) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}

const METHODS_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export default fp<ProblemsOptions>(
  async (app: FastifyInstance, opts) => {
    // Methods per static path, for the 405 of a known path asked with another method.
    const methods = new Map<string, Set<string>>();
    app.addHook('onRoute', (route) => {
      if (/[:*]/.test(route.url)) return;
      const path = route.url.length > 1 ? route.url.replace(/\/$/, '') : route.url;
      const set = methods.get(path) ?? new Set<string>();
      for (const m of [route.method].flat()) set.add(m.toUpperCase());
      methods.set(path, set);
    });

    app.setErrorHandler((err, request, reply) => {
      const mapped = toProblem(err, request.id, pathOf(request));
      if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
        mapped.problem.detail = `The body is larger than BODY_LIMIT (${limit} bytes = ${humanBytes(limit)}). Send a smaller body; a batch can be streamed as application/x-ndjson, where the limit is per line.`;
      }
      // expected problems go on the request's one log line; unexpected ones get their own error line (with stack)
      request.problemType = mapped.problem.type;
      if (mapped.unexpected) request.log.error({ err: loggableError(err) }, 'unexpected error');
      return sendProblem(reply, mapped, opts.retryAfterSeconds);
    });
    app.setNotFoundHandler((request, reply) => {
      const path = pathOf(request);
      const known = methods.get(path.length > 1 ? path.replace(/\/$/, '') : path);
      if (known && !known.has(request.method)) {
        const allow = [...known].sort((a, b) => METHODS_ORDER.indexOf(a) - METHODS_ORDER.indexOf(b)).join(', ');
        request.problemType = '/problems/method-not-allowed';
        reply.header('allow', allow);
        return sendProblem(reply, { problem: problem('method-not-allowed', `${path} does not answer ${request.method}; use ${allow}.`, { requestId: request.id, instance: path }), unexpected: false }, opts.retryAfterSeconds);
      }
      request.problemType = '/problems/not-found';
      return sendProblem(reply, { problem: problem('not-found', `No route for ${request.method} ${path}.`, { requestId: request.id, instance: path }), unexpected: false }, opts.retryAfterSeconds);
    });
  },
  { name: 'problems', fastify: '5.x' },
);
