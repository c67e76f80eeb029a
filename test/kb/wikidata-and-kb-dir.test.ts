// The Wikidata converter, and a deployment's KB_DIR merged at start-up (validated, errors named).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/kb/wikidata/convert.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { createEngine } from '../../src/engine/index.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('Wikidata converter', () => {
  const file = convert(fixture('wikidata-sample.json'), fixture('wikidata-positions.json'), 'test sample');
  it('takes labels and aliases in both languages, gender and the id', () => {
    expect(file.people).toHaveLength(1); // the entity without labels is skipped
    const p = file.people[0];
    expect(p).toMatchObject({ id: 'aurelia-vantsen', wikidata: 'Q990000001', gender: 'f' });
    expect(p.names.en).toEqual(['Aurelia Vantsen', 'Aurelia Vantssen']);
    expect(p.names.ar).toEqual(['أوريليا فانتسن', 'فانتسن']);
  });
  it('maps P39 positions with P580/P582 at their precision, skipping unmapped and deprecated ones', () => {
    const roles = file.people[0].roles;
    expect(roles).toEqual([
      { office: 'foreign-minister', title: 'Foreign Minister', titleAr: 'وزيرة الخارجية', country: 'NO', from: '2019-03-01', to: '2023' },
      { office: 'head-of-government', title: 'Prime Minister', country: 'NO', from: '2023-06' },
    ]);
  });
});

describe('KB_DIR: a deployment adds people without rebuilding', () => {
  it('merges converted people and the engine finds them with their dated role', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbdir-'));
    writeFileSync(join(dir, 'extra-people.json'), JSON.stringify(convert(fixture('wikidata-sample.json'), fixture('wikidata-positions.json'), 'test sample')));
    const kb = loadKnowledgeBase({ extraDir: dir });
    expect(kb.people.some((p) => p.id === 'aurelia-vantsen')).toBe(true);
    const out = createEngine(kb).extract({ text: 'Norwegian Foreign Minister Aurelia Vantsen met reporters in Oslo. Vantsen said talks would resume.', publishedAt: '2020-05-01' });
    const p = out.participants.find((x) => x.kbId === 'aurelia-vantsen');
    expect(p?.mentions.map((m) => m.text)).toEqual(['Aurelia Vantsen', 'Vantsen']);
    expect(p?.roles.some((r) => r.source === 'knowledge-base' && r.office === 'foreign-minister' && r.country === 'NO')).toBe(true);
  });
  it('stops with the file and the field named when a file is bad', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbdir-'));
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ source: 'x', people: [{ id: 'Bad Id', names: { en: ['X'] } }] }));
    expect(() => loadKnowledgeBase({ extraDir: dir })).toThrow(/broken\.json: field \.people\[0\]\.id/);
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    expect(() => loadKnowledgeBase({ extraDir: dir })).toThrow(/broken\.json: not valid JSON/);
  });
});
