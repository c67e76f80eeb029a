// Cards: the detail of one item (hover card and "Selected" panel) and the meeting cards.
import type { Extraction, Location, Meeting, Participant, Resolution } from '../../schemas/extraction.js';
import { h, type Kid } from './dom.js';
import type { Span } from './spans.js';

export type Item =
  | { kind: 'person'; value: Participant }
  | { kind: 'place'; value: Location }
  | { kind: 'resolution'; value: Resolution }
  | { kind: 'meeting'; value: Meeting };

export type ItemIndex = Map<string, Item>;

export function indexItems(x: Extraction): ItemIndex {
  const index: ItemIndex = new Map();
  for (const value of x.participants) index.set(value.id, { kind: 'person', value });
  for (const value of x.locations) index.set(value.id, { kind: 'place', value });
  for (const value of x.resolutions) index.set(value.id, { kind: 'resolution', value });
  for (const value of x.meetings) index.set(value.id, { kind: 'meeting', value });
  return index;
}

/** A clickable reference to an item (selects it and all its mentions). */
export function itemLink(index: ItemIndex, id: string): HTMLElement {
  const item = index.get(id);
  const colour = item?.kind === 'person' && item.value.type !== 'person' ? 'organization' : (item?.kind ?? 'person');
  return h('button', { type: 'button', class: `item-link k-${colour}`, 'data-select': id, title: `show every mention of ${id}` }, item ? displayName(item) : id);
}

export function displayName(item: Item): string {
  switch (item.kind) {
    case 'person':
    case 'place':
      return item.value.names.en ?? item.value.name;
    case 'resolution':
      return item.value.symbol ?? `${item.value.body} ${item.value.number}`;
    case 'meeting':
      return `${item.value.id}: ${item.value.type}`;
  }
}

const pct = (c: number) => `${Math.round(c * 100)}%`;

function rows(pairs: Array<[string, Kid]>): HTMLElement {
  const dl = h('dl', { class: 'kv' });
  for (const [k, v] of pairs) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    dl.append(h('dt', {}, k), h('dd', {}, v));
  }
  return dl;
}

const bidi = (text: string | undefined) => (text ? h('bdi', { dir: 'auto' }, text) : undefined);

function names(n: { ar?: string; en?: string }): Array<[string, Kid]> {
  return [
    ['English', bidi(n.en)],
    ['Arabic', n.ar ? h('bdi', { dir: 'rtl', lang: 'ar', class: 'ar' }, n.ar) : undefined],
  ];
}

function participantRows(p: Participant): Array<[string, Kid]> {
  const roles = p.roles.map((r) => [r.title, r.office && r.office !== r.title ? ` (${r.office})` : '', r.country ? `, ${r.country}` : '', r.organization ? `, ${r.organization}` : '', r.titleText ? ` — “${r.titleText}”` : '', ` [${r.source}]`].join(''));
  return [
    ['Type', p.type],
    ...names(p.names),
    ['Roles', roles.length ? h('ul', { class: 'plain' }, ...roles.map((r) => h('li', { dir: 'auto' }, r))) : undefined],
    ['Country', p.country],
    ['KB id', p.kbId ? h('code', {}, p.kbId) : undefined],
    ['Wikidata', p.wikidata ? h('code', {}, p.wikidata) : undefined],
    ['Confidence', pct(p.confidence)],
  ];
}

function placeRows(l: Location): Array<[string, Kid]> {
  return [
    ['Type', l.type],
    ...names(l.names),
    ['Country', l.countryCode],
    ['GeoNames id', l.geonamesId !== undefined ? h('code', {}, String(l.geonamesId)) : undefined],
    ['Coordinates', l.coordinates ? `${l.coordinates.lat.toFixed(4)}, ${l.coordinates.lon.toFixed(4)}` : undefined],
  ];
}

function resolutionRows(r: Resolution): Array<[string, Kid]> {
  return [
    ['Symbol', r.symbol ? h('code', {}, r.symbol) : undefined],
    ['Body', r.body],
    ['Number', String(r.number)],
    ['Session', r.session],
    ['Year', r.year !== undefined ? String(r.year) : undefined],
    ['Topic', r.topic],
  ];
}

function meetingRows(m: Meeting, index: ItemIndex): Array<[string, Kid]> {
  return [
    ['Type', m.type],
    ['Status', m.status],
    ['Who', h('span', { class: 'links' }, ...m.participantIds.map((id) => itemLink(index, id)))],
    ['Where', m.locationIds.length ? h('span', { class: 'links' }, ...m.locationIds.map((id) => itemLink(index, id))) : undefined],
    ['When', m.date ? h('span', {}, `${m.date.value} (${m.date.precision})`, m.date.text ? h('span', { class: 'quote' }, ' from “', bidi(m.date.text), '”') : undefined) : undefined],
    ['Duration', m.duration ? h('span', {}, `${m.duration.minutes} min`, h('span', { class: 'quote' }, ' from “', bidi(m.duration.text), '”')) : undefined],
    ['Topics', m.topics.length ? m.topics.join(', ') : undefined],
    ['Confidence', pct(m.confidence)],
  ];
}

/** The detail card of an item; `span` is the mention hovered (its rule is shown with debug on). */
export function itemCard(item: Item, index: ItemIndex, span?: Span): HTMLElement {
  const colour = item.kind === 'person' && item.value.type !== 'person' ? 'organization' : item.kind;
  const mentions = item.kind === 'meeting' ? item.value.evidence.length : item.value.mentions.length;
  const body =
    item.kind === 'person' ? participantRows(item.value) : item.kind === 'place' ? placeRows(item.value) : item.kind === 'resolution' ? resolutionRows(item.value) : meetingRows(item.value, index);
  body.push([item.kind === 'meeting' ? 'Evidence' : 'Mentions', String(mentions)]);
  if (span?.rule) body.push(['Rule', h('code', { 'data-testid': 'rule' }, span.rule)]);
  return h(
    'div',
    { class: `item-card k-${colour}`, 'data-item': item.value.id, 'data-kind': item.kind },
    h('div', { class: 'item-head' }, h('span', { class: 'chip' }, item.value.id), ' ', h('strong', { dir: 'auto' }, displayName(item))),
    rows(body),
  );
}

/** One card per meeting: who (linked to their mentions), type, where, when, topics, evidence. */
export function meetingCard(m: Meeting, index: ItemIndex, text: string): HTMLElement {
  const card = itemCard({ kind: 'meeting', value: m }, index);
  card.classList.add('meeting-card', `status-${m.status}`);
  card.setAttribute('data-testid', 'meeting-card');
  card.setAttribute('data-meeting', m.id);
  const evidence = h('ol', { class: 'evidence' });
  for (const e of m.evidence) {
    const quote = text.slice(e.start, e.end);
    const short = quote.length > 160 ? `${quote.slice(0, 157)}…` : quote;
    evidence.append(h('li', {}, h('button', { type: 'button', class: 'evidence-link', 'data-goto': `${e.start}`, dir: 'auto' }, short)));
  }
  card.append(evidence);
  return card;
}
