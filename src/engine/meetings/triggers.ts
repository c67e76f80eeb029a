// Triggers: the words that tell an encounter («التقى», «محادثات», "held talks", "phone call"),
// with their type and polarity, in their clause — less those that tell none ("called for action",
// "received a précis").
import type { Meeting } from '../../schemas/extraction.js';
import { entryOf, type Hit } from '../entities/lexicons.js';
import type { MeetingContext } from './context.js';
import { QUOTE_MARKS } from '../text/normalize.js';
import { addresseeAfter, personObjectAfter } from './arguments.js';
import { clauseAt } from './clauses.js';
import type { Clause, MeetingType, Polarity, Trigger } from './types.js';

export const SPECIFICITY: Record<MeetingType, number> = { summit: 6, call: 5, talks: 4, negotiations: 4, reception: 3, meeting: 2, 'press-conference': 1, visit: 1 };
const POLARITIES = new Set<Polarity>(['held', 'planned', 'proposed', 'denied', 'hypothetical']);

export function typeOf(h: Hit): MeetingType {
  const t = entryOf(h)?.type;
  return (typeof t === 'string' && t in SPECIFICITY ? t : 'meeting') as Meeting['type'];
}

export function findTriggers(mc: MeetingContext, hits: readonly Hit[], clauses: Map<number, Clause[]>): Trigger[] {
  const out: Trigger[] = [];
  hits.forEach((h, at) => {
    const type = typeOf(h);
    const entry = entryOf(h)!;
    if (type === 'call' && appeal(mc, h)) return;
    // "received a précis", "welcomed the decision": not a reception
    if (entry.personObject === true && !personObjectAfter(mc, h)) return;
    const declared = entry.polarity;
    const polarity: Polarity = typeof declared === 'string' && POLARITIES.has(declared as Polarity) ? (declared as Polarity) : entry.future === true ? 'planned' : 'held';
    out.push({ hit: h, at, entry, type, polarity, clause: clauseAt(clauses, mc, h.first), sentence: mc.tokens[h.first].sentence });
  });
  return out;
}

/** The phrase lexicon of speech verbs that tell an encounter when someone is addressed. */
export const ADDRESSED_SPEECH = 'addressed-speech';

/**
 * The trigger hits of the document: the trigger lexicon's, less those inside a person's name
 * («فيصل» is «ف» + «يصل», 'and he arrives', in «الدكتور فيصل الصقير»), in a quoted title ("Meet
 * the Press") and verbs read with the article («التجمع»), with the speech verbs that
 * address someone («قال إردوغان لرئيس الوزراء الصيني لي», "Erdogan told Premier Li") added in
 * order; a speech verb with no one addressed is no hit at all (it splits no clause).
 */
export function triggerHits(mc: MeetingContext, hits: readonly Hit[]): Hit[] {
  const named = new Uint8Array(mc.tokens.length);
  for (const m of mc.mentions) if (m.via === 'name' || m.via === 'surname') named.fill(1, m.first, m.last);
  const own = hits.filter((h) => !named[h.first] && !inQuotedTitle(mc, h) && !verbWithArticle(mc, h));
  const speech = mc.idx.all(`lex:${ADDRESSED_SPEECH}`).filter((h) => !named[h.first] && addresseeAfter(mc, h, entryOf(h)?.addressee === 'glued'));
  if (speech.length === 0) return own;
  const taken = new Set(own.map((h) => h.first));
  return [...own, ...speech.filter((h) => !taken.has(h.first))].sort((a, b) => a.first - b.first);
}

/** «التجمع» (the rally) is no «تجمع» ('gathers'): a verb of the lexicon (entry `verb`) never takes the article. */
function verbWithArticle(mc: MeetingContext, h: Hit): boolean {
  return entryOf(h)?.verb === true && mc.tokens[h.first].analyses.some((a) => a.prefix === h.prefix && a.article);
}

/** How many words a quoted title of a programme or a work may have ("Meet the Press", "Face the Nation"). */
const TITLE_WORDS = 6;

/**
 * "Appearing on the NBC News program, \"Meet the Press,\" …": a trigger in a short quoted span whose
 * words are capitalised (the small words of a title aside) names a programme or a work, not an encounter.
 */
function inQuotedTitle(mc: MeetingContext, h: Hit): boolean {
  const tokens = mc.tokens;
  if (tokens[h.first].script !== 'latin') return false;
  let open = h.first - 1;
  while (open >= 0 && h.first - open <= TITLE_WORDS && tokens[open].kind === 'word') open--;
  if (open < 0 || !QUOTE_MARKS.has(tokens[open].norm)) return false;
  let close = h.first;
  while (close < tokens.length && close - open <= TITLE_WORDS + 1 && tokens[close].kind === 'word') close++;
  if (close >= tokens.length || close - open > TITLE_WORDS + 1 || !(QUOTE_MARKS.has(tokens[close].norm) || (tokens[close].norm === ',' && QUOTE_MARKS.has(tokens[close + 1]?.norm ?? '')))) return false;
  for (let k = open + 1; k < close; k++) if (!tokens[k].cap && !mc.doc.words.titleSmallWords.has(tokens[k])) return false;
  return tokens[open + 1].cap;
}

/** "called for", "called on", "called last week for": an appeal, not a phone call (a date may stand between). */
function appeal(mc: MeetingContext, h: Hit): boolean {
  if (!mc.tokens[h.first].norm.startsWith('call')) return false;
  const date = mc.idx.at('lex:dates', h.last);
  return mc.doc.words.callFor.has(mc.tokens[date ? date.last : h.last]);
}
