// One token-level trie compiled from every lexicon and the knowledge base, run once per
// document: at each token, each clitic reading of that token walks the trie; inner tokens
// use their plain key. Work per token is bounded by (readings x longest entry): linear time.
import { arabicKey, type Analysis } from '../text/clitics.js';
import { normalizeText } from '../text/normalize.js';
import { tokenize, type Token } from '../text/tokenize.js';

export interface TrieNode<P> {
  next: Map<string, TrieNode<P>>;
  payloads: P[];
}

export interface TrieMatch<P> {
  /** Token range [first, last). */
  first: number;
  last: number;
  /** Reading of the first token (which proclitics were split off). */
  analysis: Analysis;
  payloads: P[];
}

/** Keys of a lexicon phrase, produced by the same normaliser and tokenizer as documents. */
export function phraseKeys(phrase: string): string[] {
  const { norm, toOrig } = normalizeText(phrase);
  const { tokens } = tokenize(phrase, norm, toOrig);
  return tokens.map(innerKey);
}

export function innerKey(t: Token): string {
  return t.script === 'ar' ? arabicKey(t.norm) : t.norm;
}

/**
 * The children of every leaf of a trie rebuilt from a snapshot: one empty Map shared by all of them
 * (most nodes are leaves; a Map each was ~10 MB of every worker's heap). `add` never writes into it.
 */
export const NO_CHILDREN: ReadonlyMap<string, unknown> = new Map<string, never>();

export class TokenTrie<P> {
  /** An empty trie, or (from a compiled snapshot, src/engine/snapshot.ts) one rebuilt from its nodes. */
  constructor(
    readonly root: TrieNode<P> = { next: new Map(), payloads: [] },
    public maxDepth = 0,
    public size = 0,
  ) {}

  /** Adds a phrase; returns false when it yields no tokens. */
  add(phrase: string, payload: P): boolean {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return false;
    let node = this.root;
    for (const k of keys) {
      if ((node.next as ReadonlyMap<string, unknown>) === NO_CHILDREN) node.next = new Map();
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map(), payloads: [] };
        node.next.set(k, child);
      }
      node = child;
    }
    node.payloads.push(payload);
    this.size++;
    if (keys.length > this.maxDepth) this.maxDepth = keys.length;
    return true;
  }

  /** Every match starting at every token, in token order. */
  matchAll(tokens: Token[]): TrieMatch<P>[] {
    const out: TrieMatch<P>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === 'punct' && !this.root.next.has(t.norm)) continue;
      for (const a of t.analyses) {
        let node = this.root.next.get(a.key);
        let j = i + 1;
        while (node) {
          if (node.payloads.length) out.push({ first: i, last: j, analysis: a, payloads: node.payloads });
          if (j >= tokens.length || node.next.size === 0) break;
          // (the unsplit reading's key is innerKey(token), computed once when the token was made)
          node = node.next.get(tokens[j].analyses[0].key);
          j++;
        }
      }
    }
    return out;
  }
}

