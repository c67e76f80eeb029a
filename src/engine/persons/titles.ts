// Component "titles": every title of office in the text («وزير الخارجية», "Secretary of State"),
// with what qualifies it — a country before or after it ("Russian Foreign Minister", «الروسي»,
// «خارجية روسيا», "of Russia"), an organisation («للأمم المتحدة»), an envoy's posting («إلى
// اليمن»), a second title that describes the first («مبعوث الأمين العام») — and where a name
// would start after it (past honorifics).
import type { Hit } from '../entities/lexicons.js';
import type { PersonContext } from './context.js';
import type { TextRole, TitleUse } from './types.js';
import { countryOf, placeCountry, titleEntry } from './util.js';

/** Offices whose title is often followed by whom the holder serves («مبعوث الأمين العام»). */
const DESCRIBED_BY_TITLE = new Set(['envoy', 'spokesperson', 'ambassador', 'official', 'minister']);

export function findTitles(ctx: PersonContext): TitleUse[] {
  const { idx, tokens } = ctx;
  const latinDoc = ctx.doc.language === 'en';
  const titles: TitleUse[] = [];
  let titleEnd = 0;
  for (const h of idx.all('lex:titles')) {
    // "Foreign Minister" contains "Minister": the inner title is not another title
    if (h.first < titleEnd) continue;
    titleEnd = h.last;
    const e = titleEntry(h, tokens[h.first]);
    if (h.payloads.length === 0) continue;
    if (tokens[h.first].script === 'latin' && latinDoc === false && !tokens[h.first].cap) continue;
    const role: TextRole = { office: String(e.office), title: String(e.title), titleText: '', ...(e.former === true ? { former: true } : {}) };
    if (typeof e.country === 'string') role.country = e.country;
    if (typeof e.org === 'string') role.organization = e.org;
    const first = qualifierBefore(ctx, h, role);
    // a title right after an envoy's or spokesman's title describes it («مبعوث الأمين العام»)
    const last0 = titles[titles.length - 1];
    const chained = last0 && last0.last === first && DESCRIBED_BY_TITLE.has(last0.role.office) ? last0 : undefined;
    let pos = modifiersAfter(ctx, h, role, e.ofCountry === true, chained);
    // «مبعوث الأمين العام للأمم المتحدة», "spokesman for the Secretary-General": the second title
    // describes the first, and the name that follows belongs to the first
    if (chained) {
      describe(ctx, chained, role, pos);
      titleEnd = Math.max(titleEnd, pos);
      continue;
    }
    if (e.needsCountry && !role.country) continue;
    // «مستشار»: the Chancellor of Germany or Austria, an adviser elsewhere ("Chancellor of the Exchequer" is a minister)
    if (Array.isArray(e.onlyFor) && role.country && !e.onlyFor.includes(role.country) && e.otherwise && typeof e.otherwise === 'object') Object.assign(role, e.otherwise);
    // («وزير الثروة السمكية»: not after «الوزير», nor after a country «الوزير الفرنسي المحادثات»)
    if (e.portfolio === true && tokens[h.first].script === 'ar' && pos === h.last && !tokens[h.last - 1].analyses[0].article) pos = portfolio(ctx, h, role, pos);
    role.titleText = ctx.doc.text.slice(tokens[first].start, tokens[Math.max(first, pos - 1)].end);
    titles.push({ hit: h, first, last: pos, role, weak: e.weak === true, nameStart: pastHonorifics(ctx, pos), key: titleKey(ctx, h) + (role.former ? '|former' : '') });
  }
  return titles;
}

/** English: "Russian Foreign Minister", "U.S. Secretary of State", "Russia's president" — returns where the title starts. */
function qualifierBefore(ctx: PersonContext, h: Hit, role: TextRole): number {
  const { idx, tokens } = ctx;
  let first = h.first;
  if (tokens[h.first].script !== 'latin') return first;
  const former = (k: number) => k >= 0 && ctx.doc.words.formerMarkers.has(tokens[k]);
  // "Lebanon's former prime minister": the country stands before the past-office word
  let head = h.first;
  if (former(head - 1)) {
    role.former = true;
    first = head = head - 1;
  }
  for (let k = Math.max(0, head - 4); k < head; k++) {
    const d = idx.at('demonym', k);
    const pl = idx.at('place', k);
    if (d && d.last === head) {
      role.country = countryOf(d);
      first = k;
    } else if (pl && (pl.last === head || (pl.last + 2 === head && tokens[pl.last].norm === "'" && tokens[pl.last + 1].norm === 's'))) {
      const cc = placeCountry(ctx.c, pl);
      if (cc) {
        role.country = cc;
        first = k;
      }
    }
  }
  // "former Lebanese Prime Minister"
  if (first < h.first && former(first - 1)) {
    role.former = true;
    first--;
  }
  return first;
}

/** Modifiers after the title: «الروسي», «خارجية روسيا», «للأمم المتحدة», "of Russia", «إلى اليمن» — returns where they end. */
function modifiersAfter(ctx: PersonContext, h: Hit, role: TextRole, ofCountry: boolean, chained: TitleUse | undefined): number {
  const { idx, tokens, parser } = ctx;
  let pos = h.last;
  for (let step = 0; step < 3 && pos < tokens.length; step++) {
    // «رئيس الوزراء اللبناني السابق»: a past office
    if (!role.former && tokens[pos].script === 'ar' && ctx.doc.words.formerMarkers.has(tokens[pos])) {
      role.former = true;
      pos++;
      continue;
    }
    const d = idx.at('demonym', pos);
    // «الأمير تركي الفيصل»: a demonym that is also a given name, before a name, is the name
    const nameInstead = d && d.prefix === 0 && parser.givenAt(pos) && parser.nameWord(pos + 1, true);
    if (d && !role.country && !nameInstead) {
      role.country = countryOf(d);
      pos = d.last;
      continue;
    }
    let at = pos;
    if (tokens[pos].norm === 'of' && tokens[pos].script === 'latin') at = pos + 1;
    const pl = idx.at('place', at);
    if (pl && ofCountry && !role.country && tokens[at].sentence === tokens[h.first].sentence) {
      const cc = placeCountry(ctx.c, pl);
      if (cc) {
        role.country = cc;
        pos = pl.last;
        continue;
      }
    }
    const o = idx.at('org', at);
    if (o && !role.organization && !role.country) {
      const p = o.payloads[0];
      if (p.kind === 'org') role.organization = ctx.c.organizations[p.org].id;
      pos = o.last;
      continue;
    }
    // an envoy's or ambassador's posting: «إلى اليمن», «لدى اليمن», «لدى الأمم المتحدة», "to Syria"
    const posted = chained?.role.office ?? role.office;
    if ((posted === 'envoy' || posted === 'ambassador') && ctx.doc.words.envoyPostings.has(tokens[pos])) {
      const post = idx.at('place', pos + 1) ?? idx.at('org', pos + 1);
      if (post) {
        pos = post.last;
        continue;
      }
    }
    break;
  }
  return pos;
}

/** A second title describing the first: the first takes its organisation or country and runs on to `pos`. */
function describe(ctx: PersonContext, first: TitleUse, role: TextRole, pos: number): void {
  first.role.organization ??= role.organization;
  first.role.country ??= role.country;
  first.last = pos;
  first.nameStart = pastHonorifics(ctx, pos);
  first.role.titleText = ctx.doc.text.slice(ctx.tokens[first.first].start, ctx.tokens[Math.max(first.first, pos - 1)].end);
}

/** «وزير الثروة السمكية محمد …»: the portfolio comes before the name — returns where it ends. */
function portfolio(ctx: PersonContext, h: Hit, role: TextRole, pos: number): number {
  const tokens = ctx.tokens;
  let k = pos;
  // (a word with the article, by its analyses: «إلى» normalises to «الى» but has none)
  const portfolioWord = (i: number) => tokens[i] && tokens[i].sentence === tokens[h.first].sentence && tokens[i].kind === 'word' && tokens[i].analyses.some((a) => a.article) && !ctx.doc.words.relativePronouns.has(tokens[i]);
  // «الاتصالات وتقنية المعلومات»: a coordinated word followed by an «ال» word
  while (k < tokens.length && k - pos < 5 && (portfolioWord(k) || (tokens[k].norm.startsWith('و') && k > pos && portfolioWord(k + 1)))) k++;
  if (k > pos) role.title = 'Minister';
  return k;
}

/**
 * Where a mention of the title alone starts inside its first word: after its proclitics («بالرئيس» →
 * «الرئيس»), except when «ل» swallowed the article's alif («للرئيس»): no split keeps the noun whole, so
 * the mention is the whole word.
 */
export function titleMentionPrefix(ctx: PersonContext, t: TitleUse): number {
  if (t.first !== t.hit.first || t.hit.prefix === 0) return 0;
  const tok = ctx.tokens[t.first];
  const a = tok.analyses.find((x) => x.prefix === t.hit.prefix);
  if (a?.article && tok.norm[t.hit.prefix] === 'ل' && tok.norm[t.hit.prefix + 1] !== 'ا') return 0;
  return t.hit.prefix;
}

/** The words of a title hit, each as its matching key (clitics split off, the article marked). */
function titleKey(ctx: PersonContext, h: Hit): string {
  const words: string[] = [];
  for (let k = h.first; k < h.last; k++) {
    const as = ctx.tokens[k].analyses;
    const want = k === h.first ? h.prefix : 0;
    const a = as.find((x) => x.prefix === want) ?? as[0];
    words.push(a.article ? `ال${a.key}` : a.key);
  }
  return words.join(' ');
}

function pastHonorifics(ctx: PersonContext, pos: number): number {
  let k = pos;
  while (ctx.idx.at('lex:honorifics', k)) k = ctx.idx.at('lex:honorifics', k)!.last;
  return k;
}
