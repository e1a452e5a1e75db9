import { describe, expect, it } from 'vitest';
import { truePassVsRecallFigure } from './recall';

const v = (estimate: number) => ({ estimate, lo: estimate - 0.05, hi: estimate + 0.05 });

describe('truePassVsRecallFigure', () => {
  const fig = truePassVsRecallFigure(
    [
      { x: 1, label: 'recall-1', value: v(0.5) },
      { x: 0.2, label: 'recall-0.2', value: v(0.1) },
    ],
    [{ x: 0.7, label: 'false-accept-0.3', value: v(0.35) }],
    { title: 't', yTitle: 'TRUE all-pass', markers: [{ label: 'Qwen3-32B batched', x: 0.306 }] },
  );

  it('draws the noisy judges and the false accepts as two series, points sorted by x, arms in the hover', () => {
    expect(fig.data).toHaveLength(2);
    expect(fig.data[0]).toMatchObject({ x: [0.2, 1], y: [0.1, 0.5], text: ['recall-0.2', 'recall-1'], mode: 'lines+markers' });
    expect(fig.data[1]).toMatchObject({ x: [0.7], y: [0.35] });
    expect(String(fig.data[1]!.name)).toContain('1 − p');
  });

  it('marks the reference recalls with dotted lines', () => {
    expect((fig.layout.shapes as { x0: number; line: { dash: string } }[])[0]).toMatchObject({ x0: 0.306, line: { dash: 'dot' } });
    expect((fig.layout.annotations as { text: string }[])[0]!.text).toBe('Qwen3-32B batched');
  });
});
