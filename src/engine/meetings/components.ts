// The meeting components, in pipeline order: clauses (and who is only mentioned) → triggers →
// drafts (arguments, place and date evidence) → merge (one encounter told several times) → meetings.
import type { Component } from '../pipeline.js';
import { need } from '../pipeline.js';
import { groupBySentence, meetingContext } from './context.js';
import { absentMentions } from './absent.js';
import { findClauses } from './clauses.js';
import { findTriggers, triggerHits } from './triggers.js';
import { buildDrafts } from './drafts.js';
import { mergeDrafts } from './merge.js';
import { assembleMeetings } from './assemble.js';

export const meetingComponents: Component[] = [
  {
    name: 'meeting-clauses',
    requires: ['participants', 'places'],
    run(doc, c) {
      const participants = need(doc.ann.participants, 'participants', 'participants');
      const persons = new Set(participants.filter((p) => p.type === 'person').map((p) => p.id));
      doc.ann.meeting = { persons, absent: new Map(), clauses: new Map(), placesBySentence: new Map(), hits: doc.index.all('lex:meeting-triggers'), triggers: [], drafts: [], merged: [] };
      const mc = meetingContext(doc, c);
      doc.ann.meeting.hits = triggerHits(mc, doc.ann.meeting.hits);
      doc.ann.meeting.absent = absentMentions(mc);
      doc.ann.meeting.clauses = findClauses(meetingContext(doc, c));
      doc.ann.meeting.placesBySentence = groupBySentence(mc, mc.places);
    },
  },
  {
    name: 'meeting-triggers',
    requires: ['meeting-clauses'],
    run(doc, c) {
      const layer = need(doc.ann.meeting, 'meeting layer', 'meeting-clauses');
      layer.triggers = findTriggers(meetingContext(doc, c), layer.hits, layer.clauses);
    },
  },
  {
    name: 'meeting-drafts',
    requires: ['meeting-triggers'],
    run(doc, c) {
      const layer = need(doc.ann.meeting, 'meeting layer', 'meeting-clauses');
      layer.drafts = doc.tokens.length ? buildDrafts(meetingContext(doc, c), layer) : [];
    },
  },
  {
    name: 'meeting-merge',
    requires: ['meeting-drafts'],
    run(doc) {
      const layer = need(doc.ann.meeting, 'meeting layer', 'meeting-clauses');
      layer.merged = mergeDrafts(layer.drafts);
    },
  },
  {
    name: 'meetings',
    requires: ['meeting-merge', 'resolutions'],
    run(doc, c) {
      const layer = need(doc.ann.meeting, 'meeting layer', 'meeting-clauses');
      const features = (doc.ann.features ??= { participants: [], meetings: [], places: [] });
      doc.ann.meetings = assembleMeetings(meetingContext(doc, c), layer, doc.ann.resolutions ?? [], features);
    },
  },
];
