// How many CPUs this process may use: the host's cores, or fewer when a cgroup CPU quota
// (a container's --cpus, a Kubernetes CPU limit) says so. Node 20's availableParallelism()
// counts the CPUs the process may be scheduled on, not the quota: a container limited to
// 2 CPUs on a 64-core host would start 64 workers of ~100 MB each.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

type Read = (path: string) => string | undefined;

const readOrUndefined: Read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * The CPU quota in CPUs (e.g. 1.5), or undefined when there is none.
 * cgroup v2: `cpu.max` ("max 100000" = none, "150000 100000" = 1.5), at the cgroup root as seen
 * from inside a container, or under the process's own cgroup path (/proc/self/cgroup "0::/path").
 * cgroup v1: cpu.cfs_quota_us / cpu.cfs_period_us (quota -1 = none).
 */
export function cgroupCpuQuota(read: Read = readOrUndefined): number | undefined {
  const v2Paths = ['/sys/fs/cgroup/cpu.max'];
  const self = read('/proc/self/cgroup');
  const m = self ? /^0::(\/\S*)$/m.exec(self) : null;
  if (m && m[1] !== '/') v2Paths.unshift(`/sys/fs/cgroup${m[1]}/cpu.max`);
  for (const p of v2Paths) {
    const text = read(p);
    if (text === undefined) continue;
    const [quota, period] = text.trim().split(/\s+/);
    if (quota === 'max') return undefined;
    const q = Number(quota);
    const per = Number(period ?? 100000);
    if (q > 0 && per > 0) return q / per;
  }
  for (const dir of ['/sys/fs/cgroup/cpu', '/sys/fs/cgroup/cpu,cpuacct']) {
    const q = Number(read(`${dir}/cpu.cfs_quota_us`)?.trim());
    const per = Number(read(`${dir}/cpu.cfs_period_us`)?.trim());
    if (q > 0 && per > 0) return q / per;
  }
  return undefined;
}

/** Default worker count: the cores, capped by the cgroup quota (rounded up), at least 1. */
export function usableCpus(read: Read = readOrUndefined, cores = availableParallelism()): number {
  const quota = cgroupCpuQuota(read);
  return Math.max(1, quota === undefined ? cores : Math.min(cores, Math.ceil(quota)));
}
