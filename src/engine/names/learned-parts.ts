// Name parts learned from the knowledge base: every person it holds has Arabic and English names,
// so an Arabic name and an English name with the same number of words pair their words in order
// («عادل الجبير» / "Adel al-Jubeir": «الجبير» → al-Jubeir). Each Arabic word takes the English
// spelling most people give it (ties: the alphabetically first, so the table is deterministic).
// The romaniser's own lexicon overrides these; together they spell an unknown person's known parts
// as the press spells them, and only the parts nobody holds go letter by letter.
import type { KnowledgeBase } from '../../kb/index.js';
import { hasArabicLetter, letters, stripArticle } from './letters.js';

const LATIN_WORD = /^[A-Za-z][A-Za-z'’-]*$/;

/** Arabic word (as keyed by `key`) → English spelling, learned from the people of a knowledge base. */
export function learnedParts(kb: KnowledgeBase, key: (w: string) => string): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  const keys = new Map<string, string>(); // a word's key, computed once however many people share it
  const keyOf = (w: string): string => {
    let k = keys.get(w);
    if (k === undefined) keys.set(w, (k = key(w)));
    return k;
  };
  for (const p of kb.people) {
    const en = p.names.en.map(words).filter((ws) => ws.every((w) => LATIN_WORD.test(w)));
    for (const ar of p.names.ar.map(words)) {
      if (!ar.every(hasArabicLetter)) continue;
      const match = en.find((ws) => ws.length === ar.length);
      if (match && match.every((e, i) => plausible(ar[i], e))) ar.forEach((w, i) => vote(votes, keyOf(w), match[i]));
    }
  }
  const parts = new Map<string, string>();
  for (const [k, counts] of votes) parts.set(k, best(counts));
  return parts;
}

// Sounds a romanisation may start with for one Arabic letter: "q" or "k" for «ق», "j" or "g" for «ج».
const CLASSES = ['aeiouy', 'bp', 'kqcg', 'jgz', 'dz', 't', 'scz', 'hk', 'fvp', 'l', 'm', 'n', 'r', 'w', 'x'];

/** Whether an English word can spell the Arabic one: both start with a letter of one sound class (a pair from another name fails). */
function plausible(ar: string, en: string): boolean {
  const a = letters(stripArticle(ar).charAt(0)).charAt(0); // the first letter alone: cheap, as letters() spells it
  const e = en.replace(/^al-/i, '').charAt(0).toLowerCase();
  if (!a || !e) return false;
  return a === e || CLASSES.some((c) => c.includes(a) && c.includes(e));
}

function words(name: string): string[] {
  return name.trim().split(/\s+/);
}

function vote(votes: Map<string, Map<string, number>>, k: string, en: string): void {
  let counts = votes.get(k);
  if (!counts) votes.set(k, (counts = new Map()));
  // one spelling per person-name pair; "Al-Jubeir" and "al-Jubeir" are one spelling
  const spelling = en.replace(/^Al-/, 'al-');
  counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
}

function best(counts: Map<string, number>): string {
  let top = '';
  let n = -1;
  for (const [s, c] of counts) if (c > n || (c === n && s < top)) [top, n] = [s, c];
  return top;
}
