import { lineFigure, type Figure } from './figure';

/** One held-out evaluation of the lab policy (rates in [0, 1]). */
export interface LabCurvePoint {
  readonly step: number;
  readonly passRate: number;
  readonly lengthRate: number;
  readonly keywordRate: number;
  readonly lowercaseRate: number;
}

/**
 * Held-out rates along a GRPO run: all-pass and each constraint, so a gain (or a hack) shows which constraint moved.
 * @example labCurveFigure(result.curve.map((c) => ({ step: c.step, ...c.eval })), 'precise rule reward')
 */
export function labCurveFigure(points: readonly LabCurvePoint[], title: string): Figure {
  const x = points.map((p) => p.step);
  const series = (name: string, pick: (p: LabCurvePoint) => number) => ({ name, x, y: points.map(pick) });
  const fig = lineFigure(
    [
      series('all three pass', (p) => p.passRate),
      series('exact word count', (p) => p.lengthRate),
      series('keyword present', (p) => p.keywordRate),
      series('all lowercase', (p) => p.lowercaseRate),
    ],
    { title, xTitle: 'GRPO step', yTitle: 'held-out rate' },
  );
  return { data: fig.data, layout: { ...fig.layout, yaxis: { ...(fig.layout.yaxis as object), range: [0, 1] } } };
}
