// Binary search over spans sorted by their first token: the index of the first item whose
// `first` is at or after `token` (items.length when none is). Keeps look-ups logarithmic.
export function firstAtOrAfter(items: ReadonlyArray<{ first: number }>, token: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].first < token) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
