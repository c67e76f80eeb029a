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
      const seen = new Set<string>();
      for (const p of m.payloads) {
        const key = p.kind === 'lex' ? `lex:${p.lexicon}` : p.kind;
        let map = this.byKey.get(key);
        if (!map) {
          map = new Map();
          this.byKey.set(key, map);
        }
        const had = map.get(m.first);
        if (!had || m.last > had.last || (m.last === had.last && m.analysis.prefix < had.prefix)) {
          map.set(m.first, { first: m.first, last: m.last, prefix: m.analysis.prefix, payloads: m.payloads.filter((x) => (x.kind === 'lex' ? `lex:${x.lexicon}` : x.kind) === key) });
          seen.add(key);
        } else if (had.last === m.last && had.prefix === m.analysis.prefix && !seen.has(key)) {
          // same span from another reading: merge payloads
          for (const x of m.payloads) if ((x.kind === 'lex' ? `lex:${x.lexicon}` : x.kind) === key && !had.payloads.includes(x)) had.payloads.push(x);
        }
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

export function entryOf(hit: Hit | undefined): LexiconEntry | undefined {
  const p = hit?.payloads[0];
  return p && p.kind === 'lex' ? p.entry : undefined;
}

/** Keys of the single-word phrases of a lexicon, both languages. */
export function stopwordSet(c: Compiled, name: string): Set<string> {
  const out = new Set<string>();
  for (const lang of ['ar', 'en'] as const) {
    for (const e of c.lexicons.get(`${lang}/${name}`) ?? []) {
      for (const p of e.phrases) {
        const keys = phraseKeys(p);
        if (keys.length === 1) out.add(keys[0]);
      }
    }
  }
  return out;
}
