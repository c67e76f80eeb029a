// Document-level cues: a name is often introduced once with its evidence («الرئيس … بوتين»,
// a known given name before it) and then repeated bare («… قال بوتين»). Each token's cues are
// recorded under the keys of all its clitic readings («لفرويد» and «فرويد» meet on «فرويد») in
// a small open-addressing table, and every word token then sees the cues of the whole document.
import type { Doc } from '../doc.js';
import { SET_COMMON, SET_PARTICLE, SET_STOP } from './context.js';

export const CUE_AFTER_GIVEN = 1;
export const CUE_PERSON = 2;
export const CUE_AFTER_TITLE = 4;
export const CUE_PLACE = 8;
export const CUE_AFTER_PARTICLE = 16;
export const CUE_GIVEN = 32;

// mask bits of lexMasks (two per kind: start, cover): person 0, place 1, given 2, ambiguous given 3, titles 8, honorifics 9
const PERSON = 0b11;
const PLACE = 0b1100;
const GIVEN = 0b110000;
const GIVEN_ANY = 0b11110000;
const TITLE = (0b11 << 16) | (0b11 << 18);

/** The cues of token k itself (from its left neighbour and its own matches). */
export function ownCues(masks: Uint32Array, sets: Uint8Array, k: number, first: number): number {
  let c = 0;
  const m = masks[k];
  if (m & PERSON) c |= CUE_PERSON;
  if (m & PLACE) c |= CUE_PLACE;
  if (m & GIVEN) c |= CUE_GIVEN;
  if (k > first) {
    const l = masks[k - 1];
    if (l & GIVEN_ANY && !(sets[k] & (SET_STOP | SET_COMMON))) c |= CUE_AFTER_GIVEN;
    if (l & TITLE) c |= CUE_AFTER_TITLE;
    if (sets[k - 1] & SET_PARTICLE) c |= CUE_AFTER_PARTICLE;
  }
  return c;
}

/** Per token: own cues and the cues of every occurrence of the same word in the document. */
export function docCues(doc: Doc, readings: Int32Array[], masks: Uint32Array, sets: Uint8Array, own: Uint8Array, all: Uint8Array): void {
  const n = doc.tokens.length;
  let size = 64;
  while (size < n * 4) size <<= 1;
  const keys = new Int32Array(size);
  const vals = new Uint8Array(size); // 0 = empty slot (cue bits are stored + 64 so a slot is never 0)
  const m = size - 1;
  const slot = (h: number): number => {
    let i = (Math.imul(h, 0x9e3779b1) >>> 0) & m;
    while (vals[i] !== 0 && keys[i] !== h) i = (i + 1) & m;
    return i;
  };
  for (const s of doc.sentences) for (let k = s.first; k < s.last; k++) own[k] = ownCues(masks, sets, k, s.first);
  for (let k = 0; k < n; k++) {
    if (own[k] === 0) continue;
    const r = readings[k];
    for (let j = 0; j < r.length; j++) {
      const i = slot(r[j]);
      keys[i] = r[j];
      vals[i] = (vals[i] | 64 | own[k]) & 0xff;
    }
  }
  for (let k = 0; k < n; k++) {
    if (doc.tokens[k].kind !== 'word') continue;
    const r = readings[k];
    let c = 0;
    for (let j = 0; j < r.length; j++) {
      const v = vals[slot(r[j])];
      if (v !== 0) c |= v & 63;
    }
    all[k] = c;
  }
}
