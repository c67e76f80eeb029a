// The miniature knowledge base's engine with the name tagger in its pipeline (component "ner" is
// optional: the default pipeline leaves it out), for the tagger component and generator tests.
import { createEngine, docFor, TAGGER_PIPELINE, type Engine } from '../../../src/engine/index.js';
import type { Doc } from '../../../src/engine/doc.js';
import type { ExtractInput } from '../../../src/schemas/extraction.js';
import { fixtureKb } from '../fixture-kb.js';

let cached: Engine | undefined;

export function taggerEngine(): Engine {
  cached ??= createEngine(fixtureKb(), { pipeline: TAGGER_PIPELINE });
  return cached;
}

/** The Doc after the tagger pipeline ran up to and including component `name`. */
export function runUntil(name: string, input: ExtractInput): Doc {
  const e = taggerEngine();
  return e.pipeline.until(name).run(docFor(input), e.compiled);
}
