// GET / serves the playground page: its own CSP (no inline script), every asset from this server,
// open with API keys on (the page asks for the key; /v1 still requires it). The page itself is
// driven in a browser by test/browser/playground.test.ts.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeService, makeApp } from './helpers.js';

const BUILD = fileURLToPath(new URL('../../src/playground/build.mjs', import.meta.url));

describe('GET / (the playground)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    execFileSync(process.execPath, [BUILD], { stdio: 'inherit' });
    app = await makeApp({ API_KEYS: ['k1'] }, fakeService());
  });
  afterAll(() => app.close());

  it('answers HTML with a strict CSP of its own and no inline script', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp.split(';').map((d) => d.trim()).sort()).toEqual(
      ["base-uri 'none'", "connect-src 'self'", "default-src 'none'", "font-src 'self'", "form-action 'none'", "frame-ancestors 'none'", "img-src 'self' data: blob:", "script-src 'self'", "style-src 'self'"].sort(),
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const scripts = [...res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\/playground\/assets\/[^"]+\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(res.body).not.toMatch(/\sstyle=/);
    for (const id of ['article-input', 'published-at', 'extract-button', 'json-view', 'error']) expect(res.body).toContain(`data-testid="${id}"`);
  });

  it('serves every asset the page and its stylesheet name, from this server only', async () => {
    const page = (await app.inject({ method: 'GET', url: '/' })).body;
    const assets = [...page.matchAll(/(?:src|href)="(\/playground\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    const seen = new Set<string>();
    for (const a of assets) {
      const res = await app.inject({ method: 'GET', url: a });
      expect(res.statusCode, a).toBe(200);
      expect(res.headers['cache-control']).toContain('immutable');
      seen.add(a);
      if (a.endsWith('.css')) {
        const fonts = [...res.body.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1].replace(/["']/g, ''));
        expect(fonts.some((f) => f.endsWith('.woff2'))).toBe(true);
        for (const f of fonts) {
          expect(f).toMatch(/^\/playground\/assets\//);
          const font = await app.inject({ method: 'GET', url: f });
          expect(font.statusCode, f).toBe(200);
          expect(font.headers['content-type']).toMatch(/^font\//);
        }
      }
      // Nothing to fetch elsewhere: the only absolute URL in the bundle is the SVG namespace.
      const urls = new Set(res.rawPayload.toString('latin1').match(/https?:\/\/[\w.-]+[\w./-]*/g) ?? []);
      for (const u of urls) expect(u).toBe('http://www.w3.org/2000/svg');
    }
    expect(seen.size).toBeGreaterThanOrEqual(2);
  });

  it('stays open with API keys on, while /v1 still needs the key', async () => {
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    const res = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x' } });
    expect(res.statusCode).toBe(401);
  });

  it('does not serve the page or other files outside the bundle under /playground/', async () => {
    expect((await app.inject({ method: 'GET', url: '/playground/index.html' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/playground/../package.json' })).statusCode).toBe(404);
    const missing = await app.inject({ method: 'GET', url: '/playground/assets/nope.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
