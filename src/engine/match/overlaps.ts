// One function resolves overlapping candidate spans (spaCy's filter_spans): longest
// first, then earliest; ties keep the earlier candidate in the input order (priority).
export interface TokenRange {
  first: number;
  last: number;
}

export function filterSpans<T extends TokenRange>(spans: T[], taken?: Uint8Array): T[] {
  const order = spans.map((_, i) => i);
  order.sort((a, b) => {
    const la = spans[a].last - spans[a].first;
    const lb = spans[b].last - spans[b].first;
    return lb - la || spans[a].first - spans[b].first || a - b;
  });
  let maxLast = 0;
  for (const s of spans) if (s.last > maxLast) maxLast = s.last;
  const used = taken ?? new Uint8Array(maxLast);
  const kept: T[] = [];
  for (const i of order) {
    const s = spans[i];
    let free = true;
    for (let k = s.first; k < s.last; k++) if (used[k]) { free = false; break; }
    if (!free) continue;
    for (let k = s.first; k < s.last; k++) used[k] = 1;
    kept.push(s);
  }
  kept.sort((a, b) => a.first - b.first);
  return kept;
}
