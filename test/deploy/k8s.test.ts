// The Kubernetes manifests (src/deploy/k8s): no cluster here, so they are checked, not run —
// valid YAML, the shape each kind needs, probes on the routes that exist, resources that fit
// the measured memory, Services and the autoscaler pointing at what exists, and every
// environment variable one the configuration knows (a typo would be silently ignored).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ConfigSchema, loadConfig } from '../../src/config.js';

const DIR = new URL('../../src/deploy/k8s/', import.meta.url);
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const docs: (Doc & { file: string })[] = [];
for (const f of files) {
  for (const d of parseAllDocuments(readFileSync(new URL(f, DIR), 'utf8'))) {
    if (d.errors.length) throw new Error(`${f}: ${d.errors.map((e) => e.message).join('; ')}`);
    docs.push({ ...(d.toJS() as Doc), file: f });
  }
}
const find = (kind: string, name: string) => {
  const d = docs.find((x) => x.kind === kind && x.metadata?.name === name);
  if (!d) throw new Error(`no ${kind} ${name}`);
  return d;
};
/** "512Mi", "1Gi" -> MiB. */
const mib = (q: string) => {
  const m = /^(\d+(?:\.\d+)?)(Mi|Gi)$/.exec(q);
  if (!m) throw new Error(`unexpected quantity ${q}`);
  return Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1);
};
const cpu = (q: string | number) => (typeof q === 'number' ? q : q.endsWith('m') ? Number(q.slice(0, -1)) / 1000 : Number(q));

const api = find('Deployment', 'diplomatic-news-api');
const worker = find('Deployment', 'diplomatic-news-worker');
const config = find('ConfigMap', 'diplomatic-news-config');
const container = (d: Doc) => d.spec.template.spec.containers[0];
const envOf = (d: Doc): Record<string, string> => ({ ...config.data, ...Object.fromEntries(container(d).env.map((e: { name: string; value: string }) => [e.name, e.value])) });
const portNamed = (d: Doc, p: string | number) => container(d).ports.find((x: { name: string; containerPort: number }) => x.name === p || x.containerPort === p);

describe('Kubernetes manifests', () => {
  it('are valid YAML, each document a Kubernetes object, all listed in kustomization.yaml', () => {
    expect(files).toEqual(['api.yaml', 'config.yaml', 'kustomization.yaml', 'redis.yaml', 'worker.yaml']);
    for (const d of docs) {
      expect(d.apiVersion, d.file).toMatch(/^[a-z0-9.]+(\/v\w+)?$|^v1$/);
      expect(d.kind, d.file).toMatch(/^[A-Z]\w+$/);
      if (d.kind !== 'Kustomization') expect(d.metadata?.name, d.file).toMatch(/^[a-z0-9-]+$/);
    }
    const k = docs.find((d) => d.kind === 'Kustomization')!;
    expect([...k.resources].sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml'));
  });

  it('selectors match their pod labels; Services target named container ports', () => {
    for (const d of docs.filter((x) => x.kind === 'Deployment' || x.kind === 'StatefulSet')) {
      expect(d.spec.template.metadata.labels, d.metadata.name).toMatchObject(d.spec.selector.matchLabels);
      const svc = docs.find((x) => x.kind === 'Service' && Object.entries(x.spec.selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v));
      if (d === worker) continue; // scraped per pod, no Service
      expect(svc, `${d.metadata.name} has a Service`).toBeDefined();
      for (const p of svc!.spec.ports) expect(portNamed(d, p.targetPort), `${svc!.metadata.name} -> ${p.targetPort}`).toBeDefined();
    }
  });

  it('the API: readiness on /readyz, liveness on /healthz, memory requests that fit its measured 330-530 MiB', () => {
    const c = container(api);
    expect(c.args).toEqual(['node', 'dist/server.js']);
    expect(c.readinessProbe.httpGet.path).toBe('/readyz');
    expect(c.livenessProbe.httpGet.path).toBe('/healthz');
    for (const probe of [c.readinessProbe, c.livenessProbe]) expect(portNamed(api, probe.httpGet.port).containerPort).toBe(Number(envOf(api).PORT));
    expect(mib(c.resources.requests.memory)).toBeGreaterThanOrEqual(530);
    expect(mib(c.resources.limits.memory)).toBeGreaterThan(mib(c.resources.requests.memory));
    // one core per extraction thread asked for is the most it can use
    expect(cpu(c.resources.limits.cpu)).toBeGreaterThanOrEqual(Number(envOf(api).WORKERS));
    expect(envOf(api).HOST).toBe('0.0.0.0');
  });

  it('a HorizontalPodAutoscaler scales the API on CPU', () => {
    const hpa = find('HorizontalPodAutoscaler', 'diplomatic-news-api');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: api.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    expect(hpa.spec.metrics).toContainEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } } });
    expect(container(api).resources.requests.cpu).toBeDefined(); // utilisation is relative to the request
  });

  it('the workers: `worker` command, probes on WORKER_PORT, a grace period longer than an extraction may take', () => {
    const c = container(worker);
    expect(c.args).toEqual(['node', 'dist/cli/main.js', 'worker']);
    const env = envOf(worker);
    expect(c.readinessProbe.httpGet.path).toBe('/readyz');
    expect(c.livenessProbe.httpGet.path).toBe('/healthz');
    for (const probe of [c.readinessProbe, c.livenessProbe]) expect(portNamed(worker, probe.httpGet.port).containerPort).toBe(Number(env.WORKER_PORT));
    expect(worker.spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(loadConfig(env).EXTRACT_TIMEOUT_MS);
    expect(mib(c.resources.requests.memory)).toBeGreaterThanOrEqual(530);
    expect(Number(env.QUEUE_CONCURRENCY)).toBeGreaterThanOrEqual(Number(env.WORKERS));
  });

  it('every variable is one the configuration knows and validates; REDIS_URL names the Redis Service, which persists (AOF)', () => {
    const known = Object.keys(ConfigSchema.shape);
    for (const d of [api, worker]) {
      const env = envOf(d);
      for (const k of Object.keys(env)) expect(known, `${d.metadata.name}: ${k}`).toContain(k);
      expect(() => loadConfig(env)).not.toThrow();
    }
    const redis = find('Service', new URL(config.data.REDIS_URL).hostname);
    expect(redis.spec.ports[0].port).toBe(Number(new URL(config.data.REDIS_URL).port));
    const args: string[] = find('StatefulSet', 'diplomatic-news-redis').spec.template.spec.containers[0].args;
    expect(args.join(' ')).toMatch(/--appendonly yes/);
    expect(args.join(' ')).toMatch(/--maxmemory-policy noeviction/);
  });
});
