import { barFigure, baseLayout, type Figure } from './figure';

/** A judge's counts against the truth (violation = positive class); plain data, so plots need not import judge. */
export interface ConfusionCounts {
  readonly tp: number;
  readonly fn: number;
  readonly fp: number;
  readonly tn: number;
  readonly invalidViolation: number;
  readonly invalidCompliant: number;
}

/** A value with its confidence interval; NaN for undefined. */
export interface IntervalValue {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

/**
 * The confusion matrix as a heatmap: rows are the truth (violated, followed), columns the judge's verdict
 * (violated, followed, invalid); each cell shows its count and its share of the row, colour = share of the row.
 * @example confusionMatrixFigure({ tp: 3, fn: 7, fp: 5, tn: 85, invalidViolation: 0, invalidCompliant: 0 }, 'sim:noisy')
 */
export function confusionMatrixFigure(c: ConfusionCounts, title: string): Figure {
  const rows = [
    [c.tp, c.fn, c.invalidViolation],
    [c.fp, c.tn, c.invalidCompliant],
  ];
  const totals = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const x = ['judge: violated', 'judge: followed', 'judge: invalid'];
  const y = ['truth: violated', 'truth: followed'];
  const annotations = rows.flatMap((r, i) =>
    r.map((n, j) => ({ x: x[j], y: y[i], text: `${n}<br>${pct(n, totals[i]!)}`, showarrow: false, font: { size: 15 } })),
  );
  return {
    data: [
      {
        type: 'heatmap',
        x,
        y,
        z: rows.map((r, i) => r.map((n) => (totals[i] ? n / totals[i]! : 0))),
        zmin: 0,
        zmax: 1,
        // White to a mid blue, so the dark cell text stays readable at any share.
        colorscale: [
          [0, '#ffffff'],
          [1, '#6fa8dc'],
        ],
        showscale: false,
        hovertemplate: '%{y}, %{x}: %{z:.1%} of the row<extra></extra>',
      },
    ],
    layout: baseLayout(title, 'judge verdict', 'rule verdict (truth)', {
      annotations,
      yaxis: { autorange: 'reversed', automargin: true },
      width: 560,
      height: 340,
    }),
  };
}

/**
 * Recall on violations (share of violating responses the judge catches) per group, with bootstrap CIs.
 * @example judgeRecallFigure([{ label: 'keywords', value: { estimate: 0.3, lo: 0.2, hi: 0.4 } }], 'sim:noisy')
 */
export function judgeRecallFigure(groups: readonly { label: string; value: IntervalValue }[], title: string): Figure {
  return barFigure(
    [{ labels: groups.map((g) => g.label), values: groups.map((g) => g.value.estimate), intervals: groups.map((g) => [g.value.lo, g.value.hi] as const) }],
    // barFigure's xTitle names the category axis, also when horizontal.
    { title, xTitle: '', yTitle: 'recall on violations (95% CI)', horizontal: true },
  );
}

/**
 * Several judges side by side: recall on violations and on compliant responses, with CIs.
 * @example judgeComparisonFigure([{ name: 'always-yes', recallViolation: {...}, recallCompliant: {...} }])
 */
export function judgeComparisonFigure(judges: readonly { name: string; recallViolation: IntervalValue; recallCompliant: IntervalValue }[], title: string): Figure {
  const labels = judges.map((j) => wrapLabel(j.name, 14));
  const series = (name: string, pick: (j: (typeof judges)[number]) => IntervalValue) => ({
    name,
    labels,
    values: judges.map((j) => pick(j).estimate),
    intervals: judges.map((j) => [pick(j).lo, pick(j).hi] as const),
  });
  const fig = barFigure([series('recall on violations', (j) => j.recallViolation), series('recall on compliant', (j) => j.recallCompliant)], {
    title,
    xTitle: 'judge',
    yTitle: 'recall (95% CI)',
  });
  return {
    data: fig.data,
    layout: {
      ...fig.layout,
      xaxis: { title: { text: 'judge' }, tickangle: 0, automargin: true },
      yaxis: { title: { text: 'recall (95% CI)' }, range: [0, 1.05] },
      legend: { orientation: 'h', y: 1.08, x: 0 },
      width: 900,
      height: 500,
    },
  };
}

/** Breaks a long tick label into lines of about `width` characters (plotly wraps nothing itself). */
export function wrapLabel(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('<br>');
}

/**
 * Expected reward over the judge's recall on violations, one line per series, with vertical markers at
 * reference recalls (e.g. the recalls a paper measured).
 * @example judgeRewardCurveFigure({ recall: [0, 1], series: [{ label: '1 violated', reward: [1, 0] }] }, [{ label: 'Qwen3-32B', recall: 0.306 }], 'Reward')
 */
export function judgeRewardCurveFigure(
  curve: { readonly recall: readonly number[]; readonly series: readonly { label: string; reward: readonly number[] }[] },
  markers: readonly { label: string; recall: number }[],
  title: string,
): Figure {
  const data = curve.series.map((s) => ({ type: 'scatter', mode: 'lines', name: s.label, x: [...curve.recall], y: [...s.reward] }));
  const shapes = markers.map((m) => ({ type: 'line', x0: m.recall, x1: m.recall, y0: 0, y1: 1, yref: 'paper', line: { dash: 'dot', width: 1, color: '#555' } }));
  // Labels run up the marker lines, so neighbouring recalls do not overprint each other.
  const annotations = markers.map((m) => ({ x: m.recall, y: 0.02, yref: 'paper', text: m.label, textangle: -90, showarrow: false, xanchor: 'right', yanchor: 'bottom', font: { size: 11, color: '#555' } }));
  return {
    data,
    layout: baseLayout(title, "judge's recall on violations", 'expected reward', {
      shapes,
      annotations,
      xaxis: { title: { text: "judge's recall on violations" }, range: [0, 1] },
      yaxis: { title: { text: 'expected reward' }, range: [0, 1.02] },
      legend: { orientation: 'h', y: -0.2, x: 0 },
      height: 480,
    }),
  };
}
