import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng';
import { findConflict } from './conflicts';
import { getConstraint } from './registry';
import { sampleConstraintSet } from './synthesize';

const PROMPT = 'Write a short story about a lighthouse keeper.';

describe('sampleConstraintSet', () => {
  it('never draws a conflicting pair, for 1 to 6 constraints, and the kwargs validate', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 6 }), fc.boolean(), (seed, n, withPrompt) => {
        const set = sampleConstraintSet(n, createRng(seed), withPrompt ? { prompt: PROMPT } : {});
        const ids = set.constraints.map((c) => c.id);
        expect(ids).toHaveLength(n);
        expect(findConflict(ids)).toBeNull();
        for (const c of set.constraints) expect(() => getConstraint(c.id).prepare(c.kwargs)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic per seed and differs across seeds', () => {
    const a = sampleConstraintSet(4, createRng(11), { prompt: PROMPT });
    expect(sampleConstraintSet(4, createRng(11), { prompt: PROMPT })).toEqual(a);
    const others = [12, 13, 14].map((s) => sampleConstraintSet(4, createRng(s), { prompt: PROMPT }).instruction);
    expect(others.some((t) => t !== a.instruction)).toBe(true);
  });

  it('joins the descriptions into the instruction and appends it to the prompt', () => {
    const set = sampleConstraintSet(3, createRng(5), { prompt: PROMPT, suites: ['iftrain'] });
    expect(set.instruction).toBe(set.constraints.map((c) => c.description).join(' '));
    expect(set.prompt).toBe(`${PROMPT} ${set.instruction}`);
  });

  it('draws the prompt-copying ids only when a prompt is given, and copies it', () => {
    const copying = new Set(['copy:copy', 'copy:copying_simple', 'copy:copying_multiple', 'new:copy_span_idx', 'combination:repeat_prompt']);
    let seenWithPrompt = 0;
    for (let seed = 0; seed < 200; seed++) {
      for (const c of sampleConstraintSet(1, createRng(seed), { suites: ['iftrain'] }).constraints) {
        expect(copying.has(c.id)).toBe(false);
      }
      for (const c of sampleConstraintSet(1, createRng(seed), { suites: ['iftrain'], prompt: PROMPT }).constraints) {
        if (!copying.has(c.id)) continue;
        seenWithPrompt++;
        expect(c.kwargs.prompt_to_repeat).toBe(PROMPT);
      }
    }
    expect(seenWithPrompt).toBeGreaterThan(0);
  });

  it('explains when the suites cannot supply n compatible constraints', () => {
    expect(() => sampleConstraintSet(0, createRng(1))).toThrow(/positive integer/);
    expect(() => sampleConstraintSet(500, createRng(1))).toThrow(/drew only \d+ compatible constraints of the 500/);
  });
});
