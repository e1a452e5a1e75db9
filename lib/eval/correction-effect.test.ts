import { describe, expect, it } from 'vitest';
import { changedVerdicts, changedVerdictsTable, correctionEffectTable } from './correction-effect';
import { summarize } from './metrics';
import type { ScoredPrompt } from './score';

const UPSTREAM: ScoredPrompt[] = [
  { key: 1, prompt: 'p', response: 'r1', instructionIds: ['a:x', 'b:y'], strict: [true, false], loose: [true, false] },
  { key: 2, prompt: 'q', response: 'r2', instructionIds: ['a:x'], strict: [false], loose: ['unverifiable'] },
];
// The corrected checker accepts b:y on prompt 1 in both modes; 'unverifiable' → true is no change of pass/fail.
const CORRECTED: ScoredPrompt[] = [
  { ...UPSTREAM[0]!, strict: [true, true], loose: [true, true] },
  { ...UPSTREAM[1]!, loose: [true] },
];

describe('effect of the corrected checkers', () => {
  it('lists the instructions whose pass/fail changed, strict before loose', () => {
    expect(changedVerdicts(UPSTREAM, CORRECTED)).toEqual([
      { key: '1', instructionId: 'b:y', mode: 'strict', upstream: false, corrected: true, response: 'r1' },
      { key: '1', instructionId: 'b:y', mode: 'loose', upstream: false, corrected: true, response: 'r1' },
    ]);
    expect(changedVerdictsTable(UPSTREAM, CORRECTED).numRows()).toBe(2);
  });

  it('refuses scorings of different prompt sets', () => {
    expect(() => changedVerdicts(UPSTREAM, CORRECTED.slice(1))).toThrow(/2 and 1 prompts/);
  });

  it('counts the change per headline accuracy', () => {
    const t = correctionEffectTable(summarize(UPSTREAM, { seed: 0, resamples: 0 }), summarize(CORRECTED, { seed: 0, resamples: 0 }));
    expect(t.array('metric')).toEqual(['prompt-level strict', 'instruction-level strict', 'prompt-level loose', 'instruction-level loose']);
    // Strict: prompts 0/2 → 1/2, instructions 1/3 → 2/3. Loose: prompt 2 already passed (unverifiable counts).
    expect(t.array('upstream')[0]).toBe('0/2 (0.0%)');
    expect(t.array('corrected')[1]).toBe('2/3 (66.7%)');
    expect(t.array('change')).toEqual([1, 1, 1, 1]);
  });
});
