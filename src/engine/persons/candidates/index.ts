// The candidate generators, in the order their candidates compete on ties: each proposes person
// name spans from one kind of evidence (one small file each).
import type { PersonContext } from '../context.js';
import type { Candidate, TitleUse } from '../types.js';
import { afterTitle } from './after-title.js';
import { beforeTitle } from './before-title.js';
import { afterHonorific } from './honorific.js';
import { leaderOfFollowers } from './followers.js';
import { possessiveSurname } from './possessive.js';
import { knownAlias } from './kb-alias.js';
import { givenName } from './given-name.js';
import { speaker } from './speaker.js';
import { taggerNames } from './tagger.js';

export interface GeneratorInput {
  titles: TitleUse[];
  demonymCountries: Set<string>;
}

export function personCandidates(ctx: PersonContext, input: GeneratorInput): Candidate[] {
  const followers = leaderOfFollowers(ctx, input.demonymCountries);
  // «قوات هادي مدعومة …»: the leader's name stops at the surname
  const leaders = new Set(followers.map((f) => f.first));
  const found = [
    ...afterTitle(ctx, input.titles),
    ...beforeTitle(ctx, input.titles),
    ...afterHonorific(ctx),
    ...followers,
    ...possessiveSurname(ctx),
    ...knownAlias(ctx),
    ...givenName(ctx, leaders),
    ...speaker(ctx),
  ].map((k) => withNasab(ctx, k));
  // the name tagger only where the others found nothing (off: MIN_PER in tagger.ts, and a pipeline with "ner")
  return [...found, ...taggerNames(ctx, found, input.titles)];
}

/**
 * «تعيين عادل بن جميل بن إبراهيم عارف»: a name found right after «بن» is a father's; the person's
 * own name starts before the link. A known person found there is the father, not the one named.
 */
function withNasab(ctx: PersonContext, k: Candidate): Candidate {
  if (ctx.tokens[k.first].script !== 'ar') return k;
  const start = ctx.parser.nasabStart(k.first);
  // «محمد بن سلمان شهد»: a known alias over the link is its own candidate («شهد», 'attended', is no name)
  if (!start || (ctx.idx.at('person', start.first)?.last ?? 0) > k.first) return k;
  const { kb, ...rest } = k;
  const moved = { ...rest, first: start.first, prefix: start.prefix };
  return kb === undefined ? moved : { ...moved, rule: 'name:longer-than-alias', confidence: 0.6, priority: 2 };
}

export { organizations } from './organizations.js';
