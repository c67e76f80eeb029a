// npm run eval: starts the app on a free port and runs ../shared/eval/score.mjs on the
// tuning gold (every file of ../shared/eval/dev, Arabic and English), printing the scorer's
// table. Extra arguments go to the scorer (e.g. --explain, --json out.json, --only resolutions).
// Shedding is off unless MAX_EVENT_LOOP_DELAY_MS is set (an evaluation is never answered 503).
// With --check it scores the check gold (../shared/eval/check) and prints the aggregate table
// only: the check set is scored, never studied, so --explain and --json are refused there.
// With --ner it runs ../shared/eval/ner.mjs on the public NER corpora (ANERcorp dev, CoNLL-2003
// testa) instead, then prints the name tagger's own figures (src/engine/ner) on the held-out
// fifth of its training corpora (PER, LOC, ORG P/R/F1 per language).
//   npm run eval -- --explain
//   npm run eval -- --check
//   npm run eval -- --ner [--docs 40]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.js';
import { defaultConfig } from '../config.js';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const scorer = `${shared}eval/score.mjs`;
if (!existsSync(scorer)) {
  console.error(`npm run eval: ${scorer} not found. The evaluation needs the shared folder (../shared/eval and ../shared/articles) next to this checkout.`);
  process.exit(2);
}
const argv = process.argv.slice(2);
const check = argv.includes('--check');
if (check && argv.some((a) => a === '--explain' || a === '--json' || a.startsWith('--json='))) {
  console.error('npm run eval -- --check prints aggregates only: the check set is scored, never studied (no --explain, no --json).');
  process.exit(2);
}
const goldDir = `${shared}eval/${check ? 'check' : 'dev'}/`;
const gold = process.env.EVAL_GOLD?.split(',') ?? readdirSync(goldDir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => goldDir + f);
const app = await buildApp({ config: defaultConfig({ WORKERS: Number(process.env.WORKERS ?? 0), MAX_EVENT_LOOP_DELAY_MS: Number(process.env.MAX_EVENT_LOOP_DELAY_MS ?? 0) }), logger: false });
await app.ready();
const address = await app.listen({ host: '127.0.0.1', port: 0 });
await waitReady(address);
let code = 0;
if (argv.includes('--ner')) {
  const rest = argv.filter((a) => a !== '--ner');
  for (const [file, format] of [['anercorp-dev.txt', 'anercorp'], ['conll2003-testa.txt', 'conll']]) {
    code = Math.max(code, await run([`${shared}eval/ner.mjs`, '--base', address, '--file', `${shared}eval/ner/${file}`, '--format', format, ...rest]));
  }
  await taggerFigures();
} else {
  const rest = argv.filter((a) => a !== '--check');
  code = await run([scorer, '--base', address, ...gold.flatMap((g) => ['--gold', g]), '--articles', `${shared}articles`, ...rest]);
}
await app.close();
process.exit(code);

/** The name tagger's own entity-level figures on the held-out fifth of ANERcorp dev and CoNLL-2003 train. */
async function taggerFigures(): Promise<void> {
  const [{ compile }, { loadKnowledgeBase }, { split, scoreTagger }, { loadTagger }, { formatScores }] = await Promise.all([
    import('../engine/compile.js'),
    import('../kb/index.js'),
    import('../engine/ner/heldout.js'),
    import('../engine/ner/tagger.js'),
    import('../engine/ner/score.js'),
  ]);
  const c = compile(loadKnowledgeBase());
  console.log('name tagger (src/engine/ner), held-out fifth of its training corpora:');
  for (const lang of ['ar', 'en'] as const) {
    const tagger = loadTagger(c, lang);
    if (!tagger) {
      console.log(`${lang}: no model (npm run train:ner)`);
      continue;
    }
    const data = split(shared, lang);
    console.log(formatScores(lang, scoreTagger(c, tagger, data.heldOut, lang)));
  }
}

function run(args: string[]): Promise<number> {
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
}

async function waitReady(base: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await fetch(`${base}/readyz`).catch(() => undefined);
    if (r?.ok) return;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('server did not become ready');
}
