import { describe, expect, it } from 'vitest';
import { summarize } from './metrics';
import type { ScoredPrompt } from './score';
import { IFEVAL_CONSTRAINTS } from '../verifiers/ifeval/index';
import { instructionTable, perCategoryTable, perIdTable, registryTable, variantTable } from './tables';

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

describe('notebook tables', () => {
  it('lists each loose variant with its verdict', () => {
    const check = IFEVAL_CONSTRAINTS.find((c) => c.id === 'punctuation:no_comma')!.prepare({});
    const t = variantTable(check, 'Sure, here:\nno commas\nbye, now');
    expect(t.array('variant')[0]).toBe('original');
    expect(t.array('verdict')).toEqual([false, false, false, false, true, false, false, true]);
  });

  it('lists the 25 IFEval ids with example instructions', () => {
    const t = registryTable('ifeval');
    expect(t.numRows()).toBe(25);
    expect(String(t.array('example_instruction')[0])).toMatch(/^Include keywords \[/);
  });
});
