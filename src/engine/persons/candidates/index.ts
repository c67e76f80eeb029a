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
  ];
  // the name tagger only where the others found nothing (off: MIN_PER in tagger.ts, and a pipeline with "ner")
  return [...found, ...taggerNames(ctx, found, input.titles)];
}

export { organizations } from './organizations.js';
