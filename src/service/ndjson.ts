// NDJSON streaming: split a byte stream into lines with a per-line size cap, and run an
// async job per line with bounded concurrency, yielding results in input order.
// Memory is bounded by (concurrency + stream buffers) x line size, however many lines come.

/** One line of an NDJSON body; `line` is its 1-based physical line number (blank lines counted). */
export type Line = { kind: 'line'; text: string; line: number } | { kind: 'too-long'; bytes: number; line: number } | { kind: 'bad-encoding'; line: number };

/**
 * Lines of `source` (UTF-8, \n or \r\n). Blank lines are skipped (but counted in the line
 * numbers); a line over maxBytes is skipped up to its end and reported; a line that is not
 * valid UTF-8 is reported, never decoded with replacement characters.
 */
export async function* splitLines(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let size = 0;
  let dropping = false;
  let dropped = 0;
  let lineNo = 0;
  const flush = (): Line | undefined => {
    lineNo++;
    if (dropping) {
      const out: Line = { kind: 'too-long', bytes: dropped, line: lineNo };
      dropping = false;
      dropped = 0;
      return out;
    }
    const buf = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    let text: string;
    try {
      text = decoder.decode(buf);
    } catch {
      return { kind: 'bad-encoding', line: lineNo };
    }
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return /\S/.test(text) ? { kind: 'line', text, line: lineNo } : undefined;
  };
  for await (const chunk of source) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (;;) {
      const nl = buf.indexOf(0x0a);
      const piece = nl === -1 ? buf : buf.subarray(0, nl);
      if (dropping) dropped += piece.length;
      else if (size + piece.length > maxBytes) {
        dropping = true;
        dropped = size + piece.length;
        parts = [];
        size = 0;
      } else if (piece.length > 0) {
        parts.push(piece);
        size += piece.length;
      }
      if (nl === -1) break;
      const line = flush();
      if (line) yield line;
      buf = buf.subarray(nl + 1);
    }
  }
  if (dropping || size > 0) {
    const line = flush();
    if (line) yield line;
  }
}

/** Runs `job` on every item with at most `concurrency` in flight; yields results in input order. `job` must not reject. */
export async function* mapOrdered<T, R>(items: AsyncIterable<T>, concurrency: number, job: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let index = 0;
  for await (const item of items) {
    pending.push(job(item, index++));
    if (pending.length >= concurrency) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}

/** Like mapOrdered over an array, collecting the results. */
export async function mapLimit<T, R>(items: readonly T[], concurrency: number, job: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}
