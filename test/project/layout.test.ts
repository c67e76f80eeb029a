// The top level is the user's layout: package.json, tsconfig.json, src/, test/, openapi/,
// Dockerfile, README.md, plus dotfiles, .ci/, config files, the lockfile and LICENSE/NOTICE.
// Scripts, data, examples and benchmarks live inside src/ or test/.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const allowed = new Set([
  'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vitest.config.ts',
  'src', 'test', 'openapi', 'Dockerfile', 'README.md', 'LICENSE', 'NOTICE',
]);

describe('repository layout', () => {
  it('tracks nothing at the top level beyond the agreed entries and dotfiles', () => {
    const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const top = [...new Set(files.map((f) => f.split('/')[0]!))];
    const extra = top.filter((name) => !name.startsWith('.') && !allowed.has(name));
    expect(extra).toEqual([]);
  });
});
