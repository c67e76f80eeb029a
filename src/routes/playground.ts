// GET / : the playground, a page to paste an article and see what the engine found.
// Built by `npm run build` (src/playground/build.mjs, vite) into dist/playground; everything it
// loads comes from this server (fonts, map data and scripts are bundled from npm packages).
// The page gets its own Content-Security-Policy: scripts, styles and fonts from this origin only,
// fetch() to this origin only, no inline script, no framing.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { ProblemError } from '../errors.js';

/** dist/playground, from src/routes (tsx) and from dist/routes (node) alike. */
export const PLAYGROUND_DIR = fileURLToPath(new URL('../../dist/playground/', import.meta.url));
export const PLAYGROUND_PREFIX = '/playground/';

export const PLAYGROUND_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    fontSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
};

const playground: FastifyPluginAsync = async (app) => {
  const indexFile = `${PLAYGROUND_DIR}index.html`;
  const built = existsSync(indexFile);
  // Read once: the page is a few hundred bytes; its assets have content hashes in their names.
  const html = built ? readFileSync(indexFile, 'utf8') : '';

  app.get('/', { schema: { hide: true }, securityHeaders: { contentSecurityPolicy: PLAYGROUND_CSP } }, async (_request, reply) => {
    if (!built) throw new ProblemError('not-found', 'The playground has not been built: run `npm run build`.');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });

  if (built) {
    await app.register(fastifyStatic, {
      root: PLAYGROUND_DIR,
      prefix: PLAYGROUND_PREFIX,
      index: false,
      wildcard: true,
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      allowedPath: (path) => path !== '/index.html',
    });
  }
};

export default playground;
