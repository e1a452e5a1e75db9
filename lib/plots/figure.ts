/**
 * A plotly figure as plain JSON: what every builder in lib/plots returns and the renderer consumes.
 * Traces and layout stay loosely typed on purpose: plotly's schema is huge and figures are data, not code.
 */
export interface Figure {
  readonly data: ReadonlyArray<Record<string, unknown>>;
  readonly layout: Record<string, unknown>;
}

/** Default size of rendered figures, in CSS pixels. */
export const DEFAULT_SIZE = { width: 720, height: 420 } as const;

/** A layout with ifkit's defaults (white template, readable margins, axis titles). */
export function baseLayout(title: string, xTitle: string, yTitle: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: { text: title },
    xaxis: { title: { text: xTitle }, automargin: true },
    yaxis: { title: { text: yTitle }, automargin: true },
    template: 'plotly_white',
    font: { family: 'DejaVu Sans, Arial, sans-serif', size: 13 },
    margin: { l: 70, r: 30, t: 60, b: 70 },
    ...extra,
  };
}

/** One labelled bar series. */
export interface BarSeries {
  readonly name?: string;
  readonly labels: readonly string[];
  readonly values: readonly number[];
  /** Optional symmetric or asymmetric error bars: [lo, hi] per bar, as absolute values. */
  readonly intervals?: ReadonlyArray<readonly [number, number]>;
}

/**
 * A (grouped) bar chart.
 * @example barFigure([{ labels: ['a', 'b'], values: [3, 5] }], { title: 'Counts', xTitle: 'id', yTitle: 'n' })
 */
export function barFigure(series: readonly BarSeries[], opts: { title: string; xTitle: string; yTitle: string; horizontal?: boolean }): Figure {
  const data = series.map((s) => {
    const errors = s.intervals
      ? {
          type: 'data',
          symmetric: false,
          array: s.intervals.map(([, hi], i) => hi - s.values[i]!),
          arrayminus: s.intervals.map(([lo], i) => s.values[i]! - lo),
        }
      : undefined;
    const trace: Record<string, unknown> = opts.horizontal
      ? { type: 'bar', orientation: 'h', y: [...s.labels], x: [...s.values] }
      : { type: 'bar', x: [...s.labels], y: [...s.values] };
    if (s.name !== undefined) trace.name = s.name;
    if (errors) trace[opts.horizontal ? 'error_x' : 'error_y'] = errors;
    return trace;
  });
  const layout = opts.horizontal
    ? baseLayout(opts.title, opts.yTitle, opts.xTitle, { barmode: 'group' })
    : baseLayout(opts.title, opts.xTitle, opts.yTitle, { barmode: 'group' });
  return { data, layout };
}

/** One line of a line chart. */
export interface LineSeries {
  readonly name: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** A line chart of several series over a shared x axis. */
export function lineFigure(series: readonly LineSeries[], opts: { title: string; xTitle: string; yTitle: string }): Figure {
  return {
    data: series.map((s) => ({ type: 'scatter', mode: 'lines+markers', name: s.name, x: [...s.x], y: [...s.y] })),
    layout: baseLayout(opts.title, opts.xTitle, opts.yTitle),
  };
}
