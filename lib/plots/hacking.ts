import type { Figure } from './figure';
import { bandTrace, colorAt, errorBars, estimates, type IntervalSeries } from './interval';
import { panelAxes, panelLayout } from './panels';

/*
 * Hacking curves: what the policy is paid (the training reward, from the judge) beside what it earns (the TRUE
 * all-pass rate of the same rollouts), on one time axis, one panel per arm. A precise reward keeps the two lines
 * together; a gap that opens up is reward the policy collects without following the constraints. Optionally the
 * held-out TRUE pass rate at each evaluation, as points.
 */

/** One arm's curves, each a mean over seeds with its band. */
export interface HackingPanel {
  readonly name: string;
  readonly reward: IntervalSeries;
  readonly truePass: IntervalSeries;
  readonly heldOut?: IntervalSeries;
}

const REWARD = { label: 'training reward (judge)', color: colorAt(1) };
const TRUTH = { label: 'TRUE all-pass, same rollouts', color: colorAt(0) };
const HELD_OUT = { color: colorAt(2) };

/**
 * One panel per arm: reward and TRUE pass over GRPO steps with 95% bands, rates on [0, 1].
 * @example hackingCurvesFigure([{ name: 'recall-0.306', reward, truePass }], { title: 'Judge precision: hacking curves' })
 */
export function hackingCurvesFigure(panels: readonly HackingPanel[], opts: { title: string; heldOutLabel?: string; columns?: number }): Figure {
  const heldOutLabel = opts.heldOutLabel ?? 'held-out TRUE all-pass';
  const data = panels.flatMap((p, i) => {
    const axes = panelAxes(i);
    const line = (s: IntervalSeries, label: string, color: string, dash?: string) => ({
      type: 'scatter',
      mode: 'lines',
      name: label,
      legendgroup: label,
      showlegend: i === 0,
      x: [...s.x],
      y: estimates(s.values),
      line: { color, width: 2, ...(dash ? { dash } : {}) },
      ...axes,
    });
    const traces = [bandTrace(p.reward, REWARD.color, axes, REWARD.label), line(p.reward, REWARD.label, REWARD.color), bandTrace(p.truePass, TRUTH.color, axes, TRUTH.label), line(p.truePass, TRUTH.label, TRUTH.color, 'dash')];
    if (p.heldOut) {
      traces.push({
        type: 'scatter',
        mode: 'markers',
        name: heldOutLabel,
        legendgroup: heldOutLabel,
        showlegend: i === 0,
        x: [...p.heldOut.x],
        y: estimates(p.heldOut.values),
        marker: { color: HELD_OUT.color, size: 6, symbol: 'diamond' },
        error_y: { ...errorBars(p.heldOut.values), color: HELD_OUT.color },
        ...axes,
      });
    }
    return traces.filter((t): t is Record<string, unknown> => t !== null);
  });
  const columns = opts.columns ?? (panels.length > 6 ? 4 : 3);
  return { data, layout: panelLayout(panels.map((p) => p.name), { title: opts.title, xTitle: 'GRPO step', yTitle: 'rate', yRange: [0, 1.02], columns, rowHeight: 200 }) };
}
