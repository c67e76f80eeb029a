// Reading the NER corpora (training only) and projecting their token tags onto the engine's
// tokens: each sentence's tokens are joined with spaces, the Doc is built with the run-time
// normaliser and tokenizer, and every engine token takes the tag of the corpus token it lies
// in (B only on the first engine token of a B-tagged corpus token).
import { readFileSync } from 'node:fs';
import { buildDoc, type Doc } from '../doc.js';
import type { Language } from '../lang/detect.js';
import { labelOfTag, spansOf } from './labels.js';

export interface CorpusSentence {
  tokens: string[];
  /** IOB2 labels (label indices of labels.ts). */
  labels: number[];
  /** Document number (CoNLL: -DOCSTART- sections; ANERcorp: runs of 25 sentences, as ner.mjs reads it). */
  doc: number;
}

/** Consecutive sentences of one document together. */
export function groupDocs(sentences: CorpusSentence[]): CorpusSentence[][] {
  const out: CorpusSentence[][] = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    if (last && last[0].doc === s.doc) last.push(s);
    else out.push([s]);
  }
  return out;
}

/** IOB1 or IOB2 tags to IOB2 label indices (an I-X not continuing an X begins one). */
function toLabels(tags: string[]): number[] {
  const out: number[] = [];
  let prevType = '';
  for (const tag of tags) {
    if (tag === 'O' || tag.length < 3) {
      out.push(0);
      prevType = '';
      continue;
    }
    const type = tag.slice(2);
    const begin = tag[0] === 'B' || type !== prevType;
    out.push(labelOfTag(begin ? 'B' : 'I', type));
    prevType = type;
  }
  // a type mapped to O (MISC) leaves I-X labels orphaned only if X itself is O: nothing to fix
  return out;
}

/** CoNLL-2003 ("token POS chunk TAG", blank line between sentences, -DOCSTART- lines). */
export function readConll(path: string): CorpusSentence[] {
  const out: CorpusSentence[] = [];
  let toks: string[] = [];
  let tags: string[] = [];
  let doc = 0;
  const end = () => {
    if (toks.length) out.push({ tokens: toks, labels: toLabels(tags), doc });
    toks = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-') || !line.trim()) {
      end();
      if (line.startsWith('-DOCSTART-')) doc++;
      continue;
    }
    const cols = line.split(' ');
    toks.push(cols[0]);
    tags.push(cols[cols.length - 1]);
  }
  end();
  return out;
}

/** ANERcorp ("token TAG" a line; a sentence ends at a "." token), as ../shared/eval/ner.mjs reads it. */
export function readAnercorp(path: string): CorpusSentence[] {
  const out: CorpusSentence[] = [];
  let toks: string[] = [];
  let tags: string[] = [];
  for (const line of readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const k = line.lastIndexOf(' ');
    if (k <= 0) continue;
    const tok = line.slice(0, k).trim();
    if (!tok) continue;
    toks.push(tok);
    tags.push(line.slice(k + 1).trim());
    if (tok === '.') {
      out.push({ tokens: toks, labels: toLabels(tags), doc: Math.floor(out.length / 25) });
      toks = [];
      tags = [];
    }
  }
  if (toks.length) out.push({ tokens: toks, labels: toLabels(tags), doc: Math.floor(out.length / 25) });
  return out;
}

export interface Projected {
  doc: Doc;
  /** Gold label of every engine token. */
  gold: Uint8Array;
  /** Corpus token (numbered over the whole document) of every engine token. */
  corpusIndex: Int32Array;
  /** Gold entities in corpus tokens [first, last). */
  entities: Array<{ first: number; last: number; type: number }>;
  /** Corpus tokens that produced no engine token. */
  unaligned: number;
}

/** One document: its sentences joined by new lines, tokens by spaces (as ../shared/eval/ner.mjs sends them). */
export function project(sentences: CorpusSentence[], lang: Language): Projected {
  const starts: number[] = [];
  const labels: number[] = [];
  const entities: Projected['entities'] = [];
  let text = '';
  for (const s of sentences) {
    if (text) text += '\n';
    for (const e of spansOf(s.labels)) entities.push({ first: e.first + labels.length, last: e.last + labels.length, type: e.type });
    s.tokens.forEach((t, i) => {
      if (i > 0) text += ' ';
      starts.push(text.length);
      labels.push(s.labels[i]);
      text += t;
    });
  }
  const doc = buildDoc(text, lang, '2000-01-01', false, false);
  const gold = new Uint8Array(doc.tokens.length);
  const corpusIndex = new Int32Array(doc.tokens.length);
  const seen = new Uint8Array(starts.length);
  let c = 0;
  for (const t of doc.tokens) {
    while (c + 1 < starts.length && starts[c + 1] <= t.start) c++;
    corpusIndex[t.index] = c;
    const l = labels[c];
    // B only on the first engine token of the corpus token; I on the rest of it
    gold[t.index] = seen[c] && l > 0 && (l & 1) === 1 ? l + 1 : l;
    seen[c] = 1;
  }
  let unaligned = 0;
  for (let i = 0; i < seen.length; i++) if (!seen[i]) unaligned++;
  return { doc, gold, corpusIndex, entities, unaligned };
}
