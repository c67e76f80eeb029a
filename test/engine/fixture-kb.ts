// A miniature knowledge base for the per-decision case files: the built-in lexicons, countries,
// places and given names, with the people of test/fixtures/kb/people.json only, so that the
// cases do not move when the knowledge base grows. `runUntil` runs a prefix of the pipeline.
import { readFileSync } from 'node:fs';
import { createEngine, docFor, type Engine } from '../../src/engine/index.js';
import type { Doc } from '../../src/engine/doc.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/kb/index.js';
import { PeopleFileSchema } from '../../src/kb/schema.js';
import type { ExtractInput } from '../../src/schemas/extraction.js';

let cached: Engine | undefined;

export function fixtureKb(): KnowledgeBase {
  const people = PeopleFileSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/kb/people.json', import.meta.url), 'utf8'))).people;
  return { ...loadKnowledgeBase(), people };
}

export function fixtureEngine(): Engine {
  cached ??= createEngine(fixtureKb());
  return cached;
}

/** The Doc after the pipeline ran up to and including component `name`. */
export function runUntil(name: string, input: ExtractInput): Doc {
  const e = fixtureEngine();
  return e.pipeline.until(name).run(docFor(input), e.compiled);
}
