// The name tagger: a linear-chain model over BIO labels for PER, LOC and ORG, one per
// language (Arabic, English), trained as an averaged structured perceptron on public NER
// corpora (see the header of src/engine/ner/index.ts, and `npm run train:ner`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Compiled, Payload } from '../compile.js';
import type { Doc } from '../doc.js';
import type { TrieMatch } from '../match/trie.js';
import { featureContext, type FeatureContext } from './context.js';
import { constrain, forwardBackward, spanProbability, viterbi, type Lattice } from './decode.js';
import { tokenFacts } from './extract.js';
import { Scorer } from './scorer.js';
import { ENTITY_TYPES, NUM_LABELS as L, spansOf, beginOf, type EntityType } from './labels.js';
import { decodeModel, type Model } from './model.js';

export interface NerSpan {
  /** Token range [first, last) of the document. */
  first: number;
  last: number;
  label: EntityType;
  /** Probability that exactly these tokens form an entity of this type (forward-backward). */
  score: number;
}

/** src/kb/data/ner, from src/engine/ner/tagger.ts as from dist/engine/ner/tagger.js. */
export const NER_DATA_DIR = fileURLToPath(new URL('../../../src/kb/data/ner/', import.meta.url));

export function modelPath(lang: string): string {
  return `${NER_DATA_DIR}tagger-${lang}.bin`;
}

class Scratch {
  size = 0;
  emit = new Float64Array(0);
  back = new Uint8Array(0);
  path = new Uint8Array(0);
  lat: Lattice = { e: new Float64Array(0), t: new Float64Array(0), alpha: new Float64Array(0), beta: new Float64Array(0), c: new Float64Array(0), tmp: new Float64Array(L) };
  ensure(n: number): void {
    if (n <= this.size) return;
    const m = Math.max(n, this.size * 2, 64);
    this.size = m;
    this.emit = new Float64Array(m * L);
    this.back = new Uint8Array(m * L);
    this.path = new Uint8Array(m);
    const t = this.lat.t;
    this.lat = { e: new Float64Array(m * L), t, alpha: new Float64Array(m * L), beta: new Float64Array(m * L), c: new Float64Array(m), tmp: new Float64Array(L) };
  }
}

export class Tagger {
  readonly trans: Float64Array;
  private readonly scratch = new Scratch();
  private readonly scorer: Scorer;
  constructor(
    readonly model: Model,
    readonly ctx: FeatureContext,
  ) {
    this.scorer = new Scorer(model);
    this.trans = constrain(Float64Array.from(model.header.transitions));
    const temp = model.header.temperature;
    const t = new Float64Array(this.trans.length);
    for (let i = 0; i < t.length; i++) t[i] = Math.exp(this.trans[i] / temp);
    this.scratch.lat.t = t;
  }

  get lang(): string {
    return this.model.header.lang;
  }

  /** Entity spans of the document, in token order, with their probabilities. */
  tag(doc: Doc, matches: readonly TrieMatch<Payload>[]): NerSpan[] {
    const x = tokenFacts(this.ctx, doc, matches);
    const out: NerSpan[] = [];
    const s = this.scratch;
    for (const sent of doc.sentences) {
      const n = this.decode(x, sent.first, sent.last);
      const spans = spansOf(s.path, 0, n);
      if (spans.length === 0) continue;
      forwardBackward(s.emit, n, this.trans, this.model.header.temperature, s.lat);
      for (const sp of spans) {
        const score = spanProbability(s.lat, sp.first, sp.last, beginOf(sp.type), n);
        out.push({ first: sent.first + sp.first, last: sent.first + sp.last, label: ENTITY_TYPES[sp.type], score: Math.round(score * 1000) / 1000 });
      }
    }
    return out;
  }

  /** Best label per token (training and evaluation). */
  labels(doc: Doc, matches: readonly TrieMatch<Payload>[]): Uint8Array {
    const x = tokenFacts(this.ctx, doc, matches);
    const labels = new Uint8Array(doc.tokens.length);
    for (const sent of doc.sentences) {
      const n = this.decode(x, sent.first, sent.last); // (first: decoding may grow the scratch buffers)
      labels.set(this.scratch.path.subarray(0, n), sent.first);
    }
    return labels;
  }

  /** Emissions and the Viterbi path of tokens [first, last) into the scratch buffers; returns their count. */
  private decode(x: ReturnType<typeof tokenFacts>, first: number, last: number): number {
    const n = last - first;
    const s = this.scratch;
    s.ensure(n);
    this.scorer.emissions(x, first, last, s.emit);
    viterbi(s.emit, n, this.trans, s.path, s.back);
    return n;
  }
}

export function taggerFromBytes(c: Compiled, bytes: Uint8Array): Tagger {
  return new Tagger(decodeModel(bytes), featureContext(c));
}

/** The committed model of a language ('ar' or 'en'); undefined when none is installed. */
export function loadTagger(c: Compiled, lang: string): Tagger | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(modelPath(lang));
  } catch {
    return undefined;
  }
  return taggerFromBytes(c, bytes);
}
