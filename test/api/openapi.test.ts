// The committed OpenAPI document (and its generated client types) must be exactly what the
// app generates and serves; every field must be described; every problem type documented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMITTED, COMMITTED_TYPES, generateOpenApi, generateTypes } from '../../src/cli/export-openapi.js';
import { PROBLEMS } from '../../src/errors.js';
import { ConfigSchema } from '../../src/config.js';
import { makeApp } from './helpers.js';

type Schema = Record<string, any>;
const committed = readFileSync(COMMITTED, 'utf8');
const doc = JSON.parse(committed) as Schema;

describe('openapi/openapi.json', () => {
  it('is not stale (run `npm run openapi` when this fails)', async () => {
    const fresh = await generateOpenApi();
    expect(fresh === committed, 'openapi/openapi.json is stale: run `npm run openapi`').toBe(true);
    expect((await generateTypes(fresh)) === readFileSync(COMMITTED_TYPES, 'utf8'), 'test/e2e/generated/openapi.d.ts is stale: run `npm run openapi`').toBe(true);
  });

  it('is byte-for-byte what GET /openapi.json serves', async () => {
    const app = await makeApp();
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body === committed).toBe(true);
    await app.close();
  });

  it('is OpenAPI 3.1 with $ref components for the shared schemas', () => {
    expect(doc.openapi).toBe('3.1.0');
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual(expect.arrayContaining(['Extraction', 'Participant', 'Meeting', 'Location', 'Resolution', 'Mention', 'Problem', 'ExtractRequestInput', 'BatchResponse', 'BatchItemResult']));
    const op = doc.paths['/v1/extract'].post;
    expect(op.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ExtractRequestInput');
    expect(op.requestBody.content['text/plain'].schema.type).toBe('string');
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Extraction');
    expect(doc.paths['/v1/extract/batch'].post.requestBody.content['application/x-ndjson']).toBeDefined();
    expect(doc.paths['/v1/extract/batch'].post.responses['200'].content['application/x-ndjson']).toBeDefined();
  });

  it('has an Arabic example article in the style of the seed', () => {
    const ex = doc.components.schemas.ExtractRequestInput.examples[0];
    expect(ex.text).toMatch(/بومبيو/);
    expect(ex.publishedAt).toBe('2019-05-15');
  });

  it('describes every component and every field', () => {
    const schemas = doc.components.schemas as Record<string, Schema>;
    const described = (s: Schema) => typeof s.description === 'string' || (s.$ref && typeof schemas[s.$ref.split('/').pop()!]?.description === 'string');
    const missing: string[] = [];
    const walk = (s: Schema, path: string) => {
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
        if (!described(v)) missing.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
      if (s.items) walk(s.items, `${path}[]`);
      for (const key of ['anyOf', 'oneOf', 'allOf']) (s[key] ?? []).forEach((x: Schema, i: number) => walk(x, `${path}|${i}`));
    };
    for (const [name, s] of Object.entries(schemas)) {
      if (!described(s)) missing.push(name);
      walk(s, name);
    }
    for (const [path, item] of Object.entries(doc.paths as Record<string, Schema>)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op.description) missing.push(`${method} ${path}`);
        for (const p of op.parameters ?? []) if (!p.description) missing.push(`${method} ${path} ?${p.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents every problem type on the routes and in the README', () => {
    const text = committed;
    let readme = '';
    try {
      readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    } catch {
      /* checked below */
    }
    for (const code of Object.keys(PROBLEMS)) {
      expect(text, code).toContain(`/problems/${code}`);
      expect(readme, `README: ${code}`).toContain(`/problems/${code}`);
    }
    for (const name of Object.keys(ConfigSchema.shape)) expect(readme, `README: ${name}`).toContain(`\`${name}\``);
  });
});
