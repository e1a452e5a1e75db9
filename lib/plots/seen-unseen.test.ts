import { describe, expect, it } from 'vitest';
import { seenUnseenFigure } from './seen-unseen';

const v = (estimate: number) => ({ estimate, lo: estimate - 0.02, hi: estimate + 0.02 });

describe('seenUnseenFigure', () => {
  const fig = seenUnseenFigure(
    [
      { name: 'precise', levels: ['1', 'all'], seen: [v(0.3), v(0.2)], unseen: [v(0.05), { estimate: NaN, lo: NaN, hi: NaN }] },
      { name: 'noisy', levels: ['1', 'all'], seen: [v(0.1), v(0.1)], unseen: [v(-0.02), { estimate: NaN, lo: NaN, hi: NaN }] },
    ],
    { title: 'diversity' },
  );

  it('draws seen and unseen bars per level in each reward’s panel', () => {
    expect(fig.data.map((t) => [t.name, t.xaxis])).toEqual([
      ['types seen in training', 'x'],
      ['types not seen', 'x'],
      ['types seen in training', 'x2'],
      ['types not seen', 'x2'],
    ]);
    expect(fig.data[0]).toMatchObject({ type: 'bar', x: ['1 type', 'all types'], y: [0.3, 0.2] });
  });

  it('leaves out the unseen bar of a level that saw every type', () => {
    expect(fig.data[1]!.y).toEqual([0.05, null]);
    expect(fig.data[3]!.y).toEqual([-0.02, null]);
    expect(fig.layout.barmode).toBe('group');
  });
});
