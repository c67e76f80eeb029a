// English display names for Arabic names of people the knowledge base does not hold, in the
// conventions of the English-language press rather than an academic transliteration: whole name
// parts from the lexicon `romanisation` (src/kb/data/lexicons/ar/romanisation.json: «محمد» →
// Mohammed, «بن» → bin), the article as a lower-case "al-" («العتواني» → al-Atwani), «عبد» joined to
// what follows («عبد العزيز» → Abdulaziz, «عبدالله» → Abdullah), «… الله» as -allah («نصر الله» →
// Nasrallah), and other parts letter by letter with a guessed short vowel between two consonants
// («الأصبحي» → al-Asbahi). Linear in the name's length.
import type { Compiled } from '../compile.js';
import { normalizeString } from '../text/normalize.js';
import { requireLexicon } from '../lexicon/words.js';
import { learnedParts } from './learned-parts.js';
import { hasArabicLetter, letters, stripArticle } from './letters.js';

const DIACRITICS = /[\u064B-\u0652\u0670\u0640]/g;

export class Romaniser {
  /** @param endings word endings, longest first («ـوف» → "ov") */
  constructor(
    private readonly parts: ReadonlyMap<string, string>,
    private readonly endings: readonly (readonly [string, string])[] = [],
  ) {}

  /** The press romanisation of an Arabic name («سلطان العتواني» → "Sultan al-Atwani"), or undefined when it has no Arabic word. */
  romanise(name: string): string | undefined {
    const words = name.replace(DIACRITICS, '').split(/\s+/).filter(hasArabicLetter);
    if (words.length === 0) return undefined;
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      // «عبد العزيز», «عبد الله»: Abdul- joined to the next part
      if (w === 'عبد' && words[i + 1] === 'الله') {
        out.push(this.word('عبدالله'));
        i++;
        continue;
      }
      if (w === 'عبد' && i + 1 < words.length) {
        out.push(this.abdul(words[++i]));
        continue;
      }
      // «نصر الله», «فضل الله»: -allah
      if (words[i + 1] === 'الله') {
        out.push(`${this.part(w)}allah`);
        i++;
        continue;
      }
      out.push(this.word(w, i > 0));
    }
    return out.join(' ');
  }

  /** One written word: a listed part, «عبدX» joined, the article as "al-", else letter by letter (`later`: not the first word of the name). */
  private word(w: string, later = false): string {
    const listed = this.parts.get(key(w));
    if (listed) return listed;
    if (w.startsWith('عبد') && w.length > 4) return this.abdul(w.slice(3));
    const bare = stripArticle(w);
    return bare === w ? this.part(w, later) : `al-${this.part(bare, later)}`;
  }

  /** «عبد» and the name it serves, joined: Abdulaziz for «عبد العزيز» or «عبدالعزيز». */
  private abdul(served: string): string {
    return `Abdul${this.part(stripArticle(served)).toLowerCase()}`;
  }

  /** A name part without its article: listed, or letter by letter, capitalised. */
  private part(w: string, later = false): string {
    const listed = this.parts.get(key(w)) ?? this.parts.get(key(`ال${w}`));
    if (listed) return listed.replace(/^al-/i, '');
    const s = this.spelled(w, later);
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /** Letter by letter, a listed ending as the press writes it («قاديروف» → Qadirov). */
  private spelled(w: string, later: boolean): string {
    for (const [ending, latin] of this.endings) {
      if (w.length > ending.length + 1 && w.endsWith(ending)) return letters(w.slice(0, -ending.length)) + latin;
    }
    return letters(w, later);
  }
}

/** The key of a name part: its normalised form (the text's normaliser), so spelling variants of hamza and alif meet. */
function key(w: string): string {
  return normalizeString(w);
}

const cache = new WeakMap<Compiled, Romaniser>();

/** The romaniser of a compiled knowledge base (its lexicon `romanisation`), built once. */
export function romaniser(c: Compiled): Romaniser {
  let r = cache.get(c);
  if (!r) {
    requireLexicon(c, 'romanisation');
    const parts = learnedParts(c.kb, key);
    const endings: [string, string][] = [];
    for (const e of c.kb.lexicons.get('ar/romanisation')?.entries ?? []) {
      const en = typeof e.en === 'string' ? e.en : undefined;
      if (!en) continue;
      for (const p of e.phrases) {
        if (e.ending === true) endings.push([p, en]);
        else parts.set(key(p), en);
      }
    }
    endings.sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
    cache.set(c, (r = new Romaniser(parts, endings)));
  }
  return r;
}
