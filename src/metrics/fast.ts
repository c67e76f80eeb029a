// Counters and histograms that cost a few array writes per event. prom-client's own metrics
// build a label object and a hash string on every observe(); these keep plain numbers per
// label set (the caller holds the child) and build prom-client's metric objects only when
// /metrics is scraped. The registry formats them like its own (`registerMetric` + `get()`).
import type { Registry } from 'prom-client';

type Labels = Record<string, string>;
interface MetricValue {
  labels: Labels;
  value: number;
  metricName?: string;
}
interface MetricObject {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  values: MetricValue[];
  aggregator: 'sum';
}

export class CounterChild {
  value = 0;
  constructor(readonly labels: Labels) {}
  inc(n = 1): void {
    this.value += n;
  }
}

export class HistogramChild {
  /** Observations per bucket (not cumulative; the last one is +Inf). */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;
  constructor(
    readonly labels: Labels,
    private readonly bounds: readonly number[],
  ) {
    this.counts = new Float64Array(bounds.length + 1);
  }
  observe(v: number): void {
    const b = this.bounds;
    let i = 0;
    while (i < b.length && v > b[i]) i++;
    this.counts[i]++;
    this.sum += v;
    this.count++;
  }
}

abstract class FastMetric<C> {
  private readonly children = new Map<string, C>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {}
  protected abstract make(labels: Labels): C;
  /** The child for these label values (in labelNames order). Look it up once and keep it: this allocates. */
  child(...values: string[]): C {
    const key = values.join('\u0000');
    let c = this.children.get(key);
    if (!c) {
      const labels: Labels = {};
      this.labelNames.forEach((n, i) => (labels[n] = values[i] ?? ''));
      c = this.make(labels);
      this.children.set(key, c);
    }
    return c;
  }
  protected all(): C[] {
    return [...this.children.values()];
  }
  register(registry: Registry): this {
    registry.registerMetric(this as never);
    return this;
  }
}

export class FastCounter extends FastMetric<CounterChild> {
  readonly type = 'counter';
  protected make(labels: Labels): CounterChild {
    return new CounterChild(labels);
  }
  async get(): Promise<MetricObject> {
    const values = this.all().map((c) => ({ labels: c.labels, value: c.value }));
    return { name: this.name, help: this.help, type: 'counter', values, aggregator: 'sum' };
  }
}

export class FastHistogram extends FastMetric<HistogramChild> {
  readonly type = 'histogram';
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    readonly buckets: readonly number[],
  ) {
    super(name, help, labelNames);
  }
  protected make(labels: Labels): HistogramChild {
    return new HistogramChild(labels, this.buckets);
  }
  async get(): Promise<MetricObject> {
    const values: MetricValue[] = [];
    for (const c of this.all()) {
      let acc = 0;
      this.buckets.forEach((le, i) => {
        acc += c.counts[i];
        values.push({ labels: { ...c.labels, le: String(le) }, value: acc, metricName: `${this.name}_bucket` });
      });
      values.push({ labels: { ...c.labels, le: '+Inf' }, value: c.count, metricName: `${this.name}_bucket` });
      values.push({ labels: c.labels, value: c.sum, metricName: `${this.name}_sum` });
      values.push({ labels: c.labels, value: c.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: 'histogram', values, aggregator: 'sum' };
  }
}
