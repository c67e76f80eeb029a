// Small, clear modules: no function in src/engine longer than 80 lines (the developers' guide).
// Every function, method, arrow function and accessor is measured from its first to its last line.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../src/engine/', import.meta.url));
const LIMIT = 80;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function longFunctions(path: string): string[] {
  const src = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const from = src.getLineAndCharacterOfPosition(node.getStart(src)).line;
      const to = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = (node as ts.FunctionDeclaration).name?.getText(src) ?? '(anonymous)';
      if (to - from + 1 > LIMIT) out.push(`${path.slice(ROOT.length)}:${from + 1} ${name}: ${to - from + 1} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

describe('src/engine', () => {
  it(`has no function over ${LIMIT} lines`, () => {
    expect(files(ROOT).flatMap(longFunctions)).toEqual([]);
  });
});
