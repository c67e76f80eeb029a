// The tuning gold (../shared/eval/dev/*.jsonl) as the knowledge-base reports read it, and the
// knowledge base's people as a set of normalised names. The check set is scored, never studied:
// nothing here reads it, and tuningGoldFlags() turns away any argument naming it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../kb/index.js';
import { normalizeString } from '../engine/text/normalize.js';

export interface GoldParticipant {
  name: string;
  aliases?: string[];
  variants?: string[];
  country?: string;
  role?: string;
  optional?: boolean;
}
export interface GoldArticle {
  id?: string;
  ref?: string;
  lang: string;
  participants?: GoldParticipant[];
}

/**
 * The flags given to a tuning-gold command (`npm run <script> -- --flag`), of those it takes; exits
 * with a message when an argument names the check or sealed set, or is not one of `flags`.
 */
export function tuningGoldFlags(script: string, argv: readonly string[], flags: readonly string[]): Set<string> {
  const command = `npm run ${script}`;
  if (argv.some((a) => /check|sealed/i.test(a))) {
    console.error(`${command} reads the tuning gold (../shared/eval/dev) only: the check set is scored, never studied.`);
    process.exit(2);
  }
  const unknown = argv.find((a) => !flags.includes(a));
  if (unknown !== undefined) {
    console.error(`${command}: unknown argument ${unknown} (usage: ${command} [-- ${flags.join(' ')}])`);
    process.exit(2);
  }
  return new Set(argv);
}

/** The tuning gold's files (sorted) and articles, or an exit with a message when ../shared is absent. */
export function readTuningGold(command: string): { files: string[]; articles: GoldArticle[] } {
  const devDir = fileURLToPath(new URL('../../../shared/eval/dev/', import.meta.url));
  if (!existsSync(devDir)) {
    console.error(`${command}: ${devDir} not found (the tuning gold lives in ../shared/eval/dev next to this checkout).`);
    process.exit(2);
  }
  const files = readdirSync(devDir).filter((f) => f.endsWith('.jsonl')).sort();
  const articles: GoldArticle[] = [];
  for (const file of files) {
    for (const line of readFileSync(devDir + file, 'utf8').split('\n')) if (line.trim()) articles.push(JSON.parse(line) as GoldArticle);
  }
  return { files, articles };
}

/** Every name of every knowledge-base person (English, Arabic, French), normalised with normalizeString. */
export function kbNameSet(kb: KnowledgeBase): Set<string> {
  const names = new Set<string>();
  for (const p of kb.people) {
    for (const n of [...p.names.en, ...p.names.ar, ...(p.names.fr ?? [])]) {
      const k = normalizeString(n).trim();
      if (k) names.add(k);
    }
  }
  return names;
}

/** Whether the knowledge base holds a gold participant: one of its name, aliases or variants is a KB name. */
export function heldBy(kbNames: ReadonlySet<string>, g: GoldParticipant): boolean {
  for (const n of [g.name, ...(g.aliases ?? []), ...(g.variants ?? [])]) if (kbNames.has(normalizeString(n).trim())) return true;
  return false;
}
