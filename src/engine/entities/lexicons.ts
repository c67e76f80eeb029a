// Index of the document's trie matches by kind and lexicon: the longest match starting
// at each token, so a stage can ask "is there a title at token k?" in constant time.
import type { Compiled, Payload } from '../compile.js';
import type { TrieMatch } from '../match/trie.js';
import { phraseKeys } from '../match/trie.js';
import type { LexiconEntry } from '../../kb/schema.js';
import { requireLexicon } from '../lexicon/words.js';

export interface Hit {
  first: number;
  last: number;
  prefix: number;
  payloads: Payload[];
}

export class MatchIndex {
  // per kind or lexicon: the hits sorted by first token, one per first token, and those tokens
  // in a typed array for a binary search (a Map per kind cost more than the search on 1 MiB texts)
  private readonly byKey = new Map<string, { firsts: Int32Array; hits: Hit[]; hint: number }>();

  constructor(matches: TrieMatch<Payload>[]) {
    const lists = new Map<string, Hit[]>();
    const add = (key: string, hit: Hit) => {
      const list = lists.get(key);
      if (list) list.push(hit);
      else lists.set(key, [hit]);
    };
    for (const m of matches) {
      const payloads = m.payloads;
      // most trie nodes hold payloads of one slot: share the array
      const key0 = slotOf(payloads[0]);
      let mixed = false;
      for (let i = 1; i < payloads.length; i++) if (slotOf(payloads[i]) !== key0) { mixed = true; break; }
      if (!mixed) {
        add(key0, { first: m.first, last: m.last, prefix: m.analysis.prefix, payloads });
        continue;
      }
      for (let i = 0; i < payloads.length; i++) {
        const key = slotOf(payloads[i]);
        // payloads of one slot are contiguous per trie node only by chance: handle each slot once
        let dup = false;
        for (let j = 0; j < i; j++) if (slotOf(payloads[j]) === key) { dup = true; break; }
        if (dup) continue;
        const own: Payload[] = [];
        for (const x of payloads) if (slotOf(x) === key) own.push(x);
        add(key, { first: m.first, last: m.last, prefix: m.analysis.prefix, payloads: own });
      }
    }
    // matches come token by token, so each list is in order of first token already: keep, per token,
    // the longest hit, then the one with the fewest proclitics, then the first found
    for (const [key, list] of lists) {
      let sorted = true;
      for (let i = 1; i < list.length && sorted; i++) if (list[i].first < list[i - 1].first) sorted = false;
      if (!sorted) list.sort((a, b) => a.first - b.first); // (stable: the first found stays first)
      const hits: Hit[] = [];
      for (const h of list) {
        const top = hits[hits.length - 1];
        if (!top || top.first !== h.first) hits.push(h);
        else if (h.last > top.last || (h.last === top.last && h.prefix < top.prefix)) hits[hits.length - 1] = h;
      }
      const firsts = new Int32Array(hits.length);
      for (let i = 0; i < hits.length; i++) firsts[i] = hits[i].first;
      this.byKey.set(key, { firsts, hits, hint: 0 });
    }
  }

  /** Longest hit of a kind ("person", "place", "demonym", "org", "given") or lexicon ("lex:titles") at token k. */
  at(key: string, k: number): Hit | undefined {
    const e = this.byKey.get(key);
    if (!e) return undefined;
    const firsts = e.firsts;
    // stages mostly walk the tokens in order: start from where the last look-up ended
    let lo = Math.min(e.hint, firsts.length);
    if (lo > 0 && firsts[lo - 1] >= k) {
      // behind the last look-up: bisect [0, hint)
      let hi = lo;
      lo = 0;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (firsts[mid] < k) lo = mid + 1;
        else hi = mid;
      }
    } else {
      let steps = 0;
      while (lo < firsts.length && firsts[lo] < k) {
        lo++;
        if (++steps > 8 && lo < firsts.length && firsts[lo] < k) {
          // far ahead: bisect the rest
          let hi = firsts.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (firsts[mid] < k) lo = mid + 1;
            else hi = mid;
          }
          break;
        }
      }
    }
    e.hint = lo;
    return lo < firsts.length && firsts[lo] === k ? e.hits[lo] : undefined;
  }

  /** Every hit of a kind, by first token (read-only). */
  all(key: string): readonly Hit[] {
    return this.byKey.get(key)?.hits ?? [];
  }

  /** Whether an unsplit reading (no proclitic) of token k starts a hit of this kind. */
  has(key: string, k: number): boolean {
    return this.at(key, k) !== undefined;
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

/** Keys of the single-word phrases of a lexicon, both languages (optionally only entries passing `filter`); UnknownLexiconError when no file declares it. */
export function stopwordSet(c: Compiled, name: string, filter?: (e: LexiconEntry) => boolean): Set<string> {
  requireLexicon(c, name);
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
