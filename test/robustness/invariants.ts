// What must hold for every extraction, whatever the input. Plain throws (no vitest `expect`)
// so long-run.ts can use the same checks outside the test runner.
import { isDeepStrictEqual } from 'node:util';
import { ExtractionSchema, type Extraction } from '../../src/schemas/extraction.js';

export class InvariantError extends Error {
  override name = 'InvariantError';
}

function fail(message: string): never {
  throw new InvariantError(message);
}

const show = (s: string) => JSON.stringify(s.length > 80 ? s.slice(0, 80) + '…' : s);

/** Every mention of an extraction, with where it lives. */
export function* mentionsOf(out: Extraction): Generator<[string, { start: number; end: number; text: string }]> {
  for (const p of out.participants) for (const m of p.mentions) yield [`participants.${p.id}`, m];
  for (const l of out.locations) for (const m of l.mentions) yield [`locations.${l.id}`, m];
  for (const r of out.resolutions) for (const m of r.mentions) yield [`resolutions.${r.id}`, m];
  for (const e of out.meetings) for (const m of e.evidence) yield [`meetings.${e.id}.evidence`, m];
}

/** Schema-valid, offsets exact, meeting references resolvable. Returns the number of mentions checked. */
export function checkExtraction(text: string, raw: unknown): number {
  const parsed = ExtractionSchema.safeParse(raw);
  if (!parsed.success) fail(`response outside ExtractionSchema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  const out = parsed.data;
  let n = 0;
  for (const [where, m] of mentionsOf(out)) {
    n++;
    if (!(m.start >= 0 && m.start <= m.end && m.end <= text.length)) fail(`${where}: offsets [${m.start}, ${m.end}) outside the text (length ${text.length})`);
    const got = text.slice(m.start, m.end);
    if (got !== m.text) fail(`${where}: text.slice(${m.start}, ${m.end}) is ${show(got)} but mention.text is ${show(m.text)}`);
  }
  const pids = new Set(out.participants.map((p) => p.id));
  const lids = new Set(out.locations.map((l) => l.id));
  for (const e of out.meetings) {
    for (const id of e.participantIds) if (!pids.has(id)) fail(`meetings.${e.id}: participant ${id} is not in participants`);
    for (const id of e.locationIds) if (!lids.has(id)) fail(`meetings.${e.id}: location ${id} is not in locations`);
  }
  return n;
}

/** Two extractions of the same input must be equal (timings aside). */
export function checkSame(a: unknown, b: unknown): void {
  const strip = (x: unknown) => {
    if (x && typeof x === 'object' && 'debug' in x) {
      const { debug: _d, ...rest } = x as Record<string, unknown>;
      return rest;
    }
    return x;
  };
  if (!isDeepStrictEqual(strip(a), strip(b))) fail('the same input gave two different extractions');
}

/** Runs `f` and returns its result with the elapsed milliseconds. */
export function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

/** A short, printable description of an input for failure messages and repro notes. */
export function describeInput(text: string): string {
  const cps = [...text.slice(0, 40)].map((c) => 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'));
  return `length ${text.length}, starts ${JSON.stringify(text.slice(0, 60))} (${cps.slice(0, 12).join(' ')}${cps.length > 12 ? ' …' : ''})`;
}
