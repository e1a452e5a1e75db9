import { describe, expect, it } from 'vitest';
import { benchmarkComparisonTable, categoryGroups, headlineGroups, paperGapTable } from './benchmark-gap';
import { summarize } from './metrics';
import type { ScoredPrompt } from './score';

// Prompt 1 passes both instructions strictly; prompt 2 fails b:y strictly and passes it loosely.
const SCORED: ScoredPrompt[] = [
  { key: 1, prompt: 'p', response: 'r', instructionIds: ['a:x', 'b:y'], strict: [true, true], loose: [true, true] },
  { key: 2, prompt: 'q', response: 's', instructionIds: ['b:y'], strict: [false], loose: [true] },
];
const summary = summarize(SCORED, { seed: 0, resamples: 20 });

describe('benchmark gap helpers', () => {
  it('names the headline groups by benchmark and level', () => {
    const g = headlineGroups([{ name: 'A', summary }]);
    expect(g.map((x) => x.name)).toEqual(['A · prompt-level', 'A · instruction-level']);
    expect([g[0]!.strict.followed, g[0]!.strict.total, g[0]!.loose.followed]).toEqual([1, 2, 2]);
    expect([g[1]!.strict.followed, g[1]!.strict.total]).toEqual([2, 3]);
  });

  it('prefixes each benchmark to its categories', () => {
    expect(categoryGroups([{ name: 'A', summary }, { name: 'B', summary }]).map((g) => g.name)).toEqual(['A · a', 'A · b', 'B · a', 'B · b']);
  });

  it('tabulates followed/total with accuracies', () => {
    const t = benchmarkComparisonTable([{ name: 'A', summary }]);
    expect(t.array('strict')).toEqual(['1/2', '2/3']);
    expect(t.array('loose_acc')).toEqual([1, 1]);
  });

  it("computes the paper's gap in points (Tülu 3: 82.4 - 28.9 = 53.5)", () => {
    const t = paperGapTable();
    expect(t.numRows()).toBe(5);
    expect(t.array('gap_points')[2]).toBe(53.5);
  });
});
