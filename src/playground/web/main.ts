// The playground: paste or drop an article, POST it to /v1/extract on this server, show what was
// found. No inline script, no third-party request: everything here is bundled from npm packages.
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import './style.css';
import type { Extraction } from '../../schemas/extraction.js';
import { renderArticle } from './article.js';
import { indexItems, itemCard, itemLink, meetingCard, type ItemIndex } from './cards.js';
import { h } from './dom.js';
import { drawMap } from './map.js';
import { cssVariables, PALETTE } from './palette.js';
import type { Span } from './spans.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const app = $('app');
const input = $<HTMLTextAreaElement>('article');
const published = $<HTMLInputElement>('published');
const language = $<HTMLSelectElement>('language');
const debug = $<HTMLInputElement>('debug');
const apiKey = $<HTMLInputElement>('api-key');
const button = $<HTMLButtonElement>('extract');
const errorBox = $('error');
const results = $('results');
const view = $('article-view');
const hoverCard = $('hover-card');
const selected = $('selected');

for (const [k, v] of Object.entries(cssVariables())) document.documentElement.style.setProperty(k, v);

const KEY_STORE = 'dne.apiKey';
apiKey.value = localStorage.getItem(KEY_STORE) ?? '';
apiKey.addEventListener('change', () => (apiKey.value ? localStorage.setItem(KEY_STORE, apiKey.value) : localStorage.removeItem(KEY_STORE)));

interface Current {
  text: string;
  result: Extraction;
  index: ItemIndex;
  spans: Map<string, Span>;
}
let current: Current | undefined;
let downloadUrl: string | undefined;

function requestBody(): Record<string, unknown> {
  const body: Record<string, unknown> = { text: input.value };
  if (published.value.trim()) body.publishedAt = published.value.trim();
  if (language.value !== 'auto') body.language = language.value;
  if (debug.checked) body.debug = true;
  return body;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function curlCommand(body: Record<string, unknown>): string {
  const lines = [`curl -s ${shellQuote(new URL('/v1/extract', location.href).href)}`, `  -H 'content-type: application/json'`];
  if (apiKey.value) lines.push(`  -H "x-api-key: $API_KEY"`);
  lines.push(`  -d ${shellQuote(JSON.stringify(body))}`);
  return lines.join(' \\\n');
}

interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  requestId?: string;
  errors?: Array<{ pointer: string; message: string }>;
}

function showError(p: Problem): void {
  const parts = [
    h('strong', { class: 'error-title', 'data-testid': 'error-title' }, p.title ?? 'Error', p.status ? ` (${p.status})` : ''),
    h('p', { class: 'error-detail', 'data-testid': 'error-detail' }, p.detail ?? ''),
    p.errors?.length ? h('ul', {}, ...p.errors.map((e) => h('li', {}, h('code', {}, e.pointer || '(body)'), ` ${e.message}`))) : null,
    p.requestId ? h('p', { class: 'hint' }, `request id ${p.requestId}`) : null,
  ];
  errorBox.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
  errorBox.hidden = false;
}

async function extract(): Promise<void> {
  const body = requestBody();
  errorBox.hidden = true;
  app.dataset.state = 'loading';
  button.disabled = true;
  button.textContent = 'Extracting…';
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, application/problem+json' };
  if (apiKey.value) headers['x-api-key'] = apiKey.value;
  try {
    const res = await fetch('/v1/extract', { method: 'POST', headers, body: JSON.stringify(body) });
    const payload: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const p = (payload ?? {}) as Problem;
      showError({ ...p, title: p.title ?? res.statusText, status: p.status ?? res.status });
      app.dataset.state = 'error';
      return;
    }
    show(body.text as string, payload as Extraction, curlCommand(body));
    app.dataset.state = 'done';
  } catch (err) {
    showError({ title: 'The server could not be reached', detail: err instanceof Error ? err.message : String(err) });
    app.dataset.state = 'error';
  } finally {
    button.disabled = false;
    button.textContent = 'Extract';
  }
}

function legend(x: Extraction): HTMLElement {
  const people = x.participants.filter((p) => p.type === 'person').length;
  const entries: Array<[keyof typeof PALETTE, string, number]> = [
    ['person', 'people', people],
    ['organization', 'states, organisations', x.participants.length - people],
    ['place', 'places', x.locations.length],
    ['resolution', 'resolutions', x.resolutions.length],
    ['meeting', 'meetings (evidence underlined)', x.meetings.length],
  ];
  return h(
    'div',
    { class: 'legend-row' },
    h('span', { class: 'lang' }, `language: ${x.language}`, x.publishedAt ? ` · published ${x.publishedAt}` : ''),
    ...entries.map(([k, label, n]) => h('span', { class: `legend-item c-${k}` }, h('span', { class: 'swatch' }), `${label}: ${n}`)),
  );
}

function show(text: string, result: Extraction, curl: string): void {
  const index = indexItems(result);
  const spans = renderArticle(view, text, result);
  current = { text, result, index, spans };
  $('legend').replaceChildren(legend(result));
  $('meetings').replaceChildren(...(result.meetings.length ? result.meetings.map((m) => meetingCard(m, index, text)) : [h('p', { class: 'hint' }, 'No meeting found.')]));
  $('map').replaceChildren(drawMap(result));
  const items = [...result.participants, ...result.locations, ...result.resolutions].map((i) => itemLink(index, i.id));
  $('items').replaceChildren(...(items.length ? items : [h('p', { class: 'hint' }, 'Nothing found.')]));
  const json = JSON.stringify(result, null, 2);
  $('json').textContent = json;
  $('curl').textContent = curl;
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = $<HTMLAnchorElement>('download');
  a.href = downloadUrl;
  a.download = `${result.id ?? 'extraction'}.json`;
  selected.replaceChildren(h('p', { class: 'hint' }, 'Hover or click a highlighted mention, an item or a map point.'));
  results.hidden = false;
  input.scrollTop = 0;
}

// Selecting an item: its card in "Selected", all its mentions outlined.
function select(id: string, span?: Span): void {
  const item = current?.index.get(id);
  if (!current || !item) return;
  for (const el of view.querySelectorAll('.selected')) el.classList.remove('selected');
  for (const el of view.querySelectorAll(`mark[data-item="${CSS.escape(id)}"]`)) el.classList.add('selected');
  for (const el of document.querySelectorAll('.map-point.selected, .meeting-card.selected')) el.classList.remove('selected');
  for (const el of document.querySelectorAll(`.map-point[data-item="${CSS.escape(id)}"], .meeting-card[data-meeting="${CSS.escape(id)}"]`)) el.classList.add('selected');
  selected.replaceChildren(itemCard(item, current.index, span));
}

/** The innermost mention under the pointer. */
function markAt(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? (target.closest('mark[data-item]') as HTMLElement | null) : null;
}

function showHover(anchor: Element, id: string, span?: Span): void {
  const item = current?.index.get(id);
  if (!current || !item) return;
  hoverCard.replaceChildren(itemCard(item, current.index, span));
  hoverCard.hidden = false;
  const r = anchor.getBoundingClientRect();
  const cw = hoverCard.offsetWidth;
  const ch = hoverCard.offsetHeight;
  const left = Math.max(8, Math.min(window.innerWidth - cw - 8, r.left + r.width / 2 - cw / 2));
  const below = r.bottom + 8 + ch < window.innerHeight;
  hoverCard.style.left = `${left + window.scrollX}px`;
  hoverCard.style.top = `${(below ? r.bottom + 8 : r.top - ch - 8) + window.scrollY}px`;
}

view.addEventListener('mouseover', (e) => {
  const mark = markAt(e.target);
  if (!mark || !current) return;
  for (const el of view.querySelectorAll('.hover')) el.classList.remove('hover');
  for (const el of view.querySelectorAll(`mark[data-key="${CSS.escape(mark.dataset.key!)}"]`)) el.classList.add('hover');
  showHover(mark, mark.dataset.item!, current.spans.get(mark.dataset.key!));
});
view.addEventListener('mouseleave', () => {
  hoverCard.hidden = true;
  for (const el of view.querySelectorAll('.hover')) el.classList.remove('hover');
});
view.addEventListener('click', (e) => {
  const mark = markAt(e.target);
  if (mark && current) select(mark.dataset.item!, current.spans.get(mark.dataset.key!));
});
view.addEventListener('focusin', (e) => {
  const mark = markAt(e.target);
  if (mark && current) showHover(mark, mark.dataset.item!, current.spans.get(mark.dataset.key!));
});
view.addEventListener('focusout', () => (hoverCard.hidden = true));
view.addEventListener('keydown', (e) => {
  const mark = markAt(e.target);
  if (mark && current && (e.key === 'Enter' || e.key === ' ')) {
    e.preventDefault();
    select(mark.dataset.item!, current.spans.get(mark.dataset.key!));
  }
});

// Item links, map points and meeting rings select; evidence links scroll to their sentence.
document.addEventListener('click', (e) => {
  const t = e.target instanceof Element ? e.target : null;
  const sel = t?.closest('[data-select]');
  if (sel && !view.contains(sel)) {
    const id = sel.getAttribute('data-select')!;
    select(id);
    view.querySelector(`mark[data-item="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
  const fit = t?.closest('button[data-fit]');
  if (fit && current) {
    $('map').replaceChildren(drawMap(current.result, fit.getAttribute('data-fit') === 'meetings' ? 'meetings' : 'all'));
    const id = selected.querySelector('[data-item]')?.getAttribute('data-item');
    if (id) for (const el of document.querySelectorAll(`.map-point[data-item="${CSS.escape(id)}"]`)) el.classList.add('selected');
  }
  const go = t?.closest('[data-goto]');
  if (go) view.querySelector(`mark[data-start="${go.getAttribute('data-goto')}"][data-kind="meeting"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
});
document.addEventListener('mouseover', (e) => {
  const t = e.target instanceof Element ? e.target.closest('.map-point') : null;
  if (t) showHover(t, t.getAttribute('data-item')!);
  else if (e.target instanceof Element && !view.contains(e.target) && !hoverCard.contains(e.target)) hoverCard.hidden = true;
});

$('copy').addEventListener('click', async () => {
  const b = $<HTMLButtonElement>('copy');
  try {
    await navigator.clipboard.writeText($('json').textContent ?? '');
    b.textContent = 'copied';
  } catch {
    b.textContent = 'copy failed';
  }
  setTimeout(() => (b.textContent = 'copy'), 1500);
});

async function loadFile(file: File): Promise<void> {
  input.value = await file.text();
  if (/\.json$/i.test(file.name)) {
    try {
      const a = JSON.parse(input.value) as { text?: string; publishedAt?: string; date?: string };
      if (typeof a.text === 'string') input.value = a.text;
      if (a.publishedAt ?? a.date) published.value = (a.publishedAt ?? a.date)!;
    } catch {
      /* not an article object: keep the raw text */
    }
  }
}

$<HTMLInputElement>('file').addEventListener('change', (e) => {
  const f = (e.target as HTMLInputElement).files?.[0];
  if (f) void loadFile(f);
});
input.addEventListener('dragover', (e) => {
  e.preventDefault();
  input.classList.add('drop');
});
input.addEventListener('dragleave', () => input.classList.remove('drop'));
input.addEventListener('drop', (e) => {
  e.preventDefault();
  input.classList.remove('drop');
  const f = e.dataTransfer?.files?.[0];
  if (f) void loadFile(f);
});
button.addEventListener('click', () => void extract());
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void extract();
});
app.dataset.ready = 'true';
