/**
 * A minimal Prometheus registry (text exposition format 0.0.4): counters, gauges and histograms with labels.
 * Label sets are bounded by construction (routes, status codes, outcomes), never by user input.
 */
type Labels = Readonly<Record<string, string>>;

const labelKey = (labels: Labels): string =>
    Object.keys(labels)
        .sort()
        .map((k) => `${k}="${labels[k].replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
        .join(',');

interface Family {
    name: string;
    help: string;
    type: 'counter' | 'gauge' | 'histogram';
    render(): string[];
}

export class Counter {
    private readonly values = new Map<string, number>();
    constructor(readonly name: string) {}
    inc(labels: Labels = {}, by = 1): void {
        const k = labelKey(labels);
        this.values.set(k, (this.values.get(k) ?? 0) + by);
    }
    get(labels: Labels = {}): number {
        return this.values.get(labelKey(labels)) ?? 0;
    }
    render(): string[] {
        return [...this.values].map(([k, v]) => `${this.name}${k ? `{${k}}` : ''} ${v}`);
    }
}

/** A gauge whose value is read at scrape time. */
export class Gauge {
    constructor(readonly name: string, private readonly read: () => number) {}
    render(): string[] {
        return [`${this.name} ${this.read()}`];
    }
}

export class Histogram {
    private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
    constructor(readonly name: string, private readonly buckets: readonly number[]) {}
    observe(value: number, labels: Labels = {}): void {
        const k = labelKey(labels);
        let s = this.series.get(k);
        if (!s) this.series.set(k, (s = { counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
        this.buckets.forEach((b, i) => {
            if (value <= b) s.counts[i]++;
        });
        s.sum += value;
        s.count++;
    }
    render(): string[] {
        const lines: string[] = [];
        for (const [k, s] of this.series) {
            const sep = k ? `${k},` : '';
            this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket{${sep}le="${b}"} ${s.counts[i]}`));
            lines.push(`${this.name}_bucket{${sep}le="+Inf"} ${s.count}`);
            lines.push(`${this.name}_sum${k ? `{${k}}` : ''} ${s.sum}`);
            lines.push(`${this.name}_count${k ? `{${k}}` : ''} ${s.count}`);
        }
        return lines;
    }
}

export class MetricsRegistry {
    private readonly families: Family[] = [];
    counter(name: string, help: string): Counter {
        const c = new Counter(name);
        this.families.push({ name, help, type: 'counter', render: () => c.render() });
        return c;
    }
    gauge(name: string, help: string, read: () => number): Gauge {
        const g = new Gauge(name, read);
        this.families.push({ name, help, type: 'gauge', render: () => g.render() });
        return g;
    }
    histogram(name: string, help: string, buckets: readonly number[]): Histogram {
        const h = new Histogram(name, buckets);
        this.families.push({ name, help, type: 'histogram', render: () => h.render() });
        return h;
    }
    render(): string {
        const out: string[] = [];
        for (const f of this.families) out.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`, ...f.render());
        return out.join('\n') + '\n';
    }
}
