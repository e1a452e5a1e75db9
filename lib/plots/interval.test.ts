import { describe, expect, it } from 'vitest';
import { bandTrace, colorAt, errorBars, estimates, rgba } from './interval';

const v = (estimate: number, lo: number, hi: number) => ({ estimate, lo, hi });
const axes = { xaxis: 'x2', yaxis: 'y2' };

describe('interval drawing', () => {
  it('error bars are the distances to the bounds; a missing bound draws none', () => {
    const e = errorBars([v(0.5, 0.4, 0.75), v(0.2, NaN, NaN)]);
    expect(e.array).toEqual([0.25, null]);
    expect((e.arrayminus as number[])[0]).toBeCloseTo(0.1, 12);
    expect((e.arrayminus as (number | null)[])[1]).toBeNull();
    expect(e.symmetric).toBe(false);
    expect(e.visible).toBe(true);
    expect(errorBars([v(0.2, NaN, NaN)]).visible).toBe(false);
  });

  it('estimates turn NaN into gaps', () => {
    expect(estimates([v(0.3, 0.2, 0.4), v(NaN, NaN, NaN)])).toEqual([0.3, null]);
  });

  it('a band is one closed polygon: upper bounds forward, lower bounds back, over the points that have bounds', () => {
    const band = bandTrace({ x: [0, 10, 20], values: [v(0.1, 0, 0.2), v(0.5, NaN, NaN), v(0.6, 0.5, 0.7)] }, '#1f77b4', axes, 'reward')!;
    expect(band.x).toEqual([0, 20, 20, 0]);
    expect(band.y).toEqual([0.2, 0.7, 0.5, 0]);
    expect(band).toMatchObject({ fill: 'toself', fillcolor: 'rgba(31,119,180,0.18)', showlegend: false, legendgroup: 'reward', xaxis: 'x2', yaxis: 'y2' });
  });

  it('one seed has no band', () => {
    expect(bandTrace({ x: [0, 1], values: [v(0.1, NaN, NaN), v(0.2, NaN, NaN)] }, '#000000', axes)).toBeNull();
  });

  it('colours: hex to rgba, the palette cycles', () => {
    expect(rgba('#d62728', 0.5)).toBe('rgba(214,39,40,0.5)');
    expect(colorAt(10)).toBe(colorAt(0));
  });
});
