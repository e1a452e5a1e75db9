import { metricValue, type MetricKey } from '../../analysis/aggregate';
import type { PromptMetrics } from '../../analysis/prompt-metrics';
import type { ConstraintLook } from '../tasks/attention/run';
import type { RunResult } from './define';
import type { RunValue } from './values';

/*
 * Values of an attention run (its final.json: per-prompt metrics and per-constraint looks), for the attention
 * experiment's claims, tables and figures.
 */

/** A run's per-prompt metrics; `seedIds` prefixes each prompt id with the seed (prompts repeat across seeds). */
export const promptsOf = (run: RunResult, seedIds = false): PromptMetrics[] =>
  ((run.final.prompts ?? []) as PromptMetrics[]).map((p) => (seedIds ? { ...p, id: `${run.seed}:${p.id}` } : p));
const looksOf = (run: RunResult): readonly ConstraintLook[] => (run.final.looks ?? []) as ConstraintLook[];

/** A metric's mean over a run's prompts (NaN prompts left out). */
export const meanMetric = (key: MetricKey): RunValue => (run) => {
  const xs = promptsOf(run).map((p) => metricValue(p, key)).filter(Number.isFinite);
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
};

/** The point-biserial correlation between the attention mass on a constraint's span and whether it was satisfied. */
export const lookPredicts: RunValue = (run) => {
  const ls = looksOf(run).filter((l) => Number.isFinite(l.mass));
  const n = ls.length;
  if (n < 3) return NaN;
  const mx = ls.reduce((s, l) => s + l.mass, 0) / n;
  const my = ls.reduce((s, l) => s + (l.passed ? 1 : 0), 0) / n;
  const cov = ls.reduce((s, l) => s + (l.mass - mx) * ((l.passed ? 1 : 0) - my), 0);
  const vx = ls.reduce((s, l) => s + (l.mass - mx) ** 2, 0);
  const vy = ls.reduce((s, l) => s + ((l.passed ? 1 : 0) - my) ** 2, 0);
  return vx === 0 || vy === 0 ? NaN : cov / Math.sqrt(vx * vy);
};

