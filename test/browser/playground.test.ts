// The playground (GET /) in a real browser: Debian's chromium driven by playwright-core against a
// listening server (API keys on). Seed article, an English article, bad input; every highlight is
// checked against the API's own JSON for the same request. Saves test/browser/playground.png.
//
// Needs /usr/bin/chromium (`.ci/run` installs it; locally: `apt-get install -y chromium`) and
// ../shared/articles. Without chromium it skips with a loud message, except under CI or
// REQUIRE_BROWSER (set by .ci/run) where it fails. Run alone: `npx vitest run test/browser`
// (it builds dist/playground when stale).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import type { Extraction } from '../../src/schemas/extraction.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLES = join(ROOT, '../shared/articles');
const SEED = join(ARTICLES, 'seed-sochi-2019-ar.txt');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = join(ROOT, 'test/browser/playground.png');
const KEY = 'playground-test-key';

// The functions given to page.evaluate/$$eval run in the page; this project is typed for Node (no DOM lib).
declare const document: { getElementById(id: string): { dataset: Record<string, string | undefined>; value?: string } | null };
declare const window: { scrollTo(x: number, y: number): void };
declare function getComputedStyle(e: unknown): { direction: string };

const haveChromium = existsSync(CHROMIUM);
const haveShared = existsSync(SEED);
if (!haveChromium) {
  const msg = `\n${'!'.repeat(78)}\n!! test/browser/playground.test.ts: no chromium at ${CHROMIUM}: the browser test is SKIPPED.\n!! Install it with: apt-get install -y chromium   (.ci/run does this)\n${'!'.repeat(78)}\n`;
  if (process.env.CI || process.env.REQUIRE_BROWSER) throw new Error(`CI/REQUIRE_BROWSER set but chromium is missing at ${CHROMIUM}${msg}`);
  console.warn(msg);
}

interface Hook {
  kind: string;
  item: string;
  start: number;
  end: number;
  text?: string;
}

/** What the page must show for an extraction: one hook per mention and per meeting evidence span. */
function expectedHooks(x: Extraction): Hook[] {
  const hooks: Hook[] = [];
  for (const p of x.participants) for (const m of p.mentions) hooks.push({ kind: 'person', item: p.id, start: m.start, end: m.end });
  for (const l of x.locations) for (const m of l.mentions) hooks.push({ kind: 'place', item: l.id, start: m.start, end: m.end });
  for (const r of x.resolutions) for (const m of r.mentions) hooks.push({ kind: 'resolution', item: r.id, start: m.start, end: m.end });
  for (const mt of x.meetings) for (const m of mt.evidence) hooks.push({ kind: 'meeting', item: mt.id, start: m.start, end: m.end });
  return sortHooks(hooks);
}

const sortHooks = (hs: Hook[]) => hs.map(({ kind, item, start, end }) => ({ kind, item, start, end })).sort((a, b) => a.start - b.start || a.end - b.end || (a.kind + a.item < b.kind + b.item ? -1 : 1));

async function shownHooks(page: Page): Promise<Hook[]> {
  const hs = await page.$$eval('[data-testid="article-view"] [data-testid="mention"]', (els) =>
    els.map((e) => ({ kind: e.getAttribute('data-kind')!, item: e.getAttribute('data-item')!, start: Number(e.getAttribute('data-start')), end: Number(e.getAttribute('data-end')) })),
  );
  return sortHooks(hs);
}

describe.skipIf(!haveChromium || !haveShared)('the playground in chromium', () => {
  let app: FastifyInstance;
  let url: string;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const problems: string[] = [];
  const foreign: string[] = [];

  const api = async (body: object, key: string | null = KEY) => {
    const res = await app.inject({ method: 'POST', url: '/v1/extract', headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) }, payload: JSON.stringify(body) });
    return { status: res.statusCode, body: res.json() };
  };

  const extract = async (text: string, publishedAt = '') => {
    await page.getByTestId('article-input').fill(text);
    await page.getByTestId('published-at').fill(publishedAt);
    await page.getByTestId('extract-button').click();
    await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('app')!.dataset.state ?? ''), undefined, { timeout: 30_000 });
    return page.$eval('#app', (e) => e.getAttribute('data-state'));
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'src/playground/build.mjs')], { stdio: 'inherit' });
    app = await buildApp({ config: defaultConfig({ WORKERS: 0, API_KEYS: [KEY] }), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    await app.extraction.start();
    const addr = app.server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    profile = mkdtempSync(join(tmpdir(), 'playground-chromium-'));
    // A fresh profile directory per run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1440, height: 1000 },
      deviceScaleFactor: 1,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => !r.url().startsWith(url) && !/^(data|blob):/.test(r.url()) && foreign.push(r.url()));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('serves the page under its own CSP, with every asset from this server', async () => {
    const res = await page.goto(`${url}/`);
    expect(res?.status()).toBe(200);
    const csp = res!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await page.waitForFunction(() => document.getElementById('app')?.dataset.ready === 'true');
    for (const id of ['article-input', 'published-at', 'extract-button']) await expect(page.getByTestId(id).count()).resolves.toBe(1);
  });

  it('shows the API problem (title and detail) when the API key is missing', async () => {
    const text = readFileSync(SEED, 'utf8');
    const expected = await api({ text, publishedAt: '2019-05-15' }, null);
    expect(expected.status).toBe(401);
    expect(await extract(text, '2019-05-15')).toBe('error');
    const box = page.getByTestId('error');
    await expect(box.isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('error-title').textContent()).toContain(expected.body.title);
    expect(await page.getByTestId('error-detail').textContent()).toBe(expected.body.detail);
  });

  it('highlights every mention of the seed article, its two meetings and Sochi on the map, right to left', async () => {
    const text = readFileSync(SEED, 'utf8');
    await page.getByTestId('api-key').fill(KEY);
    const { status, body } = await api({ text, publishedAt: '2019-05-15' });
    expect(status).toBe(200);
    const x = body as Extraction;
    expect(await extract(text, '2019-05-15')).toBe('done');
    await expect(page.getByTestId('error').isHidden()).resolves.toBe(true);

    // Every mention, with its kind and item, exactly as the API's JSON has them.
    const shown = await shownHooks(page);
    expect(shown).toEqual(expectedHooks(x));
    expect(new Set(shown.map((h) => h.kind))).toEqual(new Set(['person', 'place', 'resolution', 'meeting']));
    // Unsplit marks hold exactly the mention's text (label chips are CSS, not text).
    const whole = await page.$$eval('mark.first.last', (els) => els.map((e) => ({ s: Number(e.getAttribute('data-start')), t: e.textContent })));
    expect(whole.length).toBeGreaterThan(0);
    for (const w of whole) expect(text.slice(w.s, w.s + w.t!.length)).toBe(w.t);
    // The nested pair (the Security Council inside the resolution citation) both show.
    const inner = x.participants.find((p) => p.kbId === 'UNSC')?.mentions[0];
    if (inner) expect(await page.$eval(`mark[data-kind="person"][data-start="${inner.start}"]`, (e) => !!e.closest('mark[data-kind="resolution"]'))).toBe(true);

    // Two meeting cards, one per meeting.
    expect(x.meetings).toHaveLength(2);
    expect(await page.getByTestId('meeting-card').count()).toBe(2);
    expect(await page.$$eval('[data-testid="meeting-card"]', (els) => els.map((e) => e.getAttribute('data-meeting')))).toEqual(x.meetings.map((m) => m.id));

    // Sochi on the map, and one point per located place.
    const sochi = x.locations.find((l) => l.name === 'Sochi')!;
    expect(await page.locator(`[data-testid="map-point"][data-item="${sochi.id}"]`).getAttribute('data-name')).toBe('Sochi');
    expect(await page.getByTestId('map-point').count()).toBe(x.locations.filter((l) => l.coordinates).length);
    expect(await page.getByTestId('map-meeting').count()).toBeGreaterThanOrEqual(2);

    // Right to left, paragraph by paragraph.
    const dirs = await page.$$eval('[data-testid="article-view"] p', (ps) => ps.map((p) => [p.getAttribute('dir'), getComputedStyle(p).direction, p.matches(':dir(rtl)')]));
    expect(dirs.length).toBeGreaterThan(3);
    for (const d of dirs) expect(d).toEqual(['auto', 'rtl', true]);

    // The JSON view is the API's answer.
    expect(JSON.parse((await page.getByTestId('json-view').textContent())!)).toEqual(x);
    expect(await page.getByTestId('curl').textContent()).toContain(`${url}/v1/extract`);
    expect(await page.getByTestId('curl').textContent()).not.toContain(KEY);
    // ... and it is the same request: run it.
    if (existsSync('/usr/bin/curl')) {
      const curl = (await page.getByTestId('curl').textContent())!;
      const out = await new Promise<string>((resolve, reject) =>
        execFile('bash', ['-c', curl], { env: { ...process.env, API_KEY: KEY }, maxBuffer: 1 << 24 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
      );
      expect(JSON.parse(out)).toEqual(x);
    }

    // Copy and download give the same JSON.
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await page.locator('#copy').click();
    await page.locator('#copy', { hasText: 'copied' }).waitFor();
    expect(JSON.parse(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()))).toEqual(x);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toEqual(x);
  });

  it('shows an item card on hover and selects every mention of the item on click', async () => {
    const text = readFileSync(SEED, 'utf8');
    const x = (await api({ text, publishedAt: '2019-05-15' })).body as Extraction;
    const putin = x.participants.find((p) => p.names.en === 'Vladimir Putin')!;
    const mark = page.locator(`[data-testid="mention"][data-item="${putin.id}"]`).first();
    await mark.click();
    expect(await page.locator(`mark.selected[data-item="${putin.id}"]`).count()).toBe(putin.mentions.length);
    await mark.hover();
    const card = page.getByTestId('hover-card');
    await card.waitFor({ state: 'visible' });
    const shown = (await card.textContent())!;
    expect(shown).toContain('Vladimir Putin');
    expect(shown).toContain(putin.names.ar!);
    if (putin.kbId) expect(shown).toContain(putin.kbId);
    for (const r of putin.roles) expect(shown).toContain(r.title);
    // The keyboard does the same: focus shows the card, Enter selects.
    const res = x.resolutions[0];
    if (res) {
      await page.locator(`[data-testid="mention"][data-item="${res.id}"]`).first().focus();
      await card.waitFor({ state: 'visible' });
      expect(await card.textContent()).toContain(res.symbol ?? String(res.number));
      await page.keyboard.press('Enter');
      expect(await page.locator(`mark.selected[data-item="${res.id}"]`).count()).toBe(res.mentions.length);
    }
    // A place card: GeoNames id and coordinates.
    const sochi = x.locations.find((l) => l.name === 'Sochi')!;
    await page.locator(`[data-testid="map-point"][data-item="${sochi.id}"]`).click();
    const sel = (await page.getByTestId('selected-card').textContent())!;
    expect(sel).toContain(String(sochi.geonamesId));
    expect(sel).toContain(sochi.coordinates!.lat.toFixed(4));
    // Framing the meeting places puts Sochi (where both meetings were held) in the middle.
    await page.getByTestId('fit-meetings').click();
    expect(await page.locator('svg.map-svg').getAttribute('data-fit')).toBe('meetings');
    const cx = Number(await page.locator(`[data-testid="map-point"][data-item="${sochi.id}"]`).getAttribute('cx'));
    expect(Math.abs(cx - 320)).toBeLessThan(40);
    // The screenshot: the seed article highlighted, a hover card, the meetings and the map.
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator(`[data-testid="mention"][data-kind="person"][data-item="${x.participants[1].id}"]`).first().hover();
    await card.waitFor({ state: 'visible' });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it('reads an English article left to right, with the rule behind each mention in debug mode', async () => {
    const lines = readFileSync(join(ARTICLES, 'en.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 60);
    // The first article with a meeting at a located place; else the one with most mentions.
    let picked: { text: string; x: Extraction; score: number } | undefined;
    for (const l of lines) {
      const a = JSON.parse(l) as { text: string };
      const r = await api({ text: a.text, publishedAt: '2005-01-01', debug: true });
      if (r.status !== 200) continue;
      const x = r.body as Extraction;
      const full = x.meetings.length > 0 && x.locations.some((l) => l.coordinates);
      const score = (full ? 1e6 : 0) + expectedHooks(x).length;
      if (!picked || score > picked.score) picked = { text: a.text, x, score };
      if (full) break;
    }
    expect(picked && picked.score > 0, 'an English article with something to highlight among the first 60').toBe(true);
    await page.getByTestId('debug').check();
    expect(await extract(picked!.text, '2005-01-01')).toBe('done');
    const shown = await shownHooks(page);
    expect(shown).toEqual(expectedHooks(picked!.x));
    expect(await page.getByTestId('meeting-card').count()).toBe(picked!.x.meetings.length);
    const dirs = await page.$$eval('[data-testid="article-view"] p', (ps) => ps.map((p) => getComputedStyle(p).direction));
    expect(new Set(dirs)).toEqual(new Set(['ltr']));
    const first = picked!.x.participants[0] ?? picked!.x.locations[0];
    await page.locator(`[data-testid="mention"][data-item="${first.id}"]`).first().hover();
    await expect(page.getByTestId('rule').first().textContent()).resolves.toBe(first.mentions[0].rule);
    const { debug: _timings, ...json } = JSON.parse((await page.getByTestId('json-view').textContent())!) as Extraction;
    const { debug: _t, ...want } = picked!.x;
    expect(json).toEqual(want);
    await page.getByTestId('debug').uncheck();
  });

  it('loads a .txt file into the article box', async () => {
    await page.getByTestId('file-input').setInputFiles({ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('Lavrov met Pompeo in Sochi.') });
    await page.waitForFunction(() => document.getElementById('article')!.value === 'Lavrov met Pompeo in Sochi.');
  });

  it('shows the problem title and detail for bad input, not a blank page', async () => {
    for (const body of [
      { text: 'Lavrov met Pompeo in Sochi.', publishedAt: '15/05/2019' },
      { text: '', publishedAt: '' },
    ]) {
      const expected = await api(body.publishedAt ? body : { text: body.text });
      expect(expected.status).toBe(400);
      expect(await extract(body.text, body.publishedAt)).toBe('error');
      expect(await page.getByTestId('error').isVisible()).toBe(true);
      expect(await page.getByTestId('error-title').textContent()).toContain(expected.body.title);
      expect(await page.getByTestId('error-detail').textContent()).toBe(expected.body.detail);
    }
  });

  it('made no request off this server and logged no error (CSP violations included)', () => {
    expect(foreign).toEqual([]);
    // The 401 and 400 answers above are logged by chromium as failed resources: expected.
    expect(problems.filter((p) => !/status of (400|401)/.test(p))).toEqual([]);
  });
});
