import { barFigure, type Figure } from './figure';

/** What the figures need of one accuracy (structurally, the scorer's `Accuracy`). */
export interface AccuracyPoint {
  readonly accuracy: number;
  readonly ci: { readonly lo: number; readonly hi: number };
}

/** One group (category or instruction id) with strict and loose accuracy. */
export interface AccuracyGroup {
  readonly name: string;
  readonly strict: AccuracyPoint;
  readonly loose: AccuracyPoint;
}

/**
 * Strict and loose accuracy per group as grouped horizontal bars with 95% bootstrap intervals, in percent.
 * @example evalAccuracyFigure(summary.perCategory, { title: 'GPT-4 on IFEval, per category' })
 */
export function evalAccuracyFigure(groups: readonly AccuracyGroup[], opts: { title: string; yTitle?: string }): Figure {
  const pct = (x: number): number => Math.round(x * 1000) / 10;
  const series = (mode: 'strict' | 'loose') => ({
    name: mode,
    labels: groups.map((g) => g.name),
    values: groups.map((g) => pct(g[mode].accuracy)),
    intervals: groups.map((g) => [pct(g[mode].ci.lo), pct(g[mode].ci.hi)] as const),
  });
  const fig = barFigure([series('strict'), series('loose')], {
    title: opts.title,
    xTitle: opts.yTitle ?? 'group',
    yTitle: 'accuracy (%), 95% bootstrap CI',
    horizontal: true,
  });
  const height = Math.max(360, 40 + groups.length * 34);
  return { data: fig.data, layout: { ...fig.layout, height, xaxis: { ...(fig.layout.xaxis as object), range: [0, 100] } } };
}
