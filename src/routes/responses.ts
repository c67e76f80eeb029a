// Response declarations shared by the routes: each error status with its problem types listed.
import { PROBLEMS, type ProblemCode } from '../errors.js';
import { ProblemSchema } from '../schemas/api.js';

type ProblemResponse = { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } };

/** `{ 400: …, 503: … }` for the given problem codes, grouped by status. */
export function problemResponses(...codes: ProblemCode[]): Record<number, ProblemResponse> {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const c of codes) {
    const s = PROBLEMS[c].status;
    byStatus.set(s, [...(byStatus.get(s) ?? []), c]);
  }
  const out: Record<number, ProblemResponse> = {};
  for (const [status, cs] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[status] = {
      description: cs.map((c) => `${PROBLEMS[c].title} (/problems/${c}): ${PROBLEMS[c].description}`).join(' | '),
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return out;
}

/** Problems every /v1 route can answer with. */
export const V1_PROBLEMS: ProblemCode[] = ['unauthorized', 'rate-limited', 'internal-error', 'overloaded', 'not-ready', 'extraction-timeout'];
