// Letter-by-letter romanisation of one Arabic word, for name parts no lexicon and no known person
// spells: consonants as the English-language press writes them, و/ي as consonants or long vowels by
// their neighbours, and the short vowels the script leaves out guessed from the syllable.
/** Whether a string holds an Arabic letter (hamza to yeh; not digits or punctuation). */
export function hasArabicLetter(s: string): boolean {
  return /[\u0621-\u064A]/.test(s);
}

/** A word without its article «ال» (kept when what follows would be a single letter). */
export function stripArticle(w: string): string {
  return w.startsWith('ال') && w.length > 3 ? w.slice(2) : w;
}

const CONSONANTS: Record<string, string> = {
  ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd',
  ط: 't', ظ: 'z', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', پ: 'p', چ: 'ch', ڤ: 'v', گ: 'g',
};

/** One letter's reading: a consonant, or a vowel the script writes (long vowels, و/ي between consonants). */
interface Unit {
  latin: string;
  vowel: boolean;
}

/**
 * Letter by letter: consonants as the press writes them; و and ي as w/y next to a vowel or at the
 * start, else as the vowels u/o and i; and the short vowels the script leaves out guessed from the
 * syllable: "a" between two consonants that open the word («قرني» → Qarni) and between the second
 * and third of three («أحمدي» → Ahmadi), "e" in the closing syllable after a long a («جاسر» → Jaser,
 * the fā'il pattern the Gulf press writes Majed, Khaled, Thamer); in a family name (`surname`), the
 * middle consonant of CaCāC doubled.
 */
export function letters(w: string, surname = false): string {
  const chars = [...w];
  const units = readUnits(chars);
  // a family name CaCāC not listed is most often the intensive CaCCāC the press doubles (Sallam,
  // Ayyash, Qattan, Najjar: 30 of the 55 such pairs among the knowledge base's later name parts, the
  // single ones mostly given names the lexicon lists); not a two-letter sound (Bashar, not Bashshar)
  if (surname && chars.length === 4 && chars[2] === 'ا' && units.length === 4 && !units[1].vowel && units[1].latin.length === 1) {
    units[1] = { latin: units[1].latin + units[1].latin, vowel: false };
  }
  let out = '';
  let run = 0; // consonants in a row before this unit
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.vowel) {
      run = 0;
    } else {
      const vowel = (run === 1 && i === 1) || run === 2 ? 'a' : run === 1 && i === units.length - 1 && longA(units, i - 2) ? 'e' : '';
      out += vowel;
      run = vowel ? 1 : run + 1;
    }
    out += u.latin;
  }
  return out.replace(/^'|'$/g, '');
}

function longA(units: readonly Unit[], i: number): boolean {
  return i >= 0 && units[i].vowel && units[i].latin === 'a';
}

function readUnits(chars: readonly string[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < chars.length; i++) {
    // «دويد», «السويدي», «الهويدي»: و then ي between consonants is the diminutive fu'ayl (Duwaid, Suwaidi)
    if (chars[i] === 'و' && chars[i + 1] === 'ي' && chars[i - 1] in CONSONANTS && chars[i + 2] in CONSONANTS) {
      units.push({ latin: 'u', vowel: true }, { latin: 'w', vowel: false }, { latin: 'ai', vowel: true });
      i++;
      continue;
    }
    const u = unit(chars, i);
    if (u) units.push(u);
  }
  return units;
}

const VOWEL_LETTERS = new Set(['ا', 'آ', 'أ', 'إ', 'ى', 'ة']);

function unit(chars: readonly string[], i: number): Unit | undefined {
  const ch = chars[i];
  if (ch in CONSONANTS) return { latin: CONSONANTS[ch], vowel: false };
  const last = i === chars.length - 1;
  switch (ch) {
    case 'ا':
    case 'آ':
    case 'أ':
    case 'ى':
    case 'ة':
      return { latin: 'a', vowel: true };
    case 'ع':
      // «مسعود», «العرعور»: before a long u the press writes o (Masoud, Arour)
      return { latin: chars[i + 1] === 'و' && i > 0 && i + 2 < chars.length ? 'o' : 'a', vowel: true };
    case 'إ':
      return { latin: 'i', vowel: true };
    case 'ئ':
      return { latin: 'e', vowel: true };
    case 'ؤ':
      return { latin: 'u', vowel: true };
    case 'ء':
      return last ? undefined : { latin: "'", vowel: true };
    case 'و':
    case 'ي':
      return glide(ch, chars, i, last);
    default:
      return undefined;
  }
}

/** و/ي: a consonant at the start, after a long vowel or before one; otherwise a vowel. */
function glide(ch: string, chars: readonly string[], i: number, last: boolean): Unit {
  const prev = chars[i - 1];
  const next = chars[i + 1];
  const consonantal = i === 0 || prev === 'ا' || (next !== undefined && VOWEL_LETTERS.has(next));
  if (ch === 'و') return consonantal ? { latin: 'w', vowel: false } : { latin: last ? 'o' : 'u', vowel: true };
  return consonantal ? { latin: 'y', vowel: false } : { latin: 'i', vowel: true };
}
