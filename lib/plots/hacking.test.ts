import { describe, expect, it } from 'vitest';
import { hackingCurvesFigure } from './hacking';

const v = (estimate: number, half = 0.1) => ({ estimate, lo: estimate - half, hi: estimate + half });
const series = (ys: number[]) => ({ x: ys.map((_, i) => i * 10), values: ys.map((y) => v(y)) });

describe('hackingCurvesFigure', () => {
  const fig = hackingCurvesFigure(
    [
      { name: 'recall-0.2', reward: series([0.2, 0.6, 0.9]), truePass: series([0.2, 0.25, 0.2]), heldOut: { x: [0, 20], values: [v(0.1), v(0.15)] } },
      { name: 'recall-1', reward: series([0.2, 0.4, 0.5]), truePass: series([0.2, 0.4, 0.5]) },
    ],
    { title: 'hacking' },
  );
  const lines = fig.data.filter((t) => t.mode === 'lines' && t.fill === undefined);

  it('draws reward and TRUE pass per panel on that panel’s axes, each with its band', () => {
    expect(lines.map((t) => [t.name, t.xaxis])).toEqual([
      ['training reward (judge)', 'x'],
      ['TRUE all-pass, same rollouts', 'x'],
      ['training reward (judge)', 'x2'],
      ['TRUE all-pass, same rollouts', 'x2'],
    ]);
    expect(lines[0]).toMatchObject({ x: [0, 10, 20], y: [0.2, 0.6, 0.9] });
    expect(fig.data.filter((t) => t.fill === 'toself')).toHaveLength(4);
  });

  it('lists each quantity once in the legend, and held-out points only where given', () => {
    expect(fig.data.filter((t) => t.showlegend === true).map((t) => t.name)).toEqual(['training reward (judge)', 'TRUE all-pass, same rollouts', 'held-out TRUE all-pass']);
    const held = fig.data.filter((t) => t.mode === 'markers');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ x: [0, 20], y: [0.1, 0.15], xaxis: 'x' });
  });

  it('shares a [0, 1] rate axis and titles the panels by arm', () => {
    expect((fig.layout.yaxis2 as { range: number[] }).range).toEqual([0, 1.02]);
    expect((fig.layout.annotations as { text: string }[]).map((a) => a.text)).toEqual(['recall-0.2', 'recall-1']);
  });
});
