// Which engine and knowledge base made a result: the engine version and a content hash of the
// knowledge loaded (KB_DIR included) in every response's headers, in the extraction, and in
// GET /v1/kb with what was loaded.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/kb/wikidata/convert.js';
import { BUILTIN_KB_DIR, loadKnowledgeBase } from '../../src/kb/index.js';
import { ENGINE_VERSION } from '../../src/service/versions.js';
import { fakeService, makeApp } from './helpers.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../kb/fixtures/${name}`, import.meta.url), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('knowledge-base version', () => {
  it('is a content hash of the files loaded: same files, same version; KB_DIR or an edit changes it', () => {
    const base = loadKnowledgeBase();
    expect(base.version).toMatch(/^kb-[0-9a-f]{16}$/);
    expect(loadKnowledgeBase().version).toBe(base.version);

    const dir = mkdtempSync(join(tmpdir(), 'kbv-'));
    const people = convert(fixture('wikidata-sample.json'), fixture('wikidata-positions.json'), 'test sample');
    writeFileSync(join(dir, 'extra-people.json'), JSON.stringify(people));
    const extra = loadKnowledgeBase({ extraDir: dir });
    expect(extra.version).not.toBe(base.version);
    expect(extra.files.at(-1)).toMatchObject({ origin: 'extra', kind: 'people' });
    // one byte more in the same file: another version
    writeFileSync(join(dir, 'extra-people.json'), JSON.stringify(people) + ' ');
    expect(loadKnowledgeBase({ extraDir: dir }).version).not.toBe(extra.version);

    // a copy of the built-in directory elsewhere hashes the same (paths are taken within their directory)
    const copy = mkdtempSync(join(tmpdir(), 'kbc-'));
    cpSync(BUILTIN_KB_DIR, copy, { recursive: true });
    expect(loadKnowledgeBase({ baseDir: copy }).version).toBe(base.version);
    // a new file (a people file another agent adds, say) changes it without any list of names
    writeFileSync(join(copy, 'people', 'zz-new.json'), JSON.stringify(people));
    expect(loadKnowledgeBase({ baseDir: copy }).version).not.toBe(base.version);
  });
});

describe('versions in responses', () => {
  it('the engine version is the package version', () => {
    expect(ENGINE_VERSION).toBe(pkg.version);
  });

  it('every response carries x-engine-version and x-kb-version; the extraction carries both; GET /v1/kb lists what was loaded', async () => {
    const app = await makeApp();
    try {
      const kb = (await app.inject({ method: 'GET', url: '/v1/kb' })).json();
      expect(kb.engineVersion).toBe(ENGINE_VERSION);
      expect(kb.kbVersion).toMatch(/^kb-[0-9a-f]{16}$/);
      expect(kb.currentTo).toMatch(/^\d{4}-\d{2}/);
      expect(kb.files.length).toBeGreaterThan(10);
      expect(kb.files[0]).toMatchObject({ origin: 'built-in' });
      expect(kb.files.reduce((n: number, f: { items: number }) => n + f.items, 0)).toBe(Object.values(kb.counts as Record<string, number>).reduce((a, b) => a + b, 0));

      const res = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'Pompeo met Lavrov in Sochi.' } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ engineVersion: ENGINE_VERSION, kbVersion: kb.kbVersion });
      for (const r of [res, await app.inject({ method: 'GET', url: '/healthz' }), await app.inject({ method: 'GET', url: '/nowhere' })]) {
        expect(r.headers['x-engine-version']).toBe(ENGINE_VERSION);
        expect(r.headers['x-kb-version']).toBe(kb.kbVersion);
      }
      const batch = await app.inject({ method: 'POST', url: '/v1/extract/batch', headers: { 'content-type': 'application/x-ndjson' }, payload: '{"text":"Pompeo met Lavrov."}\n' });
      expect(JSON.parse(batch.body.trim()).result.kbVersion).toBe(kb.kbVersion);
    } finally {
      await app.close();
    }
  });

  it('GET /v1/kb is 503 not-ready until the knowledge base is loaded, and needs the API key like /v1', async () => {
    const app = await makeApp({ API_KEYS: ['kb-key-0123456789'] }, fakeService(undefined, false));
    try {
      expect((await app.inject({ method: 'GET', url: '/v1/kb' })).statusCode).toBe(401);
      const r = await app.inject({ method: 'GET', url: '/v1/kb', headers: { 'x-api-key': 'kb-key-0123456789' } });
      expect(r.statusCode).toBe(503);
      expect(r.json().type).toBe('/problems/not-ready');
      expect(r.headers['x-kb-version']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
