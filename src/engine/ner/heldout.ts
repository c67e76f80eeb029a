// Where the training data lives and how it is split: the last fifth of each corpus (in file
// order) is held out for our own figures and never trained on. Shared by `npm run train:ner`
// and `npm run eval -- --ner`.
import type { Compiled } from '../compile.js';
import { readAnercorp, readConll, type CorpusSentence } from './corpus.js';
import { count, newCounts, scores, type TypeScore } from './score.js';
import { groupDocs, project } from './corpus.js';
import type { Tagger } from './tagger.js';

export interface CorpusSplit {
  lang: 'ar' | 'en';
  /** Files, relative to the shared folder. */
  files: { train: string; dev?: string };
  train: CorpusSentence[];
  heldOut: CorpusSentence[];
  /** Extra development data (CoNLL-2003 testa for English). */
  dev?: CorpusSentence[];
}

export const CORPORA = {
  ar: { train: 'eval/ner/anercorp-dev.txt' },
  en: { train: 'eval/train/conll2003-train.txt', dev: 'eval/ner/conll2003-testa.txt' },
} as const;

export function split(shared: string, lang: 'ar' | 'en'): CorpusSplit {
  const files = CORPORA[lang];
  const all = lang === 'ar' ? readAnercorp(shared + files.train) : readConll(shared + files.train);
  const cut = Math.floor((all.length * 4) / 5);
  const dev = lang === 'en' ? readConll(shared + CORPORA.en.dev) : undefined;
  return { lang, files, train: all.slice(0, cut), heldOut: all.slice(cut), dev };
}

/** The tagger's entity-level scores on corpus sentences (projected onto engine tokens). */
export function scoreTagger(c: Compiled, tagger: Tagger, sentences: CorpusSentence[], lang: 'ar' | 'en'): Record<string, TypeScore> {
  const counts = newCounts();
  for (const d of groupDocs(sentences)) {
    const ex = project(d, lang);
    count(counts, ex, tagger.labels(ex.doc, c.trie.matchAll(ex.doc.tokens)));
  }
  return scores(counts);
}
