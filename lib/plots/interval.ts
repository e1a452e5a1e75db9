import type { IntervalValue } from './judge';

/*
 * Intervals drawn the same way in every figure of the lab: a mean with its 95% interval over seeds, as error bars
 * on points and bars, and as a shaded band under a curve. One seed has no interval (NaN bounds): it is drawn as the
 * mean alone, never as a zero-width interval that would look like certainty.
 */

export type { IntervalValue };

/** Points along an axis (GRPO steps, recalls, counts), each a mean with its interval. */
export interface IntervalSeries {
  readonly x: readonly number[];
  readonly values: readonly IntervalValue[];
}

/** Colours of series, in order (plotly's defaults, listed so that a band can share its line's colour). */
export const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'] as const;

/** The i-th palette colour, cycling. */
export const colorAt = (i: number): string => PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length]!;

/** '#rrggbb' with an alpha, as plotly's rgba(). @example rgba('#1f77b4', 0.2) // 'rgba(31,119,180,0.2)' */
export function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** A number as a plotly coordinate: NaN (no value) becomes null, which plotly draws as a gap. */
export const orGap = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Plotly error bars (`error_y` or `error_x`) from intervals; a missing bound draws no bar.
 * @example errorBars([{ estimate: 0.5, lo: 0.4, hi: 0.7 }]) // { array: [0.2], arrayminus: [0.1], … }
 */
export function errorBars(values: readonly IntervalValue[]): Record<string, unknown> {
  const array = values.map((v) => orGap(v.hi - v.estimate));
  const arrayminus = values.map((v) => orGap(v.estimate - v.lo));
  // Plotly reads a null distance as 0 and draws a flat cap; with no interval anywhere (one seed), draw none at all.
  const visible = [...array, ...arrayminus].some((x) => x !== null);
  return { type: 'data', symmetric: false, array, arrayminus, thickness: 1.2, width: 3, visible };
}

/** Estimates as plotly coordinates (NaN becomes a gap). */
export const estimates = (values: readonly IntervalValue[]): (number | null)[] => values.map((v) => orGap(v.estimate));

/**
 * A shaded band between the interval bounds of a series: one closed polygon over the points whose bounds are
 * finite, or null when there are none (one seed). Not in the legend; hover shows the line, not the band.
 * @example bandTrace({ x: [0, 1], values }, '#1f77b4', { xaxis: 'x', yaxis: 'y' })
 */
export function bandTrace(s: IntervalSeries, color: string, axes: { xaxis: string; yaxis: string }, legendgroup?: string): Record<string, unknown> | null {
  const idx = s.x.map((_, i) => i).filter((i) => Number.isFinite(s.values[i]!.lo) && Number.isFinite(s.values[i]!.hi));
  if (idx.length === 0) return null;
  const x = [...idx.map((i) => s.x[i]!), ...idx.map((i) => s.x[i]!).reverse()];
  const y = [...idx.map((i) => s.values[i]!.hi), ...idx.map((i) => s.values[i]!.lo).reverse()];
  return {
    type: 'scatter',
    mode: 'lines',
    x,
    y,
    fill: 'toself',
    fillcolor: rgba(color, 0.18),
    line: { width: 0, color },
    hoverinfo: 'skip',
    showlegend: false,
    ...(legendgroup ? { legendgroup } : {}),
    ...axes,
  };
}
