import { bootstrapCI, type Interval } from '../stats/bootstrap';
import { type AuditMetrics, type AuditRow, type Confusion, confusionOf, type InvalidPolicy, METRIC_NAMES, metricsOf, sumConfusions } from './audit';

export interface AuditOptions {
  readonly seed: number;
  /** Bootstrap resamples (default 1000). */
  readonly resamples?: number;
  /** Interval coverage (default 0.95). */
  readonly level?: number;
  readonly invalid?: InvalidPolicy;
}

/** The audit of one slice (all rows, one constraint id or one category). */
export interface AuditSummary {
  /** 'all', a constraint id or a category. */
  readonly group: string;
  /** Prompts with at least one row in the slice (the bootstrap's resampling unit). */
  readonly prompts: number;
  readonly confusion: Confusion;
  /** Each metric with its percentile-bootstrap interval; NaN (null in JSON) where undefined, see audit.ts. */
  readonly metrics: { readonly [K in keyof AuditMetrics]: Interval };
}

export interface AuditReport {
  readonly overall: AuditSummary;
  readonly byConstraint: readonly AuditSummary[];
  readonly byCategory: readonly AuditSummary[];
  readonly options: Required<AuditOptions>;
}

function summarize(group: string, rows: readonly AuditRow[], opts: Required<AuditOptions>): AuditSummary {
  const byPrompt = new Map<string, AuditRow[]>();
  for (const r of rows) {
    const list = byPrompt.get(r.key);
    if (list) list.push(r);
    else byPrompt.set(r.key, [r]);
  }
  // Rows of one prompt share a response (and, batched, one judge call): resample prompts so that correlation stays in.
  const clusters = [...byPrompt.values()].map(confusionOf);
  const bootstrap = { seed: opts.seed, resamples: opts.resamples, level: opts.level };
  const metrics = Object.fromEntries(
    METRIC_NAMES.map((name) => [name, bootstrapCI(clusters, (sample) => metricsOf(sumConfusions(sample), opts.invalid)[name], bootstrap)]),
  ) as { [K in keyof AuditMetrics]: Interval };
  return { group, prompts: clusters.length, confusion: sumConfusions(clusters), metrics };
}

function groupBy(rows: readonly AuditRow[], field: (r: AuditRow) => string): Map<string, AuditRow[]> {
  const out = new Map<string, AuditRow[]>();
  for (const r of rows) {
    const k = field(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The judge audit: confusion and metrics with bootstrap CIs overall, per constraint id and per category
 * (groups sorted by name; every slice uses the same seed).
 * @example auditJudge(rows, { seed: 0 }).overall.metrics.recallViolation // { estimate: 0.3, lo: 0.22, hi: 0.38 }
 */
export function auditJudge(rows: readonly AuditRow[], options: AuditOptions): AuditReport {
  const opts: Required<AuditOptions> = { resamples: 1000, level: 0.95, invalid: 'exclude', ...options };
  return {
    overall: summarize('all', rows, opts),
    byConstraint: [...groupBy(rows, (r) => r.constraintId)].map(([g, rs]) => summarize(g, rs, opts)),
    byCategory: [...groupBy(rows, (r) => r.category)].map(([g, rs]) => summarize(g, rs, opts)),
    options: opts,
  };
}
