import type { Interval } from '../stats/bootstrap';
import { barFigure, baseLayout, type Figure } from './figure';

/*
 * Figures of the attention analysis (lib/analysis): plain data in, plotly JSON out. Layer × head heatmaps of a
 * metric or of after − before, a token-level heatmap of one prompt + response, and per-span bars with CIs.
 */

/** A grid of intervals: cells[layer][head] (one column when pooled over heads). */
export type IntervalCells = readonly (readonly Interval[])[];

/** Colours of span roles, shared by the token heatmap and the bars. */
export const ROLE_COLOURS: Readonly<Record<string, string>> = {
  system: '#9e9e9e',
  query: '#1f77b4',
  constraint: '#d62728',
  response: '#2ca02c',
};

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
const excludesZero = (c: Interval): boolean => c.lo > 0 || c.hi < 0;

/**
 * A layer × head heatmap of a metric ('level') or of after − before ('difference': diverging colours centred on
 * 0; a dot marks cells whose CI excludes 0). Hover shows each cell's estimate and CI. One column = pooled heads.
 * @example attentionHeadsFigure(summariseMetric(ps, { metric: 'mass', span: 'constraint' }, 'head', { seed: 0 }), { title: 'mass on constraint', metric: 'mass', kind: 'level' })
 */
export function attentionHeadsFigure(cells: IntervalCells, opts: { title: string; metric: string; kind: 'level' | 'difference' }): Figure {
  const layers = cells.length;
  const heads = cells[0]?.length ?? 0;
  const diff = opts.kind === 'difference';
  const x = heads === 1 ? ['mean over heads'] : Array.from({ length: heads }, (_, h) => `h${h}`);
  const y = Array.from({ length: layers }, (_, l) => `L${l}`);
  const trace: Record<string, unknown> = {
    type: 'heatmap',
    x,
    y,
    z: cells.map((row) => row.map((c) => orNull(c.estimate))),
    customdata: cells.map((row) => row.map((c) => [orNull(c.lo), orNull(c.hi)])),
    hovertemplate: `%{y} %{x}: %{z:.3f} (95% CI %{customdata[0]:.3f} to %{customdata[1]:.3f})<extra></extra>`,
    colorscale: diff ? 'RdBu' : 'Viridis',
    reversescale: diff, // red = increase
    colorbar: { title: { text: diff ? `Δ ${opts.metric}` : opts.metric } },
  };
  if (diff) {
    trace.zmid = 0;
    trace.text = cells.map((row) => row.map((c) => (excludesZero(c) ? '•' : '')));
    trace.texttemplate = '%{text}';
  }
  return {
    data: [trace],
    layout: baseLayout(opts.title, heads === 1 ? '' : 'head', 'layer', {
      yaxis: { title: { text: 'layer' }, autorange: 'reversed', automargin: true },
      width: Math.min(1100, 260 + 34 * Math.max(heads, 4)),
      height: Math.min(900, 200 + 30 * Math.max(layers, 4)),
    }),
  };
}

/** One prompt's attention for the token heatmap (lib/analysis/token-view.ts builds it). */
export interface TokenHeatmap {
  readonly tokens: readonly string[];
  readonly queries: readonly number[];
  readonly weights: readonly (readonly number[])[];
  readonly spans: readonly { readonly role: string; readonly start: number; readonly end: number; readonly id?: string }[];
}

/**
 * Token-level heatmap: one row per query token (the response), one column per key token, with the labelled spans
 * drawn as coloured bands above the keys. Grey cells are keys the query cannot see (or a dropped sink).
 * @example tokenAttentionFigure(tokenView(record, { layer: 1, head: 'mean', sink: 'drop' }), 'p1, layer 1, mean over heads')
 */
export function tokenAttentionFigure(view: TokenHeatmap, title: string): Figure {
  const T = view.tokens.length;
  const keys = Array.from({ length: T }, (_, k) => k);
  const shapes = view.spans.map((s) => ({
    type: 'rect',
    xref: 'x',
    yref: 'paper',
    x0: s.start - 0.5,
    x1: s.end - 0.5,
    y0: 1.01,
    y1: 1.05,
    fillcolor: ROLE_COLOURS[s.role] ?? '#7f7f7f',
    line: { width: 0 },
  }));
  const annotations = view.spans.map((s) => ({
    x: (s.start + s.end - 1) / 2,
    y: 1.06,
    xref: 'x',
    yref: 'paper',
    yanchor: 'bottom',
    text: s.id ?? s.role,
    showarrow: false,
    font: { size: 11 },
  }));
  return {
    data: [
      {
        type: 'heatmap',
        x: keys,
        y: view.queries,
        z: view.weights.map((row) => row.map(orNull)),
        zmin: 0,
        // white (no attention) to dark blue; plotly's own 'Blues' runs the other way
        colorscale: [
          [0, '#ffffff'],
          [1, '#08306b'],
        ],
        colorbar: { title: { text: 'attention' } },
        hovertemplate: 'query %{y} → key %{x}: %{z:.3f}<extra></extra>',
      },
    ],
    layout: baseLayout(title, 'key token', 'query token (response)', {
      xaxis: { tickvals: keys, ticktext: [...view.tokens], tickangle: -60, automargin: true, title: { text: 'key token' } },
      yaxis: {
        tickvals: [...view.queries],
        ticktext: view.queries.map((t) => view.tokens[t] ?? String(t)),
        autorange: 'reversed',
        automargin: true,
        title: { text: 'query token (response)' },
      },
      plot_bgcolor: '#e8e8e8', // keys a query cannot see stay grey, apart from weights near 0 (white)
      shapes,
      annotations,
      margin: { l: 90, r: 30, t: 100, b: 110 },
      width: Math.min(1400, 300 + 22 * T),
      height: Math.min(1000, 260 + 22 * view.queries.length),
    }),
  };
}

/** One series of per-span bars: e.g. one policy, or "before" / "after". */
export interface SpanBarSeries {
  readonly name: string;
  readonly bars: readonly { readonly span: string; readonly value: Interval }[];
}

/**
 * Per-span bars with 95% CIs, one group per span, one bar per series.
 * @example spanBarsFigure([{ name: 'trained', bars: [{ span: 'constraint', value: ci }] }], { title: 'lift', yTitle: 'lift over uniform' })
 */
export function spanBarsFigure(series: readonly SpanBarSeries[], opts: { title: string; yTitle: string }): Figure {
  return barFigure(
    series.map((s) => ({
      name: s.name,
      labels: s.bars.map((b) => b.span),
      values: s.bars.map((b) => b.value.estimate),
      intervals: s.bars.map((b) => [b.value.lo, b.value.hi] as const),
    })),
    { title: opts.title, xTitle: 'span', yTitle: `${opts.yTitle} (95% CI)` },
  );
}
