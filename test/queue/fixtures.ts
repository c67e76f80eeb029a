// What the end-to-end queue test and `npm run bench:queue` share: the shared articles as API
// requests (read at run time, never copied into the project), repeated with distinct ids to any
// count, and worker processes (`node dist/cli/main.js worker`) started and stopped by pid.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';

export const SHARED_ARTICLES = fileURLToPath(new URL('../../../shared/articles/', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface Article {
  id: string;
  text: string;
  title?: string;
  publishedAt?: string;
  language?: 'ar' | 'en';
}

/** The shared articles as requests (undefined when ../shared is absent). */
export function sharedArticles(): Omit<Article, 'id'>[] | undefined {
  if (!existsSync(SHARED_ARTICLES + 'ar.jsonl')) return undefined;
  const out: Omit<Article, 'id'>[] = [];
  for (const f of ['ar.jsonl', 'en.jsonl']) {
    for (const l of readFileSync(SHARED_ARTICLES + f, 'utf8').split('\n')) {
      if (!l.trim()) continue;
      const a = JSON.parse(l) as { text: string; title?: string | null; date?: string | null; lang?: string };
      out.push({ text: a.text, ...(a.title ? { title: a.title } : {}), ...(a.date ? { publishedAt: a.date } : {}), ...(a.lang === 'ar' || a.lang === 'en' ? { language: a.lang } : {}) });
    }
  }
  return out;
}

/** `n` requests cycling through `base`, with ids `<prefix>-<i>`; `of(i)` is the base article of the i-th. */
export function repeated(base: Omit<Article, 'id'>[], n: number, prefix: string): Article[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, ...base[i % base.length] }));
}

export interface WorkerProc {
  proc: ChildProcess;
  /** The name BullMQ stores on the jobs it processes (processedBy). */
  name: string;
  ready: Promise<void>;
  exited: Promise<number | null>;
  log: string[];
  /** Its /healthz, /readyz and /metrics port, from the ready line. */
  port?: number;
}

/** Starts `diplomatic-news worker` with this environment (and node options, e.g. --cpu-prof); `ready` resolves on its "taking jobs" log line. */
export function startWorker(env: Record<string, string>, nodeArgs: string[] = []): WorkerProc {
  const proc = spawn(process.execPath, [...nodeArgs, CLI, 'worker'], { env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', WORKER_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  let onReady: () => void = () => {};
  let onFail: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    onFail = reject;
  });
  let buf = '';
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      log.push(line);
      if (line.includes('worker ready')) {
        w.port = (JSON.parse(line) as { port?: number }).port;
        onReady();
      }
    }
  });
  proc.stderr!.on('data', (d: Buffer) => log.push(d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  void exited.then((code) => onFail(new Error(`worker exited (${code}) before it was ready: ${log.slice(-5).join(' | ')}`)));
  const w: WorkerProc = { proc, name: `${hostname()}-${proc.pid}`, ready, exited, log };
  return w;
}
