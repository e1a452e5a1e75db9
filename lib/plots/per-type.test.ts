import { describe, expect, it } from 'vitest';
import { typeBeforeAfterFigure } from './per-type';

const v = (estimate: number) => ({ estimate, lo: estimate - 0.1, hi: estimate + 0.1 });

describe('typeBeforeAfterFigure', () => {
  const fig = typeBeforeAfterFigure(
    [
      { name: 'cheerful', kind: 'soft', before: v(0.2), after: v(0.6) },
      { name: 'no_comma', kind: 'hard', before: v(0.5), after: v(0.9) },
      { name: 'formal', kind: 'soft', before: v(0.3), after: { estimate: 0.35, lo: NaN, hi: NaN } },
    ],
    { title: 'world' },
  );

  it('lists hard types above soft ones', () => {
    expect((fig.layout.yaxis as { categoryarray: string[] }).categoryarray).toEqual(['no_comma (hard)', 'cheerful (soft)', 'formal (soft)']);
  });

  it('joins before and after per type, and colours the after markers by kind', () => {
    const [connectors, before, hard, soft] = fig.data;
    expect(connectors!.x).toEqual([0.5, 0.9, null, 0.2, 0.6, null, 0.3, 0.35, null]);
    expect(before).toMatchObject({ name: 'before (warm start)', x: [0.5, 0.2, 0.3] });
    expect(hard).toMatchObject({ name: 'after GRPO: hard', x: [0.9], y: ['no_comma (hard)'] });
    expect(soft).toMatchObject({ name: 'after GRPO: soft', x: [0.6, 0.35] });
    expect((soft!.error_x as { array: (number | null)[] }).array[1]).toBeNull();
  });
});
