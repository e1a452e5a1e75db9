import { baseLayout, type Figure } from './figure';
import { colorAt, errorBars, orGap, type IntervalValue } from './interval';

/*
 * Per constraint type, the TRUE pass rate before (warm start) and after GRPO, as a dumbbell: an open marker before,
 * a filled one after, joined by a grey line, hard types above soft ones. The fairness check of a world reads off it
 * whether soft types move about as far as hard ones.
 */

export interface TypeBeforeAfter {
  readonly name: string;
  readonly kind: 'hard' | 'soft';
  readonly before: IntervalValue;
  readonly after: IntervalValue;
}

/**
 * Before/after dumbbells per type, hard then soft.
 * @example typeBeforeAfterFigure([{ name: 'no_comma', kind: 'hard', before, after }], { title: 'World check' })
 */
export function typeBeforeAfterFigure(types: readonly TypeBeforeAfter[], opts: { title: string }): Figure {
  const rows = [...types.filter((t) => t.kind === 'hard'), ...types.filter((t) => t.kind === 'soft')];
  const label = (t: TypeBeforeAfter): string => `${t.name} (${t.kind})`;
  const labels = rows.map(label);
  const connectors = {
    type: 'scatter',
    mode: 'lines',
    x: rows.flatMap((t) => [orGap(t.before.estimate), orGap(t.after.estimate), null]),
    y: rows.flatMap((t) => [label(t), label(t), null]),
    line: { color: '#bbb', width: 3 },
    hoverinfo: 'skip',
    showlegend: false,
  };
  const before = {
    type: 'scatter',
    mode: 'markers',
    name: 'before (warm start)',
    x: rows.map((t) => orGap(t.before.estimate)),
    y: labels,
    marker: { color: '#fff', size: 9, line: { color: '#555', width: 1.5 } },
  };
  const after = (kind: 'hard' | 'soft', color: string) => {
    const of = rows.filter((t) => t.kind === kind);
    return {
      type: 'scatter',
      mode: 'markers',
      name: `after GRPO: ${kind}`,
      x: of.map((t) => orGap(t.after.estimate)),
      y: of.map(label),
      marker: { color, size: 10 },
      error_x: { ...errorBars(of.map((t) => t.after)), color },
    };
  };
  return {
    data: [connectors, before, after('hard', colorAt(0)), after('soft', colorAt(4))],
    layout: baseLayout(opts.title, 'TRUE pass rate on held-out prompts', '', {
      xaxis: { title: { text: 'TRUE pass rate on held-out prompts' }, range: [-0.02, 1.02], automargin: true },
      yaxis: { automargin: true, autorange: 'reversed', categoryorder: 'array', categoryarray: labels },
      legend: { orientation: 'h', x: 0, y: 0.01, yanchor: 'bottom', yref: 'container' },
      margin: { l: 70, r: 30, t: 80, b: 110 },
      height: Math.max(360, 140 + rows.length * 26),
      width: 720,
    }),
  };
}
