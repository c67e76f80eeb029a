// The learned scorers the engine uses, loaded once with the engine (src/kb/models/*.json, written
// by `npm run train`). A missing or malformed model file fails at start-up.
import { loadScorer, NEUTRAL, type Scorer } from './model.js';

export interface Scorers {
  /** Whether a meeting is right (its confidence), and which to keep. */
  meetings: Scorer;
  /** Whether a participant is right (its confidence), and which to keep. */
  participants: Scorer;
  /** Whether a candidate place is where a meeting took place (the best likely enough is taken). */
  places: Scorer;
}

const MODELS = new URL('../../../src/kb/models/', import.meta.url);

export function defaultScorers(): Scorers {
  return { meetings: loadScorer(new URL('meetings.json', MODELS)), participants: loadScorer(new URL('participants.json', MODELS)), places: loadScorer(new URL('places.json', MODELS)) };
}

/** Scorers that keep every candidate at confidence 0.5 (training sees every candidate through them; places keep the evidence ladder). */
export const NEUTRAL_SCORERS: Scorers = { meetings: NEUTRAL, participants: NEUTRAL, places: NEUTRAL };
