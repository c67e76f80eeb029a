// From a validated request to the engine's input; shared by the single and batch routes.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ExtractQuerySchema, ExtractRequest } from '../../schemas/api.js';
import type { ExtractInput } from '../../schemas/extraction.js';

export function toInput(body: ExtractRequest, query: z.infer<typeof ExtractQuerySchema> = {}): ExtractInput {
  const input: ExtractInput = { text: body.text };
  const title = body.title ?? query.title;
  const publishedAt = body.publishedAt ?? query.publishedAt;
  const language = body.language ?? query.language;
  const id = body.id ?? query.id;
  const debug = body.debug ?? (query.debug === undefined ? undefined : query.debug === 'true');
  if (title !== undefined) input.title = title;
  if (publishedAt !== undefined) input.publishedAt = publishedAt;
  if (language !== undefined) input.language = language;
  if (id !== undefined) input.id = id;
  if (debug !== undefined) input.debug = debug;
  return input;
}

/** Logs the article text only when LOG_ARTICLE_TEXT is on (debug level). */
export function noteText(request: FastifyRequest, texts: string[], logText: boolean): void {
  request.textLength = (request.textLength ?? 0) + texts.reduce((n, t) => n + t.length, 0);
  if (logText) for (const text of texts) request.log.debug({ articleText: text }, 'article text');
}
