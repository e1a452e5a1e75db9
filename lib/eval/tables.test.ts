import { describe, expect, it } from 'vitest';
import { summarize } from './metrics';
import type { ScoredPrompt } from './score';
import { instructionTable, perCategoryTable, perIdTable } from './tables';

const SCORED: ScoredPrompt[] = [
  { key: 1, prompt: 'p', response: 'r', instructionIds: ['a:x', 'b:y'], strict: [true, false], loose: [true, true] },
  { key: 2, prompt: 'q', response: null, instructionIds: ['a:x'], strict: [false], loose: [false] },
];

describe('arquero tables', () => {
  it('has one row per id, per category and per instruction', () => {
    const s = summarize(SCORED, { seed: 0, resamples: 50 });
    const ids = perIdTable(s);
    expect(ids.numRows()).toBe(2);
    expect(ids.columnNames()).toEqual(['instruction_id', 'count', 'strict', 'strict_lo', 'strict_hi', 'loose', 'loose_lo', 'loose_hi']);
    expect(ids.array('strict')).toEqual([0.5, 0]);
    expect(perCategoryTable(s).array('category')).toEqual(['a', 'b']);
    const inst = instructionTable(SCORED);
    expect(inst.numRows()).toBe(3);
    expect(inst.array('has_response')).toEqual([true, true, false]);
  });
});
