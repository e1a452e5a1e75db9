import { describe, expect, it } from 'vitest';
import { createProgress } from './progress';

describe('createProgress off a terminal', () => {
  it('prints a line every tenth of the work and at the end', () => {
    const lines: string[] = [];
    const p = createProgress({ label: 'sft', total: 25, bar: false, fields: ['loss'], write: (l) => lines.push(l) });
    for (let i = 1; i <= 25; i++) p.update(i, { loss: (1 / i).toFixed(2) });
    p.stop();
    expect(lines.map((l) => l.replace(/ \(\d+ s\)$/, ''))).toEqual([
      'sft 3/25 loss 0.33', 'sft 6/25 loss 0.17', 'sft 9/25 loss 0.11', 'sft 12/25 loss 0.08', 'sft 15/25 loss 0.07',
      'sft 18/25 loss 0.06', 'sft 21/25 loss 0.05', 'sft 24/25 loss 0.04', 'sft 25/25 loss 0.04',
    ]);
  });
});
