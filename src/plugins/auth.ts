// Optional API keys: when API_KEYS is set, requests in the scope this plugin is registered in
// need `Authorization: Bearer <key>` or `x-api-key: <key>`. Keys are compared in constant time
// (fixed-length SHA-256 digests, every configured key checked).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemError } from '../errors.js';

export interface AuthOptions {
  keys: string[];
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The key a request presents, if any. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (m) return m[1];
  }
  const x = request.headers['x-api-key'];
  return typeof x === 'string' && x.length > 0 ? x : undefined;
}

/** True when `presented` equals one of `keys`; time does not depend on where they differ. */
export function matchKey(presented: string, keyDigests: Buffer[]): number {
  const d = digest(presented);
  let found = -1;
  for (let i = 0; i < keyDigests.length; i++) {
    if (timingSafeEqual(d, keyDigests[i]) && found === -1) found = i;
  }
  return found;
}

export default fp<AuthOptions>(
  async (app: FastifyInstance, opts) => {
    if (opts.keys.length === 0) return;
    const digests = opts.keys.map(digest);
    const ids = digests.map((d) => d.subarray(0, 4).toString('hex'));
    app.addHook('onRequest', async (request) => {
      const key = presentedKey(request);
      if (key === undefined) throw new ProblemError('unauthorized', 'This server requires an API key: send Authorization: Bearer <key> or x-api-key: <key>.');
      const i = matchKey(key, digests);
      if (i === -1) throw new ProblemError('unauthorized', 'The API key is not valid.');
      request.apiKeyId = ids[i];
    });
  },
  // request-log declares apiKeyId and writes it to the request's log line
  { name: 'auth', fastify: '5.x', dependencies: ['request-log'] },
);
