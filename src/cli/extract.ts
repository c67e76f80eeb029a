// Extracts one article from a file (or stdin) and prints the JSON result.
//   npx tsx src/cli/extract.ts article.txt [--date 2019-05-15] [--lang ar|en] [--debug]
import { readFileSync } from 'node:fs';
import { loadKnowledgeBase } from '../kb/index.js';
import { createEngine } from '../engine/index.js';

const args = process.argv.slice(2);
let file: string | undefined;
let publishedAt: string | undefined;
let language: 'ar' | 'en' | 'auto' = 'auto';
let debug = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--date') publishedAt = args[++i];
  else if (args[i] === '--lang') language = args[++i] as 'ar' | 'en';
  else if (args[i] === '--debug') debug = true;
  else file = args[i];
}
const text = readFileSync(file ?? 0, 'utf8');
const t0 = performance.now();
const kb = loadKnowledgeBase({ extraDir: process.env.KB_DIR });
const engine = createEngine(kb);
const t1 = performance.now();
const out = engine.extract({ text, publishedAt, language, debug });
const t2 = performance.now();
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
process.stderr.write(`kb+compile ${(t1 - t0).toFixed(0)} ms, extract ${(t2 - t1).toFixed(2)} ms\n`);
