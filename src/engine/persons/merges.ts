// The one place where coreference conclusions are carried out: entities merged into others
// (spans, names, roles and confidence move over), new mentions attached (creating the knowledge-
// base person they name when needed), roles added. Mentions keep pointing at the surviving entity.
import type { PersonLayer } from './types.js';
import type { Merge } from './types.js';
import { entity } from './entities.js';
import { addRole } from './util.js';

export function applyMerges(layer: PersonLayer, merges: readonly Merge[]): void {
  const mergedInto = new Map<string, string>();
  const resolve = (key: string) => {
    let k = key;
    while (mergedInto.has(k)) k = mergedInto.get(k)!;
    return k;
  };
  for (const m of merges) {
    if (m.kind === 'entity') {
      const from = layer.entities.get(m.from);
      const into = layer.entities.get(resolve(m.into));
      if (!from || !into || from === into) continue;
      into.spans.push(...from.spans);
      (into.names ??= []).push(...(from.names ?? []));
      for (const r of from.textRoles) addRole(into, r);
      for (const t of from.bareTitles ?? []) (into.bareTitles ??= new Set()).add(t);
      into.confidence = Math.max(into.confidence, from.confidence);
      for (const r of from.rules ?? []) (into.rules ??= new Set()).add(r);
      mergedInto.set(m.from, into.key);
      layer.entities.delete(m.from);
      continue;
    }
    const key = resolve(m.into);
    const e = m.kind === 'mention' && m.kb !== undefined ? entity(layer, key, () => ({ type: 'person', kb: m.kb, confidence: 0 })) : layer.entities.get(key);
    if (!e) continue;
    if (m.kind === 'mention' && m.confidence !== undefined) e.confidence = Math.max(e.confidence, m.confidence);
    if (m.role) addRole(e, m.role);
    (e.rules ??= new Set()).add(`via:${m.mention.via}`);
    e.spans.push(m.kind === 'mention' ? m.mention.span : m.span);
    m.mention.pid = key;
    layer.mentions.push(m.mention);
    if (m.kind === 'mention' && m.covers) {
      for (let i = m.mention.first; i < m.mention.last; i++) layer.covered[i] = 1;
      layer.blocking.push({ first: m.mention.first, last: m.mention.last });
    }
  }
  if (mergedInto.size) for (const mm of layer.mentions) mm.pid = resolve(mm.pid);
  layer.mentions.sort((a, b) => a.first - b.first);
}
