// Coreference of names: «زيد الطريفي» after «عادل بن زيد الطريفي» (the end of a longer name),
// "Ahmed al-Jarba" and "Ahmad Jarba" (one person spelled two ways), a one-word name that is the
// surname of a fuller one («بومبيو» found alone is the «مايك بومبيو» of another mention), and
// surnames on their own in the running text ("Jeffrey" after "Jim Jeffrey").
import type { PersonContext } from '../context.js';
import type { Entity, Merge, PersonLayer } from '../types.js';
import { mentionOf } from '../entities.js';

export function nameMerges(ctx: PersonContext, layer: PersonLayer): Merge[] {
  const { surnames, givenNames, articleSurnames, articleOnly } = nameWordIndexes(ctx, layer);
  const merges: Merge[] = [];
  const bySuffix = suffixIndex(layer.entities.values());
  const bySkeleton = new Map<string, string>();
  for (const f of unknownNames(layer.entities.values())) {
    const sk = skeleton(f.key.slice(5));
    if (sk && !bySkeleton.has(sk)) bySkeleton.set(sk, f.key);
  }
  const mergedInto = new Map<string, string>();
  for (const b of unknownNames(layer.entities.values())) {
    const key = b.key.slice(5);
    let target = key.includes(' ') ? undefined : surnames.get(key) || (royalTitled(ctx, b) ? givenNames.get(key) : undefined);
    if (key.includes(' ')) {
      const longer = bySuffix.get(key);
      if (longer?.length === 1) target = longer[0];
      else {
        const sk = skeleton(key);
        if (sk) target = bySkeleton.get(sk);
      }
    }
    while (target && mergedInto.has(target)) target = mergedInto.get(target);
    if (!target || target === b.key || !layer.entities.has(target)) continue;
    merges.push({ kind: 'entity', from: b.key, into: target });
    mergedInto.set(b.key, target);
  }
  if (surnames.size > 0 || articleSurnames.size > 0) merges.push(...surnameMentions(ctx, layer, surnames, articleSurnames, articleOnly));
  return merges;
}

/**
 * Over every multi-word person mention: its surname (the last word, or the first of a name that puts
 * the family name first) and its first word -> its entity ('' when two people share the word). An
 * Arabic surname that is also a common word («وليد المعلم») is kept apart: alone it
 * names the person only as written in the name, with its article («المعلم», not «معلم»).
 */
function nameWordIndexes(ctx: PersonContext, layer: PersonLayer): { surnames: Map<string, string>; givenNames: Map<string, string>; articleSurnames: Map<string, string>; articleOnly: Map<string, boolean> } {
  const { tokens, lex, idx } = ctx;
  const surnames = new Map<string, string>();
  const givenNames = new Map<string, string>();
  const articleSurnames = new Map<string, string>();
  // Arabic surnames as the names write them: with the article every time («الأسد»), or not
  const articleOnly = new Map<string, boolean>();
  const written = (k: number) => {
    const a = tokens[k].analyses[0];
    if (tokens[k].script === 'ar') articleOnly.set(a.key, (articleOnly.get(a.key) ?? true) && a.article);
  };
  for (const m of layer.mentions) {
    const e = layer.entities.get(m.pid);
    if (e?.type !== 'person') continue;
    // "President Reagan": a one-word name linked to a known person, when it is that person's surname
    if (m.last - m.first === 1) {
      if (e.kb !== undefined && knownSurname(ctx, e.kb, m.first) && !lex.stop.has(tokens[m.first].analyses[0].key)) {
        note(surnames, tokens[m.first].analyses[0].key, m.pid);
        written(m.first);
      }
      continue;
    }
    if (tokens[m.first].kind === 'word') note(givenNames, tokens[m.first].analyses[0].key, m.pid);
    // "Xi Jinping" -> "Xi", «لي كيتشيانغ» -> «لي»: the family name of a Chinese or Korean name comes first
    const first = familyNameFirst(ctx, e);
    const at = first ? m.first : m.last - 1;
    const t = tokens[at];
    const key = t.analyses[0].key;
    // (a surname that is a place or a demonym, «اليمني», "the Yemeni", stands alone for the adjective far more often than for the person)
    // ("Oliver North": an English surname that is also a function word is followed alone only where
    // it can only be the name, see surnameMentions; never one that is also a date, "Theresa May")
    const stopName = t.script === 'latin' && lex.stop.has(key) && !idx.has('lex:dates', at);
    if (t.kind !== 'word' || key.length < (first ? 2 : 3) || (lex.stop.has(key) && !stopName) || lex.particles.has(key) || placeWord(ctx, at) || idx.has('demonym', at)) continue;
    // «عبدالله بن صالح», «فيصل آل سعود»: the word after «بن» or «آل» is the father's name, or the family's
    // with its particle, not a surname alone («سعود» alone is a prince Saud; «دي ميستورا» is still Mistura)
    if (!first && at > m.first && (ctx.doc.words.nasab.has(tokens[at - 1]) || ctx.doc.words.nasabLinks.has(tokens[at - 1]))) continue;
    // «سيف الإسلام», «نور الدين»: the end of a compound given name is no family name («الإسلام» alone is Islam)
    if (ctx.doc.words.compoundNameTails.has(t)) continue;
    if (!lex.common.has(key)) {
      note(surnames, key, m.pid);
      written(at);
    } else if (t.script === 'ar' && t.analyses[0].article) note(articleSurnames, key, m.pid);
  }
  return { surnames, givenNames, articleSurnames, articleOnly };
}

/**
 * Whether the word at `k` names a place too well to be followed alone as a surname: any place in
 * Arabic; in English, a country, a region, a capital or a large town — not a word that only names
 * small towns ("Wright", "Oakley": the Speaker and the trade representative, not towns in Texas and California).
 */
function placeWord(ctx: PersonContext, k: number): boolean {
  const h = ctx.idx.at('place', k);
  if (!h) return false;
  if (ctx.tokens[k].script !== 'latin') return true;
  for (const p of h.payloads) {
    if (p.kind !== 'place') continue;
    const place = ctx.c.places[p.place];
    if (place.type !== 'city' || place.capital || place.venue || place.population >= 100_000) return true;
  }
  return false;
}

/** Whether token `k` is the last word of one of the knowledge-base person's names (the compiled surname table). */
function knownSurname(ctx: PersonContext, kb: number, k: number): boolean {
  const a = ctx.tokens[k].analyses[0];
  return ctx.tokens[k].kind === 'word' && a.prefix === 0 && (ctx.c.surnames.get(a.key)?.includes(kb) ?? false);
}

/** Word -> the one entity it belongs to, or '' once a second entity shares it. */
function note(index: Map<string, string>, key: string, pid: string): void {
  if (!index.has(key)) index.set(key, pid);
  else if (index.get(key) !== pid) index.set(key, '');
}

/** Whether the person is a knowledge-base person of a country whose names put the family name first (word set family-name-first). */
function familyNameFirst(ctx: PersonContext, e: Entity): boolean {
  const p = e.kb !== undefined ? ctx.c.people[e.kb] : undefined;
  const order = ctx.doc.words.familyNameFirst;
  return !!p && p.roles.length > 0 && p.roles.every((r) => r.country !== undefined && order.hasNorm(r.country.toLowerCase()));
}

/**
 * "Prince Abdullah" after "Crown Prince Abdullah bin Abdul Aziz", «الشيخ تميم» after «الشيخ تميم بن
 * حمد»: a royal is named by title and given name (word set royal-titles: the last word of the title).
 */
function royalTitled(ctx: PersonContext, e: Entity): boolean {
  const royal = ctx.doc.words.royalTitles;
  return e.textRoles.some((r) => royal.hasNorm(r.title.split(' ').pop()!.toLowerCase()));
}

/** Proper multi-word suffixes of unknown names -> the (at most two) full names ending with them. */
function suffixIndex(entities: Iterable<Entity>): Map<string, string[]> {
  const bySuffix = new Map<string, string[]>();
  for (const f of unknownNames(entities)) {
    const words = f.key.slice(5).split(' ');
    for (let i = 1; i + 2 <= words.length; i++) {
      const suffix = words.slice(i).join(' ');
      const list = bySuffix.get(suffix);
      if (!list) bySuffix.set(suffix, [f.key]);
      else if (list.length < 2 && !list.includes(f.key)) list.push(f.key);
    }
  }
  return bySuffix;
}

function* unknownNames(entities: Iterable<Entity>): Iterable<Entity> {
  for (const e of [...entities]) if (e.type === 'person' && e.kb === undefined && e.key.startsWith('name:')) yield e;
}

/** Surnames alone in the text, on tokens no mention covers. */
function surnameMentions(ctx: PersonContext, layer: PersonLayer, surnames: Map<string, string>, articleSurnames: Map<string, string>, articleOnly: Map<string, boolean>): Merge[] {
  const out: Merge[] = [];
  // tokens inside a title («الأمين العام»), only needed when a common-word surname is followed
  let inTitle: Uint8Array | undefined;
  if (articleSurnames.size > 0) {
    inTitle = new Uint8Array(ctx.tokens.length);
    for (const u of layer.titles) inTitle.fill(1, u.first, u.last);
  }
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (layer.covered[i]) continue;
    const t = ctx.tokens[i];
    if (t.kind !== 'word' || (t.script === 'latin' && !t.cap)) continue;
    // "the Reagan administration", "the Thatcher era": the name of a government, not its person
    const next = ctx.tokens[i + 1];
    if (t.script === 'latin' && next?.sentence === t.sentence && ctx.lex.blockers.has(next.norm)) continue;
    // "North's boss", "assisted North in": an English surname that is also a function word, capitalised
    // inside its sentence, after no determiner ("the North") and before no other capitalised word ("North Korea")
    if (t.script === 'latin' && ctx.lex.stop.has(t.analyses[0].key) && !stopWordName(ctx, i)) continue;
    for (const a of t.analyses) {
      // («أسد», a lion, is not «الأسد»: a surname every name writes with the article is followed only with it)
      const pid = (a.article || !articleOnly.get(a.key) ? surnames.get(a.key) : undefined) || (a.article && inTitle && !inTitle[i] ? articleSurnames.get(a.key) : undefined);
      if (!pid) continue;
      out.push({ kind: 'mention', into: pid, mention: mentionOf(ctx, pid, i, i + 1, a.prefix, 'coref:surname', 'surname'), covers: true });
      break;
    }
  }
  return out;
}

function stopWordName(ctx: PersonContext, i: number): boolean {
  const { tokens } = ctx;
  const t = tokens[i];
  const before = tokens[i - 1];
  const next = tokens[i + 1];
  if (!before || before.sentence !== t.sentence || before.lineBefore || t.lineBefore || ctx.doc.words.determiners.has(before)) return false;
  if (ctx.idx.has('place', i) || ctx.idx.has('lex:dates', i)) return false;
  return !(next && next.sentence === t.sentence && next.kind === 'word' && next.cap);
}

/** A Latin-script name's consonants, word by word, without «al-»/"el" ("ahmed al - jarba" and "ahmad jarba" -> "ahmd jrb"). */
function skeleton(key: string): string | undefined {
  if (!/^[a-z' .-]+$/.test(key)) return undefined;
  const words = key.split(' ').filter((w) => /[a-z]/.test(w) && w !== 'al' && w !== 'el' && w !== 'al-' && w !== 'el-');
  if (words.length < 2) return undefined;
  return words.map((w) => w[0] + w.slice(1).replace(/[aeiouy'.-]/g, '')).join(' ');
}
