// From a validated request to the engine's input; shared by the routes, extractMany() and the CLI.
import type { z } from 'zod';
import type { ExtractQuerySchema, ExtractRequest } from '../schemas/api.js';
import type { ExtractInput } from '../schemas/extraction.js';

/** Body fields win over query parameters; `defaults` (the CLI's --date, --lang) fill what neither gives. */
export function toInput(body: ExtractRequest, query: z.infer<typeof ExtractQuerySchema> = {}, defaults: Partial<ExtractInput> = {}): ExtractInput {
  const input: ExtractInput = { text: body.text };
  const title = body.title ?? query.title ?? defaults.title;
  const publishedAt = body.publishedAt ?? query.publishedAt ?? defaults.publishedAt;
  const language = body.language ?? query.language ?? defaults.language;
  const id = body.id ?? query.id ?? defaults.id;
  const debug = body.debug ?? (query.debug === undefined ? defaults.debug : query.debug === 'true');
  if (title !== undefined) input.title = title;
  if (publishedAt !== undefined) input.publishedAt = publishedAt;
  if (language !== undefined) input.language = language;
  if (id !== undefined) input.id = id;
  if (debug !== undefined) input.debug = debug;
  return input;
}
