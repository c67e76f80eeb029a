// Converts Wikidata entity JSON into a knowledge-base people file for KB_DIR.
//   npx tsx src/cli/wikidata-to-kb.ts entities.json --positions positions.json [--out people.json] [--current-to 2025-06]
// entities.json: wbgetentities output ({ "entities": { … } }), a dump array, or one entity.
// positions.json: { "Q11696": { "office": "head-of-state", "title": "President", "country": "US" }, … }
import { readFileSync, writeFileSync } from 'node:fs';
import { convert, type PositionMap } from '../kb/wikidata/convert.js';

const args = process.argv.slice(2);
const opt: Record<string, string> = {};
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i].startsWith('--')) opt[args[i].slice(2)] = args[++i];
  else files.push(args[i]);
}
if (files.length !== 1 || !opt.positions) {
  console.error('usage: wikidata-to-kb.ts ENTITIES.json --positions POSITIONS.json [--out FILE] [--current-to YYYY-MM-DD]');
  process.exit(2);
}
const positions: PositionMap = JSON.parse(readFileSync(opt.positions, 'utf8'));
const file = convert(JSON.parse(readFileSync(files[0], 'utf8')), positions, `Wikidata (CC0), converted from ${files[0]} on ${new Date().toISOString().slice(0, 10)}`, opt['current-to']);
const json = JSON.stringify(file, null, 2) + '\n';
if (opt.out) writeFileSync(opt.out, json);
else process.stdout.write(json);
console.error(`${file.people.length} people, ${file.people.reduce((n, p) => n + p.roles.length, 0)} roles`);
