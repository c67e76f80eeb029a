// The job queue's request and response schemas (POST /v1/jobs, GET /v1/jobs/{id}, GET /v1/jobs?state=).
import { z } from 'zod';
import { ProblemSchema } from './api.js';
import { ExtractionSchema } from './extraction.js';

export const JOB_ID_PATTERN = /^[ah]-[A-Za-z0-9._-]{1,200}$/;

export const JobIdSchema = z
  .string()
  .regex(JOB_ID_PATTERN, 'expected a job id as POST /v1/jobs answers it ("a-<article id>" or "h-<hash>")')
  .describe('The job id: "a-" and the article id when it is made of letters, digits, ".", "_" and "-", else "h-" and a hash of the id (or, without an id, of the article). The same article always gets the same id, so enqueuing it twice processes it once.');

export const JobStateSchema = z
  .enum(['waiting', 'active', 'completed', 'failed'])
  .describe('waiting (queued, or waiting for a retry), active (a worker has it), completed, failed (for good: a bad article, or every attempt used).');

export const EnqueuedSchema = z
  .object({
    jobs: z
      .array(
        z.object({
          id: JobIdSchema,
          index: z.number().int().nonnegative().describe('Position of the article in the request (0-based).'),
        }),
      )
      .describe('One job per article, in request order; an article already queued keeps its job.'),
  })
  .meta({ id: 'Enqueued', description: 'The jobs the articles were queued as.' });

export const JobStatusSchema = z
  .object({
    id: JobIdSchema,
    state: JobStateSchema,
    attempts: z.number().int().nonnegative().describe('How many times a worker started it.'),
    result: ExtractionSchema.optional().describe('When completed: the extraction, as POST /v1/extract answers it (with engineVersion and kbVersion).'),
    error: ProblemSchema.optional().describe('When failed (or waiting for a retry): the problem, as POST /v1/extract would answer it for this article.'),
  })
  .meta({ id: 'JobStatus', description: 'One job of the queue.' });

export const JobListQuerySchema = z.strictObject({
  state: JobStateSchema,
  offset: z.coerce.number().int().nonnegative().default(0).describe('Jobs to skip (oldest first).'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Most jobs to return (1-100).'),
});

export const JobListSchema = z
  .object({
    state: JobStateSchema,
    total: z.number().int().nonnegative().describe('Jobs in this state.'),
    offset: z.number().int().nonnegative().describe('Jobs skipped, as asked.'),
    limit: z.number().int().positive().describe('Most jobs returned, as asked.'),
    jobs: z.array(JobStatusSchema).describe('Oldest first.'),
  })
  .meta({ id: 'JobList', description: 'Jobs in one state; `diplomatic-news requeue` moves failed ones back to the queue.' });
