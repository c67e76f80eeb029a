// Candidates: the one who speaks — "Jim Jeffrey said" (capitalised words before a reporting verb),
// «وقال “بومبيو”» (a quoted name after one).
import type { PersonContext } from '../context.js';
import type { Candidate } from '../types.js';

export function speaker(ctx: PersonContext): Candidate[] {
  const { idx, tokens, parser } = ctx;
  const out: Candidate[] = [];
  for (const h of idx.all('lex:speech-verbs')) {
    const t = tokens[h.first];
    if (t.script === 'latin') {
      let first = h.first;
      while (first > 0 && h.first - first < 4 && tokens[first - 1].kind === 'word' && (tokens[first - 1].cap || parser.isParticle(first - 1))) first--;
      while (first < h.first && !parser.nameWord(first)) first++;
      // "In Paris Fabius said": a place after a locative opens the clause, not the name
      const place = idx.at('place', first);
      if (place && place.last < h.first && first > 0 && ctx.doc.words.meetingLocatives.has(tokens[first - 1])) first = place.last;
      // "Earlier Conservative Graham Brady said", "… for Economic Affairs Allen Wallis told": three words or
      // more, the first no given name and a later one a given name: the name starts there
      if (h.first - first >= 3 && !parser.givenAt(first)) {
        for (let k = first + 1; k < h.first - 1; k++) if (parser.givenAt(k)) { first = k; break; }
      }
      if (h.first - first < 2) continue;
      let all = true;
      for (let k = first; k < h.first && all; k++) all = parser.nameWord(k) || parser.isParticle(k);
      if (all) out.push({ first, last: h.first, prefix: 0, rule: 'name:speaker', confidence: 0.55, priority: 3 });
    } else {
      const q = parser.quoted(h.last);
      if (q) out.push({ ...q, rule: 'name:quoted-speaker', priority: 3, confidence: 0.6 });
    }
  }
  return out;
}
