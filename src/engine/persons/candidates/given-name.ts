// Candidates: a given name from the lexicon, extended over surnames and particles («عادل
// الجبير», "John Kerry"), with the vetoes that keep everyday words out («حسن الجوار», «وعلى»,
// «الرياض» is not «رياض», the demonym «يمني» is not the name Yamani).
import type { PersonContext } from '../context.js';
import type { Candidate } from '../types.js';
import { blocksName } from '../../entities/names.js';

export function givenName(ctx: PersonContext, leaders: Set<number>): Candidate[] {
  const { idx, tokens, parser, lex } = ctx;
  const out: Candidate[] = [];
  // after «و»: a name continues with a bare word or a known name part («وقاسم سلام», «وعادل الجبير»)
  const listedName = (k: number) => parser.nameWord(k) && (parser.bareWord(k) || parser.strongNext(k) || idx.has('person', k) || tokens[k].analyses[0].article);
  // the tokens of a thing's name in Arabic («جمعية أحمد عبدالحكيم السعدي»): no later word of it opens a name
  let thingUntil = -1;
  for (const h of idx.all('given')) {
    if (!h.payloads.some((p) => p.kind === 'given' && !p.ambiguous) || leaders.has(h.first) || h.first < thingUntil) continue;
    const t = tokens[h.first];
    if (t.script === 'latin' && !t.cap) continue;
    // «الرياض» is not «رياض»; «ألكسندر» (a hamza, never the article) is a name
    if (t.analyses[0].article && (h.prefix > 0 || parser.withArticle(h.first))) continue;
    // «وفهد كفاين»: in a list of names the conjunction is glued on; «وجود» is not و + «جود» (ambiguous)
    if (h.prefix > 0 && !(h.prefix === 1 && t.norm.startsWith('و') && listedName(h.last))) continue;
    if (h.prefix > 0) {
      const stem = t.analyses.find((a) => a.prefix === h.prefix)?.key ?? '';
      if (lex.stop.has(stem) || lex.common.has(stem) || lex.commonNames.has(stem)) continue; // «وعلى», «وحسن»
    }
    if (parser.functionWordHere(h.first, h.last)) continue;
    // «حسن الجوار», «حسن النوايا»: a given name that is also an everyday word, before an «ال» word, is a phrase
    if (t.script === 'ar' && lex.phraseHeads.has(t.analyses[0].key) && tokens[h.last]?.analyses[0].article && !parser.strongNext(h.last)) continue;
    // (English names things after the name, "the Assad regime"; before one only a place's head
    // makes it a thing's name, "Port Said": "the Security Council Amr Aboulatta" is a person)
    if (h.first > 0 && blocksName(lex, tokens[h.first - 1], t.script === 'latin')) {
      if (t.script === 'ar') thingUntil = parser.extend(h.last - 1, 1, h.first);
      continue;
    }
    // «حوار يمني يمني» ("a Yemeni-Yemeni dialogue"): a given name that is also a demonym opens no name of its own
    if (idx.has('demonym', h.first)) continue;
    const last = parser.extend(h.last - 1, t.script === 'ar' ? 1 : 2, h.first);
    if (last - h.first < 2) continue;
    // English: "... Street", "... University" after the name: a thing's name
    if (last < tokens.length && lex.blockers.has(tokens[last].norm) && tokens[last].cap) continue;
    // English: a given name and a surname that together name a place ("the naval base at Bandar Abbas")
    // are the place, unless the knowledge base knows a person by those words
    if (t.script === 'latin' && idx.at('place', h.first)?.last === last && !idx.has('person', h.first)) continue;
    out.push({ first: h.first, last, prefix: h.prefix, rule: 'name:given-name', confidence: 0.7, priority: 2 });
  }
  return out;
}
