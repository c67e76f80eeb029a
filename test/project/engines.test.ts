// The dependency tree is honest about the Node range package.json declares: every installed
// package (production and dev) accepts some Node 20 release, so `npm ci` on Node 20 prints no
// EBADENGINE warning (.ci/run installs with --engine-strict, which turns one into an error).
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };

describe('engines', () => {
  it('declares Node 20 and later', () => {
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(true);
  });

  it('every locked package accepts Node 20', () => {
    const node20 = '>=20.0.0 <21.0.0-0';
    const bad: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (!path) continue;
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      if (range && !semver.intersects(range, node20)) bad.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${range}`);
    }
    expect(bad).toEqual([]);
  });

  it('CI installs with --engine-strict', () => {
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/npm ci[^\n]*--engine-strict/);
  });
});
