// Index of the document's trie matches by kind and lexicon: the longest match starting
// at each token, so a stage can ask "is there a title at token k?" in constant time.
import type { Compiled, Payload } from '../compile.js';
import type { TrieMatch } from '../match/trie.js';
import { phraseKeys } from '../match/trie.js';
import type { LexiconEntry } from '../../kb/schema.js';

export interface Hit {
  first: number;
  last: number;
  prefix: number;
  payloads: Payload[];
}

export class MatchIndex {
  private readonly byKey = new Map<string, Map<number, Hit>>();

  constructor(matches: TrieMatch<Payload>[]) {
    for (const m of matches) {
      const payloads = m.payloads;
      for (let i = 0; i < payloads.length; i++) {
        const key = slotOf(payloads[i]);
        // payloads of one slot are contiguous per trie node only by chance: handle each slot once
        let dup = false;
        for (let j = 0; j < i; j++) if (slotOf(payloads[j]) === key) { dup = true; break; }
        if (dup) continue;
        let map = this.byKey.get(key);
        if (!map) {
          map = new Map();
          this.byKey.set(key, map);
        }
        const had = map.get(m.first);
        if (had && (had.last > m.last || (had.last === m.last && had.prefix <= m.analysis.prefix))) continue;
        const own: Payload[] = [];
        for (const x of payloads) if (slotOf(x) === key) own.push(x);
        map.set(m.first, { first: m.first, last: m.last, prefix: m.analysis.prefix, payloads: own });
      }
    }
  }

  /** Longest hit of a kind ("person", "place", "demonym", "org", "given") or lexicon ("lex:titles") at token k. */
  at(key: string, k: number): Hit | undefined {
    return this.byKey.get(key)?.get(k);
  }

  all(key: string): Hit[] {
    return [...(this.byKey.get(key)?.values() ?? [])].sort((a, b) => a.first - b.first);
  }

  /** Whether an unsplit reading (no proclitic) of token k starts a hit of this kind. */
  has(key: string, k: number): boolean {
    return this.byKey.get(key)?.has(k) ?? false;
  }
}

/** The index slot of a payload: its kind, or "lex:<lexicon>" for lexicon entries. */
export function slotOf(p: Payload): string {
  return p.kind === 'lex' ? p.slot : p.kind;
}

export function entryOf(hit: Hit | undefined): LexiconEntry | undefined {
  const p = hit?.payloads[0];
  return p && p.kind === 'lex' ? p.entry : undefined;
}

/** Keys of the single-word phrases of a lexicon, both languages (optionally only entries passing `filter`). */
export function stopwordSet(c: Compiled, name: string, filter?: (e: LexiconEntry) => boolean): Set<string> {
  const out = new Set<string>();
  for (const lang of ['ar', 'en'] as const) {
    for (const e of c.lexicons.get(`${lang}/${name}`) ?? []) {
      if (filter && !filter(e)) continue;
      for (const p of e.phrases) {
        const keys = phraseKeys(p);
        if (keys.length === 1) out.add(keys[0]);
      }
    }
  }
  return out;
}
