import { describe, expect, it } from 'vitest';
import { labCurveFigure } from './lab';

describe('labCurveFigure', () => {
  it('draws one line per rate over the steps, on a 0–1 axis', () => {
    const fig = labCurveFigure(
      [
        { step: 0, passRate: 0.1, lengthRate: 0.4, keywordRate: 0.4, lowercaseRate: 0.6 },
        { step: 20, passRate: 0.2, lengthRate: 0.5, keywordRate: 0.4, lowercaseRate: 0.8 },
      ],
      'run',
    );
    expect(fig.data.map((t) => t.name)).toEqual(['all three pass', 'exact word count', 'keyword present', 'all lowercase']);
    expect(fig.data[0]).toMatchObject({ x: [0, 20], y: [0.1, 0.2] });
    expect(fig.data[3]).toMatchObject({ y: [0.6, 0.8] });
    expect((fig.layout.yaxis as { range: number[]; title: { text: string } }).range).toEqual([0, 1]);
    expect((fig.layout.xaxis as { title: { text: string } }).title.text).toBe('GRPO step');
  });
});
