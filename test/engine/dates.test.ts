// Date expressions per language (test/engine/cases/{ar,en}/dates.json): each case is a text, its
// publication date, the expressions expected (text, ISO value, precision) and the reason, run
// through the pipeline up to "match" and the date resolver.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findDates } from '../../src/engine/dates/resolve.js';
import { runUntil } from './fixture-kb.js';

interface Case { name: string; reason: string; date: string; text: string; expect: Array<[string, string, string]> }
const load = (lang: string): Case[] => (JSON.parse(readFileSync(new URL(`./cases/${lang}/dates.json`, import.meta.url), 'utf8')) as { cases: Case[] }).cases;

describe.each(['ar', 'en'])('dates (%s)', (lang) => {
  it.each(load(lang).map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const doc = runUntil('match', { text: c.text, language: lang as 'ar' | 'en', publishedAt: c.date });
    const found = findDates(doc, doc.index, 0, doc.tokens.length);
    expect(found.map((d) => [d.text, d.value, d.precision]), c.reason).toEqual(c.expect);
    for (const d of found) expect(doc.text.slice(doc.tokens[d.first].start, doc.tokens[d.last - 1].end)).toBe(d.text);
  });
});
