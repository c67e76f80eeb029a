// A small world map, drawn offline as SVG: Natural Earth 1:110m countries (world-atlas TopoJSON,
// bundled), d3-geo's Natural Earth projection, a dot per located place sized by its mentions,
// countries named in the article shaded, and each meeting drawn as a ring at its places.
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import codes from 'i18n-iso-countries/codes.json';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { Extraction, Location } from '../../schemas/extraction.js';
import { s } from './dom.js';

const W = 640;
const H = 340;

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
/** ISO 3166-1 alpha-2 -> numeric (the ids world-atlas uses). */
const NUMERIC = new Map((codes as string[][]).map((c) => [c[0], c[2]]));

interface Point {
  loc: Location;
  lon: number;
  lat: number;
}

/** The view: every point, with at least 50° × 28° around them so a single city keeps its region. */
function extent(points: Point[]): Feature<MultiPoint> {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) [x0, x1, y0, y1] = [Math.min(x0, p.lon), Math.max(x1, p.lon), Math.min(y0, p.lat), Math.max(y1, p.lat)];
  if (!points.length) [x0, x1, y0, y1] = [-170, 170, -58, 80];
  const padX = Math.max(0, (50 - (x1 - x0)) / 2) + 6;
  const padY = Math.max(0, (28 - (y1 - y0)) / 2) + 4;
  const clampLat = (v: number) => Math.max(-85, Math.min(85, v));
  const [a0, a1, b0, b1] = [Math.max(-180, x0 - padX), Math.min(180, x1 + padX), clampLat(y0 - padY), clampLat(y1 + padY)];
  // A grid over the box, not just its corners: meridians curve, so a corner does not bound its edge.
  const grid: Array<[number, number]> = [];
  for (let i = 0; i <= 8; i++) for (let j = 0; j <= 8; j++) grid.push([a0 + ((a1 - a0) * i) / 8, b0 + ((b1 - b0) * j) / 8]);
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: grid } };
}

/** Where a meeting was held, most specific first: a meeting «in Sochi, Russia» is drawn at Sochi, not over all of Russia. */
function sites(x: Extraction, m: Extraction['meetings'][number]): string[] {
  const kinds = new Map(x.locations.map((l) => [l.id, l.type]));
  const specific = m.locationIds.filter((id) => kinds.get(id) !== 'country' && kinds.get(id) !== 'territory');
  return specific.length ? specific : m.locationIds;
}

/** The map; `fit` = 'meetings' frames the places meetings were held at (all places when none). */
export function drawMap(x: Extraction, fit: 'all' | 'meetings' = 'all'): SVGElement {
  const points: Point[] = x.locations.filter((l) => l.coordinates).map((loc) => ({ loc, lon: loc.coordinates!.lon, lat: loc.coordinates!.lat }));
  const meetingPlaces = new Set(x.meetings.flatMap((m) => sites(x, m)));
  const framed = fit === 'meetings' && points.some((p) => meetingPlaces.has(p.loc.id)) ? points.filter((p) => meetingPlaces.has(p.loc.id)) : points;
  const projection = geoNaturalEarth1().fitExtent([[8, 8], [W - 8, H - 8]], extent(framed));
  const path = geoPath(projection);
  const named = new Set(x.locations.filter((l) => l.type === 'country' && l.countryCode).map((l) => NUMERIC.get(l.countryCode!)));

  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Places named in the article', class: 'map-svg', 'data-fit': fit });
  svg.append(s('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }));
  svg.append(s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }));
  const land = s('g', { class: 'land' });
  for (const f of countries.features) {
    const d = path(f);
    if (d) land.append(s('path', { d, class: named.has(String(f.id)) ? 'country named' : 'country' }, s('title', {}, f.properties.name)));
  }
  svg.append(land);

  // Meetings: a ring per place a meeting was held at (several meetings: concentric rings).
  const rings = s('g', { class: 'meetings' });
  const ringsAt = new Map<string, number>();
  for (const m of x.meetings) {
    for (const id of sites(x, m)) {
      const p = points.find((q) => q.loc.id === id);
      const xy = p && projection([p.lon, p.lat]);
      if (!xy) continue;
      const n = ringsAt.get(id) ?? 0;
      ringsAt.set(id, n + 1);
      rings.append(
        s('circle', { cx: xy[0], cy: xy[1], r: 13 + 5 * n, class: `meeting-ring status-${m.status}`, 'data-testid': 'map-meeting', 'data-item': m.id, 'data-select': m.id }, s('title', {}, `${m.id}: ${m.type} (${m.status})`)),
      );
    }
  }
  svg.append(rings);

  const dots = s('g', { class: 'points' });
  const labels = s('g', { class: 'labels' });
  const placed: Array<[number, number, number]> = [];
  const byMentions = [...points].sort((a, b) => b.loc.mentions.length - a.loc.mentions.length);
  for (const p of byMentions) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const r = 3 + 2.2 * Math.sqrt(p.loc.mentions.length);
    const name = p.loc.names.en ?? p.loc.name;
    dots.append(
      s(
        'circle',
        { cx: xy[0], cy: xy[1], r, class: `map-point t-${p.loc.type}`, 'data-testid': 'map-point', 'data-item': p.loc.id, 'data-name': name, 'data-mentions': p.loc.mentions.length, 'data-select': p.loc.id, tabindex: 0 },
        s('title', {}, `${name}: ${p.loc.mentions.length} mention(s)`),
      ),
    );
    // Label a point in view, on its right or else its left, unless earlier (more mentioned)
    // labels or dots are in the way.
    const w = 6.5 * name.length;
    const inView = xy[0] >= 0 && xy[0] <= W && xy[1] >= 0 && xy[1] <= H;
    const sides = [
      { anchor: 'start', x: xy[0] + r + 3, centre: xy[0] + r + 3 + w / 2 },
      { anchor: 'end', x: xy[0] - r - 3, centre: xy[0] - r - 3 - w / 2 },
    ].filter((c) => c.centre - w / 2 >= 2 && c.centre + w / 2 <= W - 2);
    const free = (c: { centre: number }) => placed.every(([px, py, pw]) => Math.abs(px - c.centre) > (pw + w) / 2 + 3 || Math.abs(py - xy[1]) > 13);
    const side = inView ? sides.find(free) : undefined;
    placed.push([xy[0], xy[1], 2 * r]); // the dot itself
    if (side) {
      placed.push([side.centre, xy[1], w]);
      labels.append(s('text', { x: side.x, y: xy[1] + 4, class: 'map-label', 'text-anchor': side.anchor }, name));
    }
  }
  svg.append(dots, labels);
  return svg;
}
