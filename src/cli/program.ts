// The command-line tool: one commander program, one module per subcommand. A subcommand module
// exports `register(program)`; main.ts adds them all: `extract`, and the job queue's `worker`,
// `enqueue`, `collect` and `requeue` (src/cli/commands/<name>.ts + one line below).
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { register as registerCollect } from './commands/collect.js';
import { register as registerEnqueue } from './commands/enqueue.js';
import { register as registerExtract } from './commands/extract.js';
import { register as registerRequeue } from './commands/requeue.js';
import { register as registerWorker } from './commands/worker.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Bad usage found after parsing (a missing file, --resume without --out): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Where the program writes; tests pass their own. */
export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** A subcommand's action reports its exit code here (0 all well, 1 some items failed). */
export type Done = (code: number) => void;

export function buildProgram(io: Io, done: Done): Command {
  const program = new Command()
    .name('diplomatic-news')
    .description('Extract participants, meetings, locations and UN resolutions from Arabic and English diplomatic news, offline.')
    .version(pkg.version)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride(); // inherited by the subcommands: main() maps errors to exit codes
  registerExtract(program, io, done);
  registerWorker(program, io, done);
  registerEnqueue(program, io, done);
  registerCollect(program, io, done);
  registerRequeue(program, io, done);
  return program;
}

/** Runs the program on argv (without node and the script); resolves to the exit code. Never prints a stack for bad usage. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      io.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
