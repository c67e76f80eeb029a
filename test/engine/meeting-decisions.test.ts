// Per-decision case files for meetings (test/engine/cases/{ar,en}/meetings/*.json): each case is
// a text, its publication date, the expected meetings and the reason, run through the pipeline
// up to "meetings" on the miniature knowledge base. People are checked exactly, in any order.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Meeting, Participant } from '../../src/schemas/extraction.js';
import type { Doc } from '../../src/engine/doc.js';
import { runUntil } from './fixture-kb.js';

interface Want {
  people: string[];
  type?: string;
  place?: string;
  noPlace?: boolean;
  date?: string;
  dateSource?: string;
  noDate?: boolean;
  minutes?: number;
  status?: string;
  absent?: string[];
}
interface Case { name: string; reason: string; date?: string; text: string; expect: Want[] }
interface CaseFile { decision: string; cases: Case[] }

const dir = (lang: string) => new URL(`./cases/${lang}/meetings/`, import.meta.url);
const files = (lang: string) => readdirSync(dir(lang)).filter((f) => f.endsWith('.json')).sort();
// the written name when the English one is only a romanisation (the cases name people as the text does)
const nameOf = (p: Participant) => (p.names.source === 'transliteration' ? p.name : (p.names.en ?? p.name));

function check(doc: Doc, c: Case): void {
  const participants = doc.ann.participants!;
  const meetings: Meeting[] = doc.ann.meetings!;
  const byId = new Map(participants.map((p) => [p.id, nameOf(p)]));
  const locById = new Map(doc.ann.locations!.items.map((l) => [l.id, l.names.en ?? l.name]));
  const got = meetings.map((m) => m.participantIds.map((id) => byId.get(id)!).sort());
  expect(got, c.reason).toEqual(c.expect.map((w) => [...w.people].sort()));
  c.expect.forEach((want, i) => {
    const m = meetings[i];
    if (want.type) expect(m.type, c.reason).toBe(want.type);
    if (want.place) expect(m.locationIds.map((id) => locById.get(id)), c.reason).toContain(want.place);
    if (want.noPlace) expect(m.locationIds, c.reason).toEqual([]);
    if (want.date) expect(m.date?.value, c.reason).toBe(want.date);
    if (want.noDate) expect(m.date, c.reason).toBeUndefined();
    if (want.dateSource) expect((m.date as { source?: string } | undefined)?.source, c.reason).toBe(want.dateSource);
    if (want.minutes) expect(m.duration?.minutes, c.reason).toBe(want.minutes);
    if (want.status) expect(m.status, c.reason).toBe(want.status);
  });
  for (const m of meetings) for (const e of m.evidence) expect(doc.text.slice(e.start, e.end)).toBe(e.text);
}

describe.each(['ar', 'en'])('meeting decisions (%s)', (lang) => {
  describe.each(files(lang))('%s', (file) => {
    const f = JSON.parse(readFileSync(new URL(file, dir(lang)), 'utf8')) as CaseFile;
    it.each(f.cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
      check(runUntil('meetings', { text: c.text, language: lang as 'ar' | 'en', ...(c.date ? { publishedAt: c.date } : {}) }), c);
    });
  });
});
