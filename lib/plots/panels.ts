/*
 * Small multiples: one panel per arm (or per reward), laid out on plotly's subplot grid, sharing axis titles (the x
 * title under the bottom row, the y title left of the first column) and, when asked, one y range so that panels
 * compare at a glance.
 */

/** The axes of panel i (0-based) as trace references: 'x', 'y' for the first, 'x2', 'y2' for the second, … */
export function panelAxes(i: number): { xaxis: string; yaxis: string } {
  const n = i === 0 ? '' : String(i + 1);
  return { xaxis: `x${n}`, yaxis: `y${n}` };
}

export interface PanelOptions {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /** Panels per row (default: up to 3). */
  readonly columns?: number;
  /** One y range for every panel, e.g. [0, 1] for rates. */
  readonly yRange?: readonly [number, number];
  /** Extra layout keys (legend, shapes, …). */
  readonly extra?: Record<string, unknown>;
  /** Height of one row of panels in CSS pixels. */
  readonly rowHeight?: number;
  /** Extra keys of every x axis (e.g. { dtick: 1 } for counts). */
  readonly xaxis?: Record<string, unknown>;
}

/**
 * The layout of a grid of panels titled `titles`, with a size that grows with the rows.
 * @example panelLayout(['oracle', 'noisy'], { title: 'Pass rate', xTitle: 'step', yTitle: 'rate', yRange: [0, 1] })
 */
export function panelLayout(titles: readonly string[], o: PanelOptions): Record<string, unknown> {
  const columns = Math.max(1, Math.min(o.columns ?? 3, titles.length));
  const rows = Math.max(1, Math.ceil(titles.length / columns));
  const layout: Record<string, unknown> = {
    title: { text: o.title },
    template: 'plotly_white',
    font: { family: 'DejaVu Sans, Arial, sans-serif', size: 12 },
    margin: { l: 70, r: 30, t: 110, b: 110 },
    grid: { rows, columns, pattern: 'independent', roworder: 'top to bottom', xgap: 0.12, ygap: 0.32 },
    width: Math.max(720, 300 * columns + 100),
    height: 180 + rows * (o.rowHeight ?? 220),
    legend: { orientation: 'h', x: 0, y: 0.01, yanchor: 'bottom', yref: 'container' },
    annotations: titles.map((text, i) => {
      const { xaxis, yaxis } = panelAxes(i);
      return { text, showarrow: false, x: 0.5, y: 1, xref: `${xaxis} domain`, yref: `${yaxis} domain`, xanchor: 'center', yanchor: 'bottom', font: { size: 12 } };
    }),
    ...o.extra,
  };
  titles.forEach((_, i) => {
    const n = i === 0 ? '' : String(i + 1);
    const bottom = i + columns >= titles.length;
    const left = i % columns === 0;
    layout[`xaxis${n}`] = { automargin: true, ...o.xaxis, ...(bottom ? { title: { text: o.xTitle } } : {}) };
    layout[`yaxis${n}`] = { automargin: true, ...(left ? { title: { text: o.yTitle } } : {}), ...(o.yRange ? { range: [...o.yRange] } : {}) };
  });
  return layout;
}
