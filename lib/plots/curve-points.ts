import { baseLayout, type Figure } from './figure';
import { colorAt, errorBars, estimates, type IntervalValue } from './interval';

/*
 * A rate against a numeric setting (the judge's recall, the number of constraints) for a few series, each point a
 * mean over seeds with its 95% interval, and optional dotted reference lines (e.g. a recall a paper measured).
 */

/** One point: its x, its value and a label for the hover (the arm). */
export interface LabelledPoint {
  readonly x: number;
  readonly value: IntervalValue;
  readonly label: string;
}

export interface PointSeries {
  readonly name: string;
  readonly points: readonly LabelledPoint[];
  /** Draw the points joined by a line (default) or as markers only. */
  readonly joined?: boolean;
}

/**
 * Series of points with error bars over a numeric axis.
 * @example pointSeriesFigure([{ name: 'noisy judge', points }], { title: 'TRUE pass vs recall', xTitle: 'recall', yTitle: 'TRUE all-pass' })
 */
export function pointSeriesFigure(
  series: readonly PointSeries[],
  opts: { title: string; xTitle: string; yTitle: string; xRange?: readonly [number, number]; yRange?: readonly [number, number]; markers?: readonly { label: string; x: number }[] },
): Figure {
  const data = series.map((s, i) => {
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    return {
      type: 'scatter',
      mode: s.joined === false ? 'markers' : 'lines+markers',
      name: s.name,
      x: pts.map((p) => p.x),
      y: estimates(pts.map((p) => p.value)),
      text: pts.map((p) => p.label),
      hovertemplate: '%{text}: %{y:.3f}<extra></extra>',
      marker: { color: colorAt(i), size: 8, symbol: i === 0 ? 'circle' : 'square' },
      line: { color: colorAt(i), width: 2 },
      error_y: { ...errorBars(pts.map((p) => p.value)), color: colorAt(i) },
    };
  });
  const markers = opts.markers ?? [];
  return {
    data,
    layout: baseLayout(opts.title, opts.xTitle, opts.yTitle, {
      xaxis: { title: { text: opts.xTitle }, automargin: true, ...(opts.xRange ? { range: [...opts.xRange] } : {}) },
      yaxis: { title: { text: opts.yTitle }, automargin: true, ...(opts.yRange ? { range: [...opts.yRange] } : {}) },
      legend: { orientation: 'h', x: 0, y: -0.22 },
      shapes: markers.map((m) => ({ type: 'line', x0: m.x, x1: m.x, y0: 0, y1: 1, yref: 'paper', line: { dash: 'dot', width: 1, color: '#555' } })),
      annotations: markers.map((m) => ({ x: m.x, y: 0.98, yref: 'paper', text: m.label, textangle: -90, showarrow: false, xanchor: 'right', yanchor: 'top', font: { size: 11, color: '#555' } })),
      height: 460,
    }),
  };
}
