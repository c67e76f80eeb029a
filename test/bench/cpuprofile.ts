// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per area
// (our src/ by directory, each node_modules package, node internals, GC, idle).
//   npx tsx test/bench/cpuprofile.ts <file.cpuprofile> [--top 25]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface Row { name: string; ms: number; pct: number }
export interface ProfileSummary {
  totalMs: number;
  /** Time not idle (what the percentages below are of). */
  busyMs: number;
  functions: Row[];
  areas: Row[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function where(url: string): string {
  if (!url) return '';
  let u = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (u.startsWith(ROOT)) u = u.slice(ROOT.length);
  return u;
}

/** The area a frame belongs to: src/engine/match, node_modules/zod, node:internal, (garbage collector), … */
function area(cf: CallFrame): string {
  const u = where(cf.url);
  if (!u) return cf.functionName.startsWith('(') ? cf.functionName : '(native/builtin)';
  const nm = u.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = u.slice(nm + 'node_modules/'.length).split('/');
    return `node_modules/${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (u.startsWith('node:')) return 'node:internal';
  const parts = u.split('/');
  if ((parts[0] === 'src' || parts[0] === 'dist') && parts.length > 2) return `${parts[0]}/${parts[1]}${parts.length > 3 ? `/${parts[2]}` : ''}`;
  return parts.slice(0, 2).join('/');
}

export function summarise(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0; // the time until the next sample belongs to this one
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + Math.max(0, dt));
  }
  const fn = new Map<string, number>();
  const ar = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const cf = byId.get(id)!.callFrame;
    total += us;
    if (cf.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const u = where(cf.url);
    // (tsx-compiled sources report line 0: the name and file are what identify them)
    const key = u ? `${cf.functionName || '(anonymous)'}  ${u}${cf.lineNumber > 0 ? `:${cf.lineNumber + 1}` : ''}` : cf.functionName || '(anonymous)';
    fn.set(key, (fn.get(key) ?? 0) + us);
    const a = area(cf);
    ar.set(a, (ar.get(a) ?? 0) + us);
  }
  const busy = total - idle;
  const rows = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((x, y) => y[1] - x[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000, pct: busy > 0 ? (100 * us) / busy : 0 }));
  return { totalMs: total / 1000, busyMs: busy / 1000, functions: rows(fn, top), areas: rows(ar, 20) };
}

export function formatSummary(title: string, s: ProfileSummary): string {
  const line = (r: Row) => `  ${r.pct.toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(7)} ms  ${r.name}`;
  return [
    `${title}: ${s.totalMs.toFixed(0)} ms sampled, ${s.busyMs.toFixed(0)} ms busy (percentages are of busy time)`,
    ' by area (self time):',
    ...s.areas.map(line),
    ' top functions (self time):',
    ...s.functions.map(line),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: tsx test/bench/cpuprofile.ts <file.cpuprofile> [--top N]\n');
    process.exit(2);
  }
  const i = process.argv.indexOf('--top');
  const top = i > 0 ? Number(process.argv[i + 1]) || 25 : 25;
  console.log(formatSummary(file, summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, top)));
}
