// Vetoes on candidate names the knowledge base does not vouch for (English): bylines ("Reporting
// by …", "editing by A and B"), agency photo credits ("REUTERS/…"), institutions ("Geneva
// Convention", "… Media Center"), and post-nominal letters trimmed ("Philippe Sands QC").
import type { PersonContext } from './context.js';
import type { Candidate } from './types.js';


/** Applies the vetoes: a candidate is dropped, or its end moved; the order is kept. */
export function applyVetoes(ctx: PersonContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const cand of candidates) {
    if (ctx.tokens[cand.first].script === 'latin' && cand.kb === undefined && cand.rule !== 'person:kb-alias') {
      const last = englishEnd(ctx, cand.first, cand.last);
      if (last < 0) continue;
      cand.last = last;
    }
    out.push(cand);
  }
  return out;
}

/** Where an English name really ends, or -1 when it is no person's name. */
function englishEnd(ctx: PersonContext, first: number, last: number): number {
  const { tokens, lex, doc } = ctx;
  if (byline(ctx, first)) return -1;
  const b1 = tokens[first - 1];
  if (b1 && b1.norm === '/' && tokens[first - 2] && doc.words.photoAgencies.has(tokens[first - 2])) return -1;
  while (last - first > 1) {
    const t = tokens[last - 1];
    const raw = doc.text.slice(t.start, t.end);
    if (t.norm.length <= 3 && raw === raw.toUpperCase() && /[A-Z]/.test(raw)) last--;
    else break;
  }
  if (lex.blockers.has(tokens[last - 1].norm)) return -1;
  if (last < tokens.length && tokens[last].cap && lex.blockers.has(tokens[last].norm)) return -1;
  return last;
}

/** "(Reporting by Andrew Heavens; Editing by …)", and the rest of a byline's list ("… by A and B"). */
function byline(ctx: PersonContext, first: number): boolean {
  const tokens = ctx.tokens;
  const b1 = tokens[first - 1];
  if (b1 && b1.norm === 'by' && tokens[first - 2] && ctx.doc.words.bylines.has(tokens[first - 2])) return true;
  if (!b1 || (b1.norm !== 'and' && b1.norm !== ',')) return false;
  for (let k = first - 2, n = 0; k > 0 && n < 8 && tokens[k].sentence === tokens[first].sentence; k--, n++) {
    if (tokens[k].norm === 'by') return ctx.doc.words.bylines.has(tokens[k - 1]);
    if (!tokens[k].cap && tokens[k].norm !== 'and' && tokens[k].norm !== ',') return false;
  }
  return false;
}
