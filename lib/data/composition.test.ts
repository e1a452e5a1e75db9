import { describe, expect, it } from 'vitest';
import { readPromptRows } from './benchmark';
import { categoryCounts, instructionCounts, instructionsPerPrompt } from './composition';
import { dataPath } from './paths';

const sum = (xs: ArrayLike<unknown>): number => Array.from(xs, Number).reduce((a, b) => a + b, 0);

describe('benchmark composition', () => {
  const ifeval = readPromptRows(dataPath('ifeval/input_data.jsonl'));

  it('counts the 25 IFEval ids and their 834 instructions', () => {
    const t = instructionCounts(ifeval);
    expect(t.numRows()).toBe(25);
    expect(sum(t.array('count'))).toBe(834);
    // golden_summary.json: change_case:english_lowercase occurs 39 times
    expect(t.filter((d: { id: string }) => d.id === 'change_case:english_lowercase').get('count', 0)).toBe(39);
  });

  it('sums per category and per prompt', () => {
    const cats = categoryCounts(ifeval);
    expect(cats.numRows()).toBe(9);
    expect(sum(cats.array('count'))).toBe(834);
    const per = instructionsPerPrompt(ifeval).objects() as Array<{ n: number; prompts: number }>;
    expect(per.reduce((a, r) => a + r.prompts, 0)).toBe(541);
    expect(per.reduce((a, r) => a + r.n * r.prompts, 0)).toBe(834);
  });
});
