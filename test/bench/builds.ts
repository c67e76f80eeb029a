// Shared by the scripts that compare two builds of the engine (ab.ts, same-output.ts,
// diff-meetings.ts): a build's engine loaded from its dist/ directory (AB_KB=<dir> loads that
// knowledge-base directory instead of the build's own; a build with a compiled snapshot loads it as its
// workers do), and the shared articles.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BuildEngine {
  extract(input: { text: string; publishedAt?: string; debug?: boolean }): Record<string, unknown>;
}

export interface SharedArticle {
  id?: string;
  text: string;
  date?: string;
}

export async function loadBuild(dir: string): Promise<BuildEngine> {
  const root = pathToFileURL(resolve(dir) + '/').href;
  const { createEngine } = await import(`${root}engine/index.js`);
  // a build with a compiled knowledge-base snapshot loads as its workers do (the snapshot when it matches the files)
  if (!process.env.AB_KB && existsSync(fileURLToPath(`${root}engine/snapshot.js`))) {
    const { loadCompiled } = await import(`${root}engine/snapshot.js`);
    const { compiled, from, why } = loadCompiled();
    console.error(`${dir}: knowledge base from ${from}${why ? ` (${why})` : ''}`);
    return createEngine(compiled.kb, { compiled });
  }
  const { loadKnowledgeBase } = await import(`${root}kb/index.js`);
  return createEngine(loadKnowledgeBase(process.env.AB_KB ? { baseDir: process.env.AB_KB } : {}));
}

export const SHARED_ARTICLES = fileURLToPath(new URL('../../../shared/articles/', import.meta.url));

/** Every article of ../shared/articles/*.jsonl (exits 2 with a message when the folder is absent). */
export function sharedArticles(): SharedArticle[] {
  if (!existsSync(SHARED_ARTICLES)) {
    console.error(`${SHARED_ARTICLES} not found`);
    process.exit(2);
  }
  const out: SharedArticle[] = [];
  for (const f of ['ar.jsonl', 'en.jsonl']) for (const l of readFileSync(SHARED_ARTICLES + f, 'utf8').split('\n')) if (l.trim()) out.push(JSON.parse(l));
  return out;
}
