import { baseLayout, type Figure } from './figure';
import { colorAt, errorBars, estimates, type IntervalValue } from './interval';

/*
 * A rate per arm and evaluation set, as horizontal grouped bars with 95% intervals over seeds: one colour per set,
 * one row per arm (arm names are long, so they read down the side). Arms keep the order given, top to bottom.
 */

/** One evaluation set: a value per arm, in the order of the arms. */
export interface SetValues {
  readonly name: string;
  readonly values: readonly IntervalValue[];
}

/**
 * Grouped bars: arms down the side, one bar per set.
 * @example armSetBarsFigure(['hard-only.oracle'], [{ name: 'mixed', values: [{ estimate: 0.4, lo: 0.3, hi: 0.5 }] }], { title: 'TRUE all-pass', xTitle: 'TRUE all-pass after GRPO' })
 */
export function armSetBarsFigure(arms: readonly string[], sets: readonly SetValues[], opts: { title: string; xTitle: string; range?: readonly [number, number] }): Figure {
  const bad = sets.find((s) => s.values.length !== arms.length);
  if (bad) throw new Error(`armSetBarsFigure: set ${bad.name} has ${bad.values.length} values for ${arms.length} arms`);
  // The category axis runs top-down (autorange reversed), so the first arm is on top and, within an arm, the sets
  // read top-down in legend order.
  const data = sets.map((s, i) => ({
      type: 'bar',
      orientation: 'h',
      name: s.name,
      y: [...arms],
      x: estimates(s.values),
      marker: { color: colorAt(i) },
      error_x: { ...errorBars(s.values), color: '#333' },
    }));
  const layout = baseLayout(opts.title, opts.xTitle, '', {
    barmode: 'group',
    height: Math.max(360, 140 + arms.length * (14 * sets.length + 12)),
    width: 760,
    legend: { orientation: 'h', x: 0, y: 0.01, yanchor: 'bottom', yref: 'container' },
    margin: { l: 70, r: 30, t: 80, b: 110 },
    xaxis: { title: { text: opts.xTitle }, automargin: true, ...(opts.range ? { range: [...opts.range] } : { range: [0, 1] }) },
    yaxis: { automargin: true, autorange: 'reversed', categoryorder: 'array', categoryarray: [...arms] },
  });
  return { data, layout };
}
