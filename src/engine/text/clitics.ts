// Arabic proclitics: conjunctions و ف, prepositions ب ل ك, the article ال and fused «لل».
// A token yields a few analyses (stem + how many normalised units of prefix were split off);
// every analysis is keyed with the same function used for lexicon entries, so
// «وبومبيو», «لروسيا», «للقاهرة» meet «بومبيو», «روسيا», «القاهرة».

export interface Analysis {
  /** Matching key: the stem with the article removed (see arabicKey). */
  key: string;
  /** Normalised code units of proclitics before the stem (the article is not counted). */
  prefix: number;
  /** Which proclitics were split off, e.g. "و+ب", for debugging. */
  clitics: string;
  /** Whether the stem carried the article ال. */
  article: boolean;
}

const MIN_STEM = 2;

/** Key of an Arabic word: the article ال is removed when something meaningful remains. */
export function arabicKey(word: string): string {
  if (word.length > MIN_STEM + 1 && word.startsWith('ال')) return word.slice(2);
  return word;
}

function push(out: Analysis[], stem: string, prefix: number, clitics: string): void {
  if (stem.length < MIN_STEM && prefix > 0) return;
  const article = stem.length > MIN_STEM + 1 && stem.startsWith('ال');
  const key = article ? stem.slice(2) : stem;
  for (const a of out) if (a.key === key) return;
  out.push({ key, prefix, clitics, article });
}

const CACHE_LIMIT = 100_000;
const cache = new Map<string, Analysis[]>();

/** All analyses of a normalised Arabic word, the unsplit reading first (cached, read-only). */
export function analyzeArabic(word: string): Analysis[] {
  let a = cache.get(word);
  if (a === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    a = analyze(word);
    cache.set(word, a);
  }
  return a;
}

function analyze(word: string): Analysis[] {
  const out: Analysis[] = [];
  push(out, word, 0, '');
  const bases: Array<[string, number, string]> = [[word, 0, '']];
  const c0 = word[0];
  if ((c0 === 'و' || c0 === 'ف') && word.length > MIN_STEM + 1) bases.push([word.slice(1), 1, c0]);
  for (const [base, pre, cl] of bases) {
    if (base !== word) push(out, base, pre, cl);
    const b0 = base[0];
    if (base.startsWith('لل') && base.length > MIN_STEM + 2) {
      // «للقاهرة» = ل + (ا)ل + قاهرة: the stem has lost the alef of the article
      push(out, 'ال' + base.slice(2), pre + 1, cl ? `${cl}+لل` : 'لل');
    } else if ((b0 === 'ب' || b0 === 'ل' || b0 === 'ك') && base.length > MIN_STEM + 1) {
      push(out, base.slice(1), pre + 1, cl ? `${cl}+${b0}` : b0);
    }
  }
  return out;
}
