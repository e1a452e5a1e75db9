import { describe, expect, it } from 'vitest';
import { armSetBarsFigure } from './arm-bars';

const v = (estimate: number, lo: number, hi: number) => ({ estimate, lo, hi });

describe('armSetBarsFigure', () => {
  const fig = armSetBarsFigure(
    ['hard-only.oracle', 'mixed-22.noisy'],
    [
      { name: 'hard set', values: [v(0.6, 0.5, 0.7), v(0.4, 0.3, 0.45)] },
      { name: 'mixed set', values: [v(0.3, NaN, NaN), v(0.2, 0.1, 0.3)] },
    ],
    { title: 'pass', xTitle: 'TRUE all-pass' },
  );

  it('draws one horizontal bar series per set over the arms, with their intervals', () => {
    expect(fig.data.map((t) => t.name)).toEqual(['hard set', 'mixed set']);
    expect(fig.data[0]).toMatchObject({ type: 'bar', orientation: 'h', y: ['hard-only.oracle', 'mixed-22.noisy'], x: [0.6, 0.4] });
    const err = fig.data[1]!.error_x as { array: (number | null)[] };
    expect(err.array[0]).toBeNull();
    expect(err.array[1]).toBeCloseTo(0.1, 12);
  });

  it('keeps the arms top-down in the order given and grows with them', () => {
    expect(fig.layout.yaxis).toMatchObject({ autorange: 'reversed', categoryarray: ['hard-only.oracle', 'mixed-22.noisy'] });
    expect(fig.layout.height).toBe(360);
    expect(fig.layout.xaxis).toMatchObject({ range: [0, 1] });
  });

  it('refuses a set whose values do not match the arms', () => {
    expect(() => armSetBarsFigure(['a', 'b'], [{ name: 'soft set', values: [v(1, 1, 1)] }], { title: 't', xTitle: 'x' })).toThrow(/soft set has 1 values for 2 arms/);
  });
});
