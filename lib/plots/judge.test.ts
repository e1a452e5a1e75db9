import { describe, expect, it } from 'vitest';
import { confusionMatrixFigure, judgeComparisonFigure, judgeRecallFigure, judgeRewardCurveFigure, wrapLabel } from './judge';

describe('judge figures', () => {
  it('confusion matrix: counts and row shares', () => {
    const fig = confusionMatrixFigure({ tp: 3, fn: 7, fp: 5, tn: 85, invalidViolation: 0, invalidCompliant: 0 }, 'noisy');
    const trace = fig.data[0]!;
    expect(trace.z).toEqual([
      [0.3, 0.7, 0],
      [5 / 90, 85 / 90, 0],
    ]);
    const texts = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
    expect(texts[0]).toBe('3<br>30.0%');
    expect(texts[4]).toBe('85<br>94.4%');
  });

  it('confusion matrix of an empty row shows a dash, not NaN', () => {
    const fig = confusionMatrixFigure({ tp: 0, fn: 0, fp: 0, tn: 4, invalidViolation: 0, invalidCompliant: 0 }, 'x');
    expect((fig.layout.annotations as { text: string }[])[0]!.text).toBe('0<br>–');
  });

  it('recall bars carry asymmetric error bars', () => {
    const fig = judgeRecallFigure([{ label: 'a', value: { estimate: 0.3, lo: 0.2, hi: 0.5 } }], 't');
    const err = fig.data[0]!.error_x as { array: number[]; arrayminus: number[] };
    expect(err.array[0]).toBeCloseTo(0.2, 12);
    expect(err.arrayminus[0]).toBeCloseTo(0.1, 12);
  });

  it('comparison has two series over the judges', () => {
    const v = { estimate: 0.5, lo: 0.4, hi: 0.6 };
    const fig = judgeComparisonFigure([{ name: 'j1', recallViolation: v, recallCompliant: v }, { name: 'j2', recallViolation: v, recallCompliant: v }], 't');
    expect(fig.data.map((d) => d.name)).toEqual(['recall on violations', 'recall on compliant']);
    expect(fig.data[0]!.x).toEqual(['j1', 'j2']);
  });

  it('wraps long labels at word boundaries', () => {
    expect(wrapLabel('Qwen3-32B, several constraints per call', 18)).toBe('Qwen3-32B, several<br>constraints per<br>call');
    expect(wrapLabel('short', 18)).toBe('short');
  });

  it('reward curve draws one line per series and one marker per reference recall', () => {
    const fig = judgeRewardCurveFigure({ recall: [0, 0.5, 1], series: [{ label: 'one violated', reward: [1, 0.5, 0] }] }, [{ label: 'Qwen3-32B', recall: 0.306 }], 't');
    expect(fig.data[0]).toMatchObject({ name: 'one violated', x: [0, 0.5, 1], y: [1, 0.5, 0] });
    expect((fig.layout.shapes as { x0: number }[])[0]!.x0).toBe(0.306);
  });
});
