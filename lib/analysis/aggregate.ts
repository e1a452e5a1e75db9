import { bootstrapCI, mean, type BootstrapOptions, type Interval } from '../stats/bootstrap';
import type { Grid, PromptMetrics } from './prompt-metrics';

/*
 * From per-prompt grids to claims: pick a metric, pool heads or layers, then a mean over prompts with a
 * percentile-bootstrap CI (prompts are the resampled unit), or the same for after − before paired by prompt id.
 */

export type MetricName = 'mass' | 'lift' | 'entropy' | 'gini';

/**
 * Which number to read: a span metric (`span` set) or, for entropy and gini, the whole row (`span` unset).
 * Span names come from spanTargets: 'query', 'constraint', 'constraint:<id>', ...
 */
export interface MetricKey {
  readonly metric: MetricName;
  readonly span?: string;
}

/** 'head': every layer × head; 'layer': mean over the heads of each layer; 'model': one mean over all of them. */
export type Pool = 'head' | 'layer' | 'model';

/** An interval per cell of a (pooled) grid. */
export type IntervalGrid = readonly (readonly Interval[])[];

/** A short label of a metric key, e.g. 'mass on constraint', 'row entropy'. */
export function metricLabel(key: MetricKey): string {
  return key.span === undefined ? `row ${key.metric}` : `${key.metric} on ${key.span}`;
}

/**
 * The grid of one metric of one prompt; all NaN when the prompt has no such span (a constraint it does not carry).
 * @example metricGrid(p, { metric: 'mass', span: 'constraint' })
 */
export function metricGrid(p: PromptMetrics, key: MetricKey): Grid {
  if (key.span === undefined) {
    if (key.metric === 'entropy' || key.metric === 'gini') return p[key.metric];
    throw new Error(`metricGrid: ${key.metric} needs a span (e.g. { metric: '${key.metric}', span: 'constraint' })`);
  }
  const grids = p.spans[key.span];
  return grids ? grids[key.metric] : p.entropy.map((row) => row.map(() => NaN));
}

const nanMean = (values: readonly number[]): number => mean(values.filter((v) => !Number.isNaN(v)));

/**
 * Pools a layer × head grid: 'layer' gives [layer][0], 'model' gives [0][0]; NaN cells are left out of the means.
 * @example poolGrid([[1, 2], [3, NaN]], 'layer') // [[1.5], [3]]
 */
export function poolGrid(grid: Grid, pool: Pool): Grid {
  switch (pool) {
    case 'head':
      return grid;
    case 'layer':
      return grid.map((row) => [nanMean(row)]);
    case 'model':
      return [[nanMean(grid.flat())]];
  }
}

/**
 * One number per prompt: the metric's mean over all layers and heads (e.g. to relate attention to whether the prompt's
 * constraint was satisfied). NaN when undefined on this prompt.
 * @example prompts.map((p) => metricValue(p, { metric: 'mass', span: 'constraint:length' }))
 */
export function metricValue(p: PromptMetrics, key: MetricKey): number {
  return poolGrid(metricGrid(p, key), 'model')[0]![0]!;
}

/**
 * Per cell, the mean over prompts of their values with a bootstrap CI; prompts where the cell is NaN are left out
 * (the interval is NaN when fewer than one prompt remains). Every cell uses the same seed.
 * @example aggregateGrids(prompts.map((p) => poolGrid(metricGrid(p, key), 'layer')), { seed: 0 })
 */
export function aggregateGrids(grids: readonly Grid[], opts: BootstrapOptions): IntervalGrid {
  const first = grids[0];
  if (first === undefined) throw new Error('aggregateGrids: no prompts to aggregate');
  return first.map((row, l) =>
    row.map((_, h) => {
      const values = grids.map((g) => g[l]?.[h] ?? NaN).filter((v) => !Number.isNaN(v));
      return values.length === 0 ? { estimate: NaN, lo: NaN, hi: NaN } : bootstrapCI(values, mean, opts);
    }),
  );
}

/**
 * One metric over many prompts: pooled per prompt, then averaged with a bootstrap CI.
 * @example summariseMetric(prompts, { metric: 'mass', span: 'constraint' }, 'model', { seed: 0 })[0][0]
 */
export function summariseMetric(prompts: readonly PromptMetrics[], key: MetricKey, pool: Pool, opts: BootstrapOptions): IntervalGrid {
  return aggregateGrids(prompts.map((p) => poolGrid(metricGrid(p, key), pool)), opts);
}

/**
 * Per prompt, after − before of a pooled metric, paired by prompt id. Throws if the two sets of prompts differ.
 * @example pairedDifferences(base, trained, { metric: 'entropy', span: 'constraint' }, 'layer')
 */
export function pairedDifferences(before: readonly PromptMetrics[], after: readonly PromptMetrics[], key: MetricKey, pool: Pool): Grid[] {
  const byId = new Map(before.map((p) => [p.id, p]));
  const unmatched = after.filter((p) => !byId.has(p.id)).map((p) => p.id);
  const afterIds = new Set(after.map((p) => p.id));
  const missing = before.filter((p) => !afterIds.has(p.id)).map((p) => p.id);
  if (unmatched.length || missing.length || byId.size !== before.length || afterIds.size !== after.length) {
    throw new Error(
      `pairedDifferences: before and after must hold the same prompt ids once each; only after: [${unmatched.slice(0, 5).join(', ')}], ` +
        `only before: [${missing.slice(0, 5).join(', ')}]`,
    );
  }
  return after.map((a) => {
    const b = poolGrid(metricGrid(byId.get(a.id)!, key), pool);
    return poolGrid(metricGrid(a, key), pool).map((row, l) => row.map((v, h) => v - b[l]![h]!));
  });
}

/**
 * after − before of a metric with a paired bootstrap CI over prompts (a CI that excludes 0 is a change).
 * @example compareMetric(base, trained, { metric: 'mass', span: 'query' }, 'model', { seed: 0 })[0][0]
 */
export function compareMetric(
  before: readonly PromptMetrics[],
  after: readonly PromptMetrics[],
  key: MetricKey,
  pool: Pool,
  opts: BootstrapOptions,
): IntervalGrid {
  return aggregateGrids(pairedDifferences(before, after, key, pool), opts);
}
