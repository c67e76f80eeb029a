// npm run eval: starts the app on a free port and runs ../shared/eval/score.mjs on the
// dev gold (Arabic and English), printing the scorer's table. Extra arguments go to the
// scorer (e.g. --explain, --json out.json, --only resolutions).
//   npm run eval -- --explain
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.js';
import { defaultConfig } from '../config.js';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const scorer = `${shared}eval/score.mjs`;
if (!existsSync(scorer)) {
  console.error(`npm run eval: ${scorer} not found. The evaluation needs the shared folder (../shared/eval and ../shared/articles) next to this checkout.`);
  process.exit(2);
}
const gold = (process.env.EVAL_GOLD ?? `${shared}eval/dev/ar.jsonl,${shared}eval/dev/en.jsonl`).split(',');
const app = await buildApp({ config: defaultConfig({ WORKERS: Number(process.env.WORKERS ?? 0) }), logger: false });
await app.ready();
const address = await app.listen({ host: '127.0.0.1', port: 0 });
await waitReady(address);
const args = [scorer, '--base', address, ...gold.flatMap((g) => ['--gold', g]), '--articles', `${shared}articles`, ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
await app.close();
process.exit(code);

async function waitReady(base: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await fetch(`${base}/readyz`).catch(() => undefined);
    if (r?.ok) return;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('server did not become ready');
}
