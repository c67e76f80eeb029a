// The person components, in pipeline order: titles → candidates → vetoes → spans (one overlap
// resolution) → entities (linking and roles) → coreference passes (names, counterparts, titles
// alone), each returning merges that `applyMerges` carries out → participants (assembly).
import type { Component } from '../pipeline.js';
import { need } from '../pipeline.js';
import type { Doc } from '../doc.js';
import { filterSpans } from '../match/overlaps.js';
import { personContext } from './context.js';
import { findTitles } from './titles.js';
import { organizations, personCandidates } from './candidates/index.js';
import { applyVetoes } from './vetoes.js';
import { buildEntities } from './entities.js';
import { applyMerges } from './merges.js';
import { nameMerges } from './coref/names.js';
import { counterpartMerges } from './coref/counterparts.js';
import { titleOnlyMerges, unnamedOfficials } from './coref/title-only.js';
import { titleAnaphoraMerges } from './coref/title-anaphora.js';
import { assembleParticipants } from './participants.js';
import type { PersonLayer, TitleUse } from './types.js';

const layerOf = (doc: Doc): PersonLayer => need(doc.ann.persons, 'person layer', 'titles');

export const personComponents: Component[] = [
  {
    name: 'titles',
    requires: ['match'],
    run(doc, c) {
      const ctx = personContext(doc, c);
      const titles = findTitles(ctx);
      const titleAt = new Map<number, TitleUse>();
      for (const t of titles) {
        if (!titleAt.has(t.first)) titleAt.set(t.first, t);
        if (!titleAt.has(t.hit.first)) titleAt.set(t.hit.first, t);
      }
      const demonyms = new Set<string>();
      for (const h of doc.index.all('demonym')) for (const p of h.payloads) if (p.kind === 'demonym') demonyms.add(p.country);
      // titles tie the story to countries too («خادم الحرمين الشريفين», «ولي العهد السعودي»)
      for (const t of titles) if (t.role.country) demonyms.add(t.role.country);
      doc.ann.demonymCountries = demonyms;
      doc.ann.persons = {
        titles, titleAt, titleBefore: new Map(), usedTitles: new Set(), candidates: [], kept: [],
        entities: new Map(), mentions: [], covered: new Uint8Array(doc.tokens.length), blocking: [],
      };
    },
  },
  {
    name: 'person-candidates',
    requires: ['titles'],
    run(doc, c) {
      const layer = layerOf(doc);
      layer.candidates = personCandidates(personContext(doc, c), { titles: layer.titles, demonymCountries: doc.ann.demonymCountries! });
      for (const k of layer.candidates) if (k.title) layer.titleBefore.set(k.first, k.title);
    },
  },
  {
    name: 'person-vetoes',
    requires: ['person-candidates'],
    run(doc, c) {
      const layer = layerOf(doc);
      layer.candidates = applyVetoes(personContext(doc, c), layer.candidates, layer.blocking);
    },
  },
  {
    name: 'person-spans',
    requires: ['person-vetoes'],
    run(doc, c) {
      const layer = layerOf(doc);
      const ordered = [...layer.candidates].sort((a, b) => a.priority - b.priority);
      layer.kept = filterSpans([...ordered, ...organizations(personContext(doc, c))]);
    },
  },
  {
    name: 'person-entities',
    requires: ['person-spans'],
    run(doc, c) {
      buildEntities(personContext(doc, c), layerOf(doc));
    },
  },
  {
    name: 'coref-names',
    requires: ['person-entities'],
    run(doc, c) {
      const layer = layerOf(doc);
      applyMerges(layer, nameMerges(personContext(doc, c), layer));
    },
  },
  {
    name: 'coref-counterparts',
    requires: ['coref-names'],
    run(doc, c) {
      const layer = layerOf(doc);
      applyMerges(layer, counterpartMerges(personContext(doc, c), layer));
    },
  },
  {
    name: 'coref-titles',
    requires: ['coref-counterparts'],
    run(doc, c) {
      const layer = layerOf(doc);
      const ctx = personContext(doc, c);
      doc.ann.unnamedOfficials = unnamedOfficials(ctx, layer);
      applyMerges(layer, titleOnlyMerges(ctx, layer));
      applyMerges(layer, titleAnaphoraMerges(ctx, layer));
    },
  },
  {
    name: 'participants',
    requires: ['coref-titles'],
    run(doc, c) {
      const layer = layerOf(doc);
      const features = (doc.ann.features ??= { participants: [], meetings: [], places: [] }).participants;
      doc.ann.participants = assembleParticipants(c, doc, layer, features);
      doc.ann.personMentions = layer.mentions;
      doc.ann.blocking = layer.blocking;
    },
  },
];
