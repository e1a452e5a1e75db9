/**
 * Prometheus text exposition (format 0.0.4) for the reward server: request and error counters by route and status,
 * a latency histogram by route, and counters the pool and judge feed. Labels come from a fixed route list, so a
 * client probing random paths cannot blow up the series count.
 */

/** Latency bucket upper bounds in seconds: fine below 10 ms, where the 1k req/s target lives. */
export const LATENCY_BUCKETS_S = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Histogram {
  readonly counts: number[];
  sum: number;
  count: number;
}


const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The server's metrics registry. @example const m = new ServerMetrics(); m.observe('/verify', 200, 0.002); m.render() */
export class ServerMetrics {
  private readonly requests = new Map<string, number>();
  private readonly errors = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  private readonly counters = new Map<string, { help: string; value: number }>();

  /** Records one finished request: route, HTTP status, duration in seconds. */
  observe(route: string, status: number, seconds: number): void {
    const key = `route="${escapeLabel(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    if (status >= 400) this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    let h = this.latency.get(route);
    if (!h) this.latency.set(route, (h = { counts: LATENCY_BUCKETS_S.map(() => 0), sum: 0, count: 0 }));
    const i = LATENCY_BUCKETS_S.findIndex((b) => seconds <= b);
    if (i >= 0) h.counts[i]!++;
    h.sum += seconds;
    h.count++;
  }

  /** Adds to a plain counter (created on first use). */
  add(name: string, help: string, by = 1): void {
    const c = this.counters.get(name);
    if (c) c.value += by;
    else this.counters.set(name, { help, value: by });
  }

  /** The exposition text; `gauges` are read now (queue depth, workers). */
  render(gauges: Readonly<Record<string, { readonly help: string; readonly value: number }>> = {}): string {
    const out: string[] = [];
    const family = (name: string, help: string, type: string, series: Map<string, number>): void => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, v] of series) out.push(`${name}{${labels}} ${v}`);
    };
    family('ifkit_http_requests_total', 'HTTP requests by route and status code.', 'counter', this.requests);
    family('ifkit_http_errors_total', 'HTTP requests answered with status >= 400, by route and status code.', 'counter', this.errors);
    out.push('# HELP ifkit_http_request_duration_seconds Time from request start to response end.');
    out.push('# TYPE ifkit_http_request_duration_seconds histogram');
    for (const [route, h] of this.latency) {
      const r = escapeLabel(route);
      let cumulative = 0;
      LATENCY_BUCKETS_S.forEach((b, i) => {
        cumulative += h.counts[i]!;
        out.push(`ifkit_http_request_duration_seconds_bucket{route="${r}",le="${b}"} ${cumulative}`);
      });
      out.push(`ifkit_http_request_duration_seconds_bucket{route="${r}",le="+Inf"} ${h.count}`);
      out.push(`ifkit_http_request_duration_seconds_sum{route="${r}"} ${h.sum}`);
      out.push(`ifkit_http_request_duration_seconds_count{route="${r}"} ${h.count}`);
    }
    for (const [name, c] of this.counters) out.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`, `${name} ${c.value}`);
    for (const [name, g] of Object.entries(gauges)) out.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`, `${name} ${g.value}`);
    return out.join('\n') + '\n';
  }
}
