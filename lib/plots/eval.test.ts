import { describe, expect, it } from 'vitest';
import { evalAccuracyFigure } from './eval';

const point = (accuracy: number, lo: number, hi: number) => ({ accuracy, ci: { lo, hi } });

describe('evalAccuracyFigure', () => {
  it('draws strict and loose bars per group with asymmetric error bars in percent', () => {
    const fig = evalAccuracyFigure(
      [
        { name: 'keywords', strict: point(0.5, 0.4, 0.65), loose: point(0.6, 0.5, 0.7) },
        { name: 'startend', strict: point(1, 1, 1), loose: point(1, 1, 1) },
      ],
      { title: 'per category' },
    );
    expect(fig.data).toHaveLength(2);
    const strict = fig.data[0]!;
    expect(strict).toMatchObject({ type: 'bar', orientation: 'h', name: 'strict', y: ['keywords', 'startend'], x: [50, 100] });
    expect(strict.error_x).toMatchObject({ array: [15, 0], arrayminus: [10, 0] });
    expect(fig.layout.xaxis).toMatchObject({ range: [0, 100] });
  });
});
