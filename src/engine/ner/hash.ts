// Integer hashing of feature values: a word is hashed once (FNV-1a over its UTF-16 units),
// then combined with a template id and other values by a 32-bit mixer. No strings are built
// per feature; the result is masked to the model's table of 2^bits feature rows.

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hash of s.slice(from, to) without slicing. */
export function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes a value into a running hash (murmur3-style finaliser). */
export function mix(h: number, v: number): number {
  let x = (h ^ Math.imul(v, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
