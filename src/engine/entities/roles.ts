// Dated roles from the knowledge base: who held an office on the article's date.
import type { Compiled } from '../compile.js';
import type { Person, Role } from '../../kb/schema.js';

/** Whether a role with partial ISO dates covers `date` (YYYY-MM-DD). */
export function roleActive(role: Role, date: string): boolean {
  if (date.slice(0, role.from.length) < role.from) return false;
  if (role.to && date.slice(0, role.to.length) > role.to) return false;
  return true;
}

export function activeRoles(person: Person, date: string): Role[] {
  return person.roles.filter((r) => roleActive(r, date));
}

export interface HolderIndex {
  /** `${office}|${country or org}` -> [person index, role] */
  byOffice: Map<string, Array<[number, Role]>>;
}

const holderCache = new WeakMap<Compiled, HolderIndex>();

export function holderIndex(c: Compiled): HolderIndex {
  let idx = holderCache.get(c);
  if (idx) return idx;
  idx = { byOffice: new Map() };
  c.people.forEach((p, i) => {
    for (const r of p.roles) {
      for (const where of [r.country, r.org]) {
        if (!where) continue;
        const key = `${r.office}|${where}`;
        let list = idx!.byOffice.get(key);
        if (!list) idx!.byOffice.set(key, (list = []));
        list.push([i, r]);
      }
    }
  });
  holderCache.set(c, idx);
  return idx;
}

/** The person holding `office` for a country or organisation on `date` (one, or none when unsure). */
export function holderOn(c: Compiled, office: string, where: string, date: string): { person: number; role: Role } | undefined {
  const list = holderIndex(c).byOffice.get(`${office}|${where}`);
  if (!list) return undefined;
  const active = list.filter(([, r]) => roleActive(r, date));
  const people = new Set(active.map(([p]) => p));
  if (people.size !== 1) return undefined;
  return { person: active[0][0], role: active[0][1] };
}

/** Among KB people sharing an alias, the one in office on the date, else the most recent. */
export function pickPerson(c: Compiled, candidates: number[], date: string): number {
  if (candidates.length === 1) return candidates[0];
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const i of candidates) {
    const p = c.people[i];
    let score = 0;
    for (const r of p.roles) {
      if (roleActive(r, date)) score = Math.max(score, 1e9);
      const end = r.to ?? '9999';
      // closest term to the date
      const distance = Math.abs(Date.parse(date) - Date.parse((end < date ? end : r.from).padEnd(10, '-01').slice(0, 10)));
      score = Math.max(score, 1e8 - distance / 8.64e7);
    }
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
