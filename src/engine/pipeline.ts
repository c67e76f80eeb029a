// The engine as an ordered list of named components (spaCy's pipeline): each reads what earlier
// components wrote on the Doc and writes its own layer. The list is validated when the engine is
// built — an unknown name, a duplicate, or a component placed before one it requires fails at
// start-up — and an error thrown inside a component names it.
import type { Compiled } from './compile.js';
import type { Doc } from './doc.js';

export interface Component {
  /** Unique name («match», «person-candidates», «meeting-drafts» …). */
  readonly name: string;
  /** Components that must run before this one. */
  readonly requires: readonly string[];
  run(doc: Doc, kb: Compiled): void;
}

export class PipelineError extends Error {
  constructor(
    readonly component: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`pipeline component "${component}": ${message}`, options);
    this.name = 'PipelineError';
  }
}

export interface Pipeline {
  readonly names: readonly string[];
  /** Runs every component in order. */
  run(doc: Doc, kb: Compiled, timings?: Record<string, number>): Doc;
  /** The prefix of the pipeline that ends with component `name` (for tests). */
  until(name: string): Pipeline;
}

/** Builds a pipeline from component names looked up in `registry`; throws on any inconsistency. */
export function createPipeline(names: readonly string[], registry: ReadonlyMap<string, Component>): Pipeline {
  const components: Component[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const c = registry.get(name);
    if (!c) throw new PipelineError(name, `unknown component (known: ${[...registry.keys()].join(', ')})`);
    if (seen.has(name)) throw new PipelineError(name, 'listed twice');
    for (const r of c.requires) if (!seen.has(r)) throw new PipelineError(name, `requires "${r}", which does not run before it`);
    seen.add(name);
    components.push(c);
  }
  return fromComponents(components);
}

function fromComponents(components: readonly Component[]): Pipeline {
  const names = components.map((c) => c.name);
  return {
    names,
    run(doc, kb, timings) {
      let t = timings ? performance.now() : 0;
      for (const c of components) {
        try {
          c.run(doc, kb);
        } catch (err) {
          if (err instanceof PipelineError) throw err;
          throw new PipelineError(c.name, err instanceof Error ? err.message : String(err), { cause: err });
        }
        if (timings) {
          const now = performance.now();
          timings[c.name] = Math.round((now - t) * 1000) / 1000;
          t = now;
        }
      }
      return doc;
    },
    until(name) {
      const at = names.indexOf(name);
      if (at < 0) throw new PipelineError(name, `not in this pipeline (${names.join(', ')})`);
      return fromComponents(components.slice(0, at + 1));
    },
  };
}

/** The layer a component needs, or an error that says which component should have written it. */
export function need<T>(value: T | undefined, layer: string, writer: string): T {
  if (value === undefined) throw new Error(`the Doc has no ${layer} (written by component "${writer}")`);
  return value;
}
