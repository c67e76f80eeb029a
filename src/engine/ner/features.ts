// Feature extraction over the engine's own tokens. Each token yields ~40 integer feature ids
// (hashed, masked to the model's table): word-level ones cached per normalised form (the form,
// its clitic-split readings, affixes, nisba, word sets), and contextual ones combined from
// per-token hashes (neighbours ±2, shapes, lexicon and knowledge-base matches around it).
import type { GazPlace, Payload } from '../compile.js';
import type { TrieMatch } from '../match/trie.js';
import type { Token } from '../text/tokenize.js';
import { hashRange, hashString, mix } from './hash.js';
import { KIND_COUNT, kindIndex, SET_BLOCKER, SET_COMMON, SET_FIRSTNAME, SET_PARTICLE, SET_STOP, SET_SURNAME, type FeatureContext, type WordInfo } from './context.js';

/** Feature templates (part of the model format: changing them needs retraining). */
export const enum T {
  Bias = 1, Word, Reading, Clitics, Prefix, Suffix, Nisba, Sets, Length, Shape, ShapeL, ShapeR, Shape3,
  WordL, WordR, WordL2, WordR2, StemL, StemR, BigramL, BigramR, First, Lex, LexL, LexR, SetsL, SetsR,
  CapsSentence, WordShape, LexL2, LexR2, StemWord, DocCue, DocCueOther, Trigram, SetBit, TitleBefore, CueBit, PlaceRank,
}

/** Token shapes (Latin case patterns, digits, punctuation, scripts). */
export const enum S { Lower, Cap, Upper, Mixed, Digits, AlnumDigits, Punct, Arabic, Other, Bos, Eos }

const WORD_CACHE_LIMIT = 200_000;

export interface Features {
  /** Feature ids of token k: ids[offsets[k] .. offsets[k + 1]). */
  offsets: Int32Array;
  ids: Int32Array;
}

function f1(t: number, a: number): number {
  return mix(Math.imul(t, 0x2545f491), a) | 0;
}
function f2(t: number, a: number, b: number): number {
  return mix(mix(Math.imul(t, 0x2545f491), a), b) | 0;
}

/** Word-level features of a normalised form (cached). */
export function wordInfo(ctx: FeatureContext, t: Token): WordInfo {
  let w = ctx.words.get(t.norm);
  if (w !== undefined) return w;
  if (ctx.words.size >= WORD_CACHE_LIMIT) ctx.words.clear();
  w = computeWordInfo(ctx, t);
  ctx.words.set(t.norm, w);
  return w;
}

function computeWordInfo(ctx: FeatureContext, t: Token): WordInfo {
  const norm = t.norm;
  const hash = t.kind === 'number' ? mix(0x6e756d, norm.length) : hashString(norm);
  const analyses = t.analyses;
  const stemKey = analyses[analyses.length - 1].key;
  const stem = t.kind === 'number' ? hash : hashString(stemKey);
  let sets = 0;
  for (const a of analyses) {
    if (ctx.particles.has(a.key)) sets |= SET_PARTICLE;
    if (ctx.common.has(a.key)) sets |= SET_COMMON;
    if (ctx.stop.has(a.key)) sets |= SET_STOP;
    if (ctx.blockers.has(a.key)) sets |= SET_BLOCKER;
    if (ctx.surnames.has(a.key)) sets |= SET_SURNAME;
    if (ctx.firstNames.has(a.key)) sets |= SET_FIRSTNAME;
  }
  // the form, the stem and every reading under one template («لفرويد» and «فرويد» share Reading(فرويد))
  const feats: number[] = [f1(T.Word, hash), f1(T.StemWord, stem)];
  for (const a of analyses) feats.push(f1(T.Reading, hashString(a.key)));
  feats.push(f1(T.Sets, sets), f1(T.Length, Math.min(norm.length, 10)));
  for (let b = 1; b <= sets; b <<= 1) if (sets & b) feats.push(f1(T.SetBit, b));
  for (let k = 1; k < analyses.length; k++) feats.push(f1(T.Clitics, hashString(analyses[k].clitics) + (analyses[k].article ? 1 : 0)));
  if (analyses[0].article) feats.push(f1(T.Clitics, 7));
  if (t.kind === 'word') {
    const n = stemKey.length;
    for (let k = 1; k <= 3 && k < n; k++) feats.push(f2(T.Prefix, k, hashRange(stemKey, 0, k)));
    for (let k = 1; k <= 4 && k < n; k++) feats.push(f2(T.Suffix, k, hashRange(stemKey, n - k, n)));
    // letter trigrams of the stem, edges marked: transliterated names share «-وف», «سكي», «-يتش»
    if (n >= 3) for (let k = -1; k + 3 <= n + 1; k++) feats.push(f2(T.Trigram, k < 0 ? 1 : k + 3 > n ? 2 : 0, hashRange(stemKey, Math.max(0, k), Math.min(n, k + 3))));
    const key0 = analyses[0].key;
    if (t.script === 'ar' && key0 !== stemKey) {
      for (let k = 2; k <= 3 && k < key0.length; k++) feats.push(f2(T.Prefix, k + 8, hashRange(key0, 0, k)));
    }
    if (t.script === 'ar' && n >= 4) {
      // nisba adjectives and names: «السوري», «الهاشمي», «السورية»
      if (stemKey.endsWith('يه')) feats.push(f2(T.Nisba, 2, analyses[analyses.length - 1].article ? 1 : 0));
      else if (stemKey.endsWith('ي')) feats.push(f2(T.Nisba, 1, analyses[analyses.length - 1].article ? 1 : 0));
    }
  }
  const readings = Int32Array.from(analyses.map((a) => hashString(a.key) | 0));
  return { hash, stem, sets, readings, feats: Int32Array.from(feats), ...neighbourFeats(hash, stem, sets) };
}

/** What a word contributes to the tokens around it (as left neighbour at k-1, k-2; as right at k+1, k+2). */
export function neighbourFeats(hash: number, stem: number, sets: number): Pick<WordInfo, 'asL1' | 'asR1' | 'asL2' | 'asR2'> {
  return {
    asL1: Int32Array.of(f1(T.WordL, hash), f1(T.StemL, stem), f1(T.SetsL, sets)),
    asR1: Int32Array.of(f1(T.WordR, hash), f1(T.StemR, stem), f1(T.SetsR, sets)),
    asL2: Int32Array.of(f1(T.WordL2, hash)),
    asR2: Int32Array.of(f1(T.WordR2, hash)),
  };
}

const BOUNDARY = 0x5bd1e995 | 0;
/** The pseudo-word beyond either end of a sentence. */
export const EDGE: WordInfo = { hash: BOUNDARY, stem: BOUNDARY, sets: 255, readings: new Int32Array(0), feats: new Int32Array(0), ...neighbourFeats(BOUNDARY, BOUNDARY, 255) };

/** Shape of a token from the original text (case needs the original letters). */
export function shapeOf(text: string, t: Token): number {
  if (t.kind === 'punct') return S.Punct;
  if (t.script === 'ar') return S.Arabic;
  if (t.kind === 'number') return t.end - t.start <= 4 ? S.Digits : S.AlnumDigits;
  let upper = 0;
  let lower = 0;
  for (let i = t.start; i < t.end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  if (upper + lower === 0) return t.cap ? S.Cap : t.script === 'latin' ? S.Lower : S.Other;
  if (upper === 0) return S.Lower;
  if (lower === 0) return upper === 1 && t.end - t.start === 1 ? S.Cap : S.Upper;
  return upper === 1 && t.cap ? S.Cap : S.Mixed;
}

/** Per token: two bits per payload kind (bit 2k: a match of kind k starts here; 2k+1: one covers it). */
export function lexMasks(n: number, matches: readonly TrieMatch<Payload>[]): Uint32Array {
  const masks = new Uint32Array(n);
  for (const m of matches) {
    const ps = m.payloads;
    let bits = 0;
    for (let i = 0; i < ps.length; i++) bits |= 1 << kindIndex(ps[i]);
    for (let k = 0; k < KIND_COUNT; k++) {
      if ((bits & (1 << k)) === 0) continue;
      masks[m.first] |= 1 << (2 * k);
      for (let j = m.first + 1; j < m.last; j++) masks[j] |= 1 << (2 * k + 1);
    }
  }
  return masks;
}

/** Rank of a gazetteer place: 4 country, 3 capital or a million people, 2 100,000, 1 other. */
function placeRank(p: GazPlace): number {
  if (p.country !== undefined) return 4;
  if (p.capital || p.population >= 1_000_000) return 3;
  return p.population >= 100_000 ? 2 : 1;
}

/** Per token: the best rank of a place match starting there (bits 0-2) and of one covering it after its start (bits 3-5). */
export function placeRanks(ctx: FeatureContext, n: number, matches: readonly TrieMatch<Payload>[]): Uint8Array {
  const out = new Uint8Array(n);
  for (const m of matches) {
    let r = 0;
    for (const p of m.payloads) if (p.kind === 'place') r = Math.max(r, placeRank(ctx.places[p.place]));
    if (r === 0) continue;
    if ((out[m.first] & 7) < r) out[m.first] = (out[m.first] & ~7) | r;
    for (let j = m.first + 1; j < m.last; j++) if (out[j] >> 3 < r) out[j] = (out[j] & 7) | (r << 3);
  }
  return out;
}
