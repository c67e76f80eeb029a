// What a job is: one article (an item of POST /v1/jobs or a line of an NDJSON archive), its id,
// and the record its outcome leaves in the results stream. Shared by the producer and the workers.
import { createHash } from 'node:crypto';
import type { Problem } from '../errors.js';
import type { Extraction } from '../schemas/extraction.js';

/** A job's data: the article as sent (validated by the worker, so a bad one fails with the API's problem), or why its line could not be read. */
export interface JobData {
  article?: unknown;
  /** The line could not be parsed: the problem the API answers for such a line. */
  unreadable?: Problem;
  /** Where it came from (a file and line for the CLI), for the results. */
  source?: string;
}

/** One outcome in the results stream (and in the `collect` output), in order of completion. */
export type JobRecord = { job: string; id?: string; source?: string; ok: true; result: Extraction } | { job: string; id?: string; source?: string; ok: false; error: Problem };

const SAFE_ID = /^[A-Za-z0-9._-]{1,200}$/;

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 40);

/** The article's own id, when it has one. */
export function articleId(article: unknown): string | undefined {
  const id = article && typeof article === 'object' ? (article as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The job id: from the article id (`a-<id>` when it is made of safe characters, else a hash of it),
 * or, without one, a hash of the article's fields (text, date, language … : what decides its result).
 * The same article enqueued twice is the same job, so it is processed once.
 */
export function jobIdFor(article: unknown, raw?: string): string {
  const id = articleId(article);
  if (id !== undefined) return SAFE_ID.test(id) ? `a-${id}` : `h-${sha(`id\u0000${id}`)}`;
  if (article !== null && typeof article === 'object' && !Array.isArray(article)) {
    const keys = Object.keys(article).sort();
    return `h-${sha(`article\u0000${JSON.stringify(article, keys)}`)}`;
  }
  return `h-${sha(`raw\u0000${raw ?? JSON.stringify(article) ?? ''}`)}`;
}

/** Names of the Redis keys beside BullMQ's own (`<prefix>:<queue>:…`; job ids always start with `a-` or `h-`). */
export const RESULTS_STREAM = 'results';
/** Set on a job's hash once its outcome is in the results stream, so a job run twice (a worker killed after it finished) is streamed once. */
export const STREAMED_FIELD = 'dnxStreamed';
