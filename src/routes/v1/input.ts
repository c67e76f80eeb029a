// Request-side helpers shared by the single and batch routes.
import type { FastifyRequest } from 'fastify';

export { toInput } from '../../service/input.js';

/** Logs the article text only when LOG_ARTICLE_TEXT is on (debug level). */
export function noteText(request: FastifyRequest, texts: string[], logText: boolean): void {
  request.textLength = (request.textLength ?? 0) + texts.reduce((n, t) => n + t.length, 0);
  if (logText) for (const text of texts) request.log.debug({ articleText: text }, 'article text');
}
