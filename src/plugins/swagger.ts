// OpenAPI 3.1 from the zod schemas (@fastify/swagger + fastify-type-provider-zod), Swagger UI
// on /docs, and the exact bytes of openapi/openapi.json on GET /openapi.json.
import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

declare module 'fastify' {
  interface FastifyInstance {
    /** The OpenAPI document as served and committed (2-space JSON, trailing newline). */
    openapiDocument(): string;
  }
}

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; description: string };

type Json = Record<string, unknown>;

const TEXT_PLAIN_BODY = {
  type: 'string',
  minLength: 1,
  description: 'The raw article (UTF-8). Optional fields go in the query string.',
};

/**
 * Per-route step after the zod transform: a route whose schema lists `consumes` gets one
 * media type per entry; text/plain is the raw article, application/x-ndjson one item per line.
 */
const transform: typeof jsonSchemaTransform = (doc) => {
  const out = jsonSchemaTransform(doc) as { schema: Json & { body?: Json; consumes?: string[] }; url: string };
  const { schema } = out;
  if (schema?.body && Array.isArray(schema.consumes) && schema.consumes.length > 1) {
    const json = schema.body;
    const content: Json = {};
    for (const type of schema.consumes) {
      if (type === 'application/json') content[type] = { schema: json };
      else if (type === 'text/plain') content[type] = { schema: TEXT_PLAIN_BODY };
      else if (type === 'application/x-ndjson') {
        const item = (json.items as Json | undefined) ?? json;
        content[type] = { schema: { ...item, description: 'One ExtractRequest JSON object per line (blank lines are skipped). Streamed: any number of lines, constant memory.' } };
      }
    }
    schema.body = { content };
    delete schema.consumes;
  }
  return out as ReturnType<typeof jsonSchemaTransform>;
};

/** Drops component schemas nothing refers to (the zod provider emits an input and an output copy of each). */
function pruneComponents(doc: Json): Json {
  const comps = (doc.components as { schemas?: Record<string, unknown> } | undefined)?.schemas;
  if (!comps) return doc;
  const used = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, c] of Object.entries(v)) {
        if (k === '$ref' && typeof c === 'string' && c.startsWith('#/components/schemas/')) {
          const name = c.slice('#/components/schemas/'.length);
          if (!used.has(name)) {
            used.add(name);
            visit(comps[name]);
          }
        } else visit(c);
      }
    }
  };
  visit({ ...doc, components: { ...(doc.components as Json), schemas: {} } });
  const kept: Record<string, unknown> = {};
  for (const name of Object.keys(comps).sort()) if (used.has(name)) kept[name] = comps[name];
  return { ...doc, components: { ...(doc.components as Json), schemas: kept } };
}

export const transformObject: typeof jsonSchemaTransformObject = (documentObject) =>
  pruneComponents(jsonSchemaTransformObject(documentObject) as Json) as ReturnType<typeof jsonSchemaTransformObject>;

export default fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Diplomatic news extraction API',
          version: pkg.version,
          description:
            pkg.description +
            '\n\nOffsets are UTF-16 code-unit indices into the submitted `text` (JavaScript string indices): `text.slice(start, end) === mention.text`. ' +
            'Errors are RFC 9457 problem details (`application/problem+json`).',
          license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
        },
        tags: [
          { name: 'extraction', description: 'Turn articles into participants, meetings, locations and resolutions.' },
          { name: 'jobs', description: 'The job queue (BullMQ on Redis; needs REDIS_URL): queue articles, read their state and results. Workers: `npm run worker`.' },
          { name: 'operations', description: 'Health, readiness, metrics, the knowledge-base version and documentation.' },
        ],
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', description: 'Only when the server sets API_KEYS.' },
            apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'Only when the server sets API_KEYS.' },
          },
        },
      },
      transform,
      transformObject,
    });
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      // served over plain http on localhost too: do not ask browsers to upgrade
      transformStaticCSP: (h) => h.replace(/\s*upgrade-insecure-requests;?/, ''),
      uiConfig: { deepLinking: true },
    });

    let cached: string | undefined;
    app.decorate('openapiDocument', () => (cached ??= JSON.stringify(app.swagger(), null, 2) + '\n'));
  },
  { name: 'swagger', fastify: '5.x' },
);
