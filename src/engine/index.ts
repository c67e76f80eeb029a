// The extraction engine: no Fastify imports. createEngine() compiles the knowledge base
// into matchers once; engine.extract() runs the pipeline on one article.
import type { Extraction, ExtractInput } from '../schemas/extraction.js';
import type { KnowledgeBase } from '../kb/index.js';

export interface Engine {
  extract(input: ExtractInput): Extraction;
}

export function createEngine(kb: KnowledgeBase): Engine {
  void kb;
  return {
    extract(input) {
      return { id: input.id, language: 'ar', participants: [], meetings: [], locations: [], resolutions: [] };
    },
  };
}
