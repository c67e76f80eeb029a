// The tag set: BIO over PER, LOC, ORG. Label 0 is O; 2k+1 is B-type k, 2k+2 is I-type k.
export const ENTITY_TYPES = ['PER', 'LOC', 'ORG'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
export const NUM_LABELS = LABELS.length;

export function isBegin(label: number): boolean {
  return label > 0 && (label & 1) === 1;
}
export function isInside(label: number): boolean {
  return label > 0 && (label & 1) === 0;
}
/** Entity type index of a B or I label (-1 for O). */
export function typeOf(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 1;
}
export function beginOf(type: number): number {
  return 2 * type + 1;
}
export function insideOf(type: number): number {
  return 2 * type + 2;
}
/** Whether label b may follow label a (an I-X only after B-X or I-X; -1 = sentence start). */
export function allowed(a: number, b: number): boolean {
  if (!isInside(b)) return true;
  return a >= 0 && typeOf(a) === typeOf(b);
}

/** Label index of a corpus tag (PERS→PER, MISC and unknown types → O). */
export function labelOfTag(prefix: 'B' | 'I', type: string): number {
  const t = type === 'PERS' ? 'PER' : type;
  const k = (ENTITY_TYPES as readonly string[]).indexOf(t);
  if (k < 0) return 0;
  return prefix === 'B' ? beginOf(k) : insideOf(k);
}

/** Entity spans [first, last) of a label sequence (labels are valid BIO). */
export function spansOf(labels: ArrayLike<number>, from = 0, to = labels.length): Array<{ first: number; last: number; type: number }> {
  const out: Array<{ first: number; last: number; type: number }> = [];
  let k = from;
  while (k < to) {
    const l = labels[k];
    if (l === 0) {
      k++;
      continue;
    }
    const type = typeOf(l);
    let e = k + 1;
    while (e < to && labels[e] === insideOf(type)) e++;
    out.push({ first: k, last: e, type });
    k = e;
  }
  return out;
}
