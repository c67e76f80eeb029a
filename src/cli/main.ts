#!/usr/bin/env node
// The `diplomatic-news` command (package.json "bin"): `diplomatic-news extract <file|dir|->…`.
// See src/cli/program.ts; run it from a checkout with `npm run cli -- extract …` or `npx tsx src/cli/main.ts extract …`.
import { run } from './program.js';

// `… | head`: the reader went away; stop quietly instead of dying with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const code = await run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
