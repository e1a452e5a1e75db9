import type { Figure } from './figure';
import { errorBars, estimates, type IntervalValue } from './interval';
import { panelAxes, panelLayout } from './panels';

/*
 * Pass rate against the number of constraints in the held-out prompt, one line per number of constraints the
 * policy trained on, one panel per reward (precise, noisy). A line's colour is its training count in both panels,
 * from light (fewest) to dark (most), so the panels compare line by line.
 */

/** One training count: the TRUE pass rate on held-out prompts of each count. */
export interface CountLine {
  readonly trainK: number;
  readonly evalK: readonly number[];
  readonly values: readonly IntervalValue[];
}

export interface CountPanel {
  readonly name: string;
  readonly lines: readonly CountLine[];
}

/** Viridis without its palest yellow (unreadable on white), from t = 0 (yellow-green) to 1 (dark purple). */
const RAMP = [
  [122, 209, 81],
  [34, 168, 132],
  [42, 120, 142],
  [65, 68, 135],
  [68, 1, 84],
] as const;

/** The colour at t in [0, 1] along RAMP. @example ramp(0) // 'rgb(122,209,81)' */
export function ramp(t: number): string {
  const u = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(u));
  const [a, b] = [RAMP[i]!, RAMP[i + 1]!];
  const mix = (j: number): number => Math.round(a[j]! + (b[j]! - a[j]!) * (u - i));
  return `rgb(${mix(0)},${mix(1)},${mix(2)})`;
}

/**
 * Pass rate vs held-out constraint count, lines per training count, panels per reward.
 * @example passByCountFigure([{ name: 'precise reward', lines: [{ trainK: 1, evalK: [1, 2], values }] }], { title: 'Constraint count' })
 */
export function passByCountFigure(panels: readonly CountPanel[], opts: { title: string; yTitle?: string }): Figure {
  const ks = [...new Set(panels.flatMap((p) => p.lines.map((l) => l.trainK)))].sort((a, b) => a - b);
  const colorOf = (k: number): string => ramp(ks.length < 2 ? 1 : ks.indexOf(k) / (ks.length - 1));
  const data = panels.flatMap((p, i) =>
    [...p.lines]
      .sort((a, b) => a.trainK - b.trainK)
      .map((l) => ({
        type: 'scatter',
        mode: 'lines+markers',
        name: `trained on k = ${l.trainK}`,
        legendgroup: `k${l.trainK}`,
        showlegend: i === 0,
        x: [...l.evalK],
        y: estimates(l.values),
        line: { color: colorOf(l.trainK), width: 2 },
        marker: { color: colorOf(l.trainK), size: 6 },
        error_y: { ...errorBars(l.values), color: colorOf(l.trainK) },
        ...panelAxes(i),
      })),
  );
  const layout = panelLayout(panels.map((p) => p.name), {
    title: opts.title,
    xTitle: 'constraints in the held-out prompt',
    yTitle: opts.yTitle ?? 'TRUE all-pass',
    yRange: [0, 1.02],
    columns: panels.length,
    rowHeight: 340,
    xaxis: { dtick: 1 },
  });
  return { data, layout };
}
