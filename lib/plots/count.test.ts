import { describe, expect, it } from 'vitest';
import { passByCountFigure, ramp } from './count';

const v = (estimate: number) => ({ estimate, lo: NaN, hi: NaN });
const line = (trainK: number, ys: number[]) => ({ trainK, evalK: [1, 2, 3], values: ys.map(v) });

describe('passByCountFigure', () => {
  const fig = passByCountFigure(
    [
      { name: 'precise', lines: [line(3, [0.8, 0.6, 0.4]), line(1, [0.7, 0.4, 0.2])] },
      { name: 'noisy', lines: [line(1, [0.6, 0.3, 0.1]), line(3, [0.5, 0.2, NaN])] },
    ],
    { title: 'count' },
  );

  it('draws a line per training count in each reward’s panel, sorted by count', () => {
    expect(fig.data.map((t) => [t.name, t.xaxis])).toEqual([
      ['trained on k = 1', 'x'],
      ['trained on k = 3', 'x'],
      ['trained on k = 1', 'x2'],
      ['trained on k = 3', 'x2'],
    ]);
    expect(fig.data[3]).toMatchObject({ x: [1, 2, 3], y: [0.5, 0.2, null] });
  });

  it('gives a training count the same colour in both panels, lightest for the fewest', () => {
    const colour = (i: number) => (fig.data[i]!.line as { color: string }).color;
    expect(colour(0)).toBe(colour(2));
    expect(colour(1)).toBe(colour(3));
    expect(colour(0)).toBe(ramp(0));
    expect(colour(1)).toBe(ramp(1));
    expect(fig.data.filter((t) => t.showlegend).map((t) => t.name)).toEqual(['trained on k = 1', 'trained on k = 3']);
  });

  it('ramps through viridis: ends and midpoint', () => {
    expect(ramp(0)).toBe('rgb(122,209,81)');
    expect(ramp(1)).toBe('rgb(68,1,84)');
    expect(ramp(0.5)).toBe('rgb(42,120,142)');
    expect(ramp(0.125)).toBe('rgb(78,189,107)');
  });
});
