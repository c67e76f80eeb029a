// Candidates: "Kerrys meeting", "Assads forces" — an English possessive that lost its apostrophe,
// on the surname of exactly one known person in office.
import { activeRoles } from '../../entities/roles.js';
import type { PersonContext } from '../context.js';
import type { Candidate } from '../types.js';

export function possessiveSurname(ctx: PersonContext): Candidate[] {
  const { idx, tokens, c, doc } = ctx;
  const out: Candidate[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.script !== 'latin' || !t.cap || t.norm.length < 5 || !t.norm.endsWith('s') || idx.has('person', k) || idx.has('place', k) || idx.has('given', k)) continue;
    // ("Saddam Husseins" is the end of another name, not King Abdullah II bin Al-Hussein)
    const prev = tokens[k - 1];
    if (prev && prev.kind === 'word' && prev.cap && prev.sentence === t.sentence) continue;
    const people = c.surnames.get(t.norm.slice(0, -1));
    if (!people) continue;
    const fits = people.filter((i) => activeRoles(c.people[i], doc.date).length > 0);
    if (fits.length === 1) out.push({ first: k, last: k + 1, prefix: 0, rule: 'name:possessive-surname', confidence: 0.7, priority: 2, kb: fits[0] });
  }
  return out;
}
