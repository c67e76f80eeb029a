// Silver training examples from the tuning gold (../shared/eval/dev/*.jsonl, never ../check):
// the aliases and variants of gold participants and locations found in their article become
// PER and LOC spans; everything else may be O or ORG (the gold lists no organisations), and
// optional items leave their tokens unconstrained. Training takes the best path that respects
// these constraints as the gold path (a latent-path perceptron step).
import { readdirSync, readFileSync } from 'node:fs';
import { buildDoc, type Doc } from '../doc.js';
import { arabicKey } from '../text/clitics.js';
import { normalizeText } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { beginOf, insideOf, NUM_LABELS as L } from './labels.js';

export interface SilverDoc {
  doc: Doc;
  /** Per token: bit y set when label y is allowed. */
  allowed: Uint8Array;
}

const ALL = (1 << L) - 1;
const OUTSIDE = (1 << 0) | (1 << beginOf(2)) | (1 << insideOf(2)); // O, B-ORG, I-ORG

interface GoldItem {
  aliases?: string[];
  variants?: string[];
  optional?: boolean;
}

function keysOf(phrase: string): string[] {
  const { norm, toOrig } = normalizeText(phrase);
  return tokenize(phrase, norm, toOrig).tokens.map((t) => (t.script === 'ar' ? arabicKey(t.norm) : t.norm));
}

/** Marks every occurrence of the item's names: constrained to `type` (0 PER, 1 LOC), or free when optional. */
function mark(doc: Doc, allowed: Uint8Array, taken: Uint8Array, item: GoldItem, type: number): void {
  const names = [...(item.aliases ?? []), ...(item.variants ?? [])].map(keysOf).filter((k) => k.length > 0);
  names.sort((a, b) => b.length - a.length);
  const toks = doc.tokens;
  for (const keys of names) {
    for (let i = 0; i + keys.length <= toks.length; i++) {
      if (!toks[i].analyses.some((a) => a.key === keys[0])) continue;
      let ok = true;
      for (let j = 1; j < keys.length && ok; j++) ok = toks[i + j].analyses[0].key === keys[j];
      for (let j = 0; j < keys.length && ok; j++) if (taken[i + j]) ok = false;
      if (!ok) continue;
      for (let j = 0; j < keys.length; j++) {
        taken[i + j] = 1;
        allowed[i + j] = item.optional ? ALL : 1 << (j === 0 ? beginOf(type) : insideOf(type));
      }
    }
  }
}

/** Silver documents of one language from every tuning gold file. */
export function readSilver(shared: string, lang: 'ar' | 'en'): SilverDoc[] {
  const articles = new Map<string, string>();
  for (const line of readFileSync(`${shared}articles/${lang}.jsonl`, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id: string; text: string };
    articles.set(a.id, a.text);
  }
  const out: SilverDoc[] = [];
  const dir = `${shared}eval/dev/`;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(dir + f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const g = JSON.parse(line) as { lang: string; text?: string; ref?: string; publishedAt?: string; participants?: GoldItem[]; locations?: GoldItem[] };
      const text = g.text ?? (g.ref ? articles.get(g.ref) : undefined);
      if (g.lang !== lang || !text) continue;
      const doc = buildDoc(text, lang, (g.publishedAt ?? '2000-01-01').slice(0, 10), true, false);
      const allowed = new Uint8Array(doc.tokens.length).fill(OUTSIDE);
      const taken = new Uint8Array(doc.tokens.length);
      for (const p of g.participants ?? []) mark(doc, allowed, taken, p, 0);
      for (const l of g.locations ?? []) mark(doc, allowed, taken, l, 1);
      out.push({ doc, allowed });
    }
  }
  return out;
}
