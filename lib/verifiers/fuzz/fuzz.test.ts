import { describe, expect, it } from 'vitest';
import { listConstraints } from '../registry';
import { FUZZ_CI } from './configs';
import { INPUT_FAMILIES } from './inputs';
import { fuzzCheckers } from './run';

// The fuzz suite's CI pass: every registered checker (each kwargs, upstream and corrected) on every adversarial
// family at 20k characters. Before issue 16 the slowest were 650-760 ms here (quadratic strips); linear checkers
// take under 40 ms at this size on a loaded 2-core machine, so 400 ms of CPU catches a quadratic path without
// flaking. bench/fuzz-checkers.ts runs the same families at 200 KB and over a million smaller texts.
const BUDGET_MS = 400;

describe('fuzz suite (CI size)', () => {
  it('every check returns a verdict within the budget on every family', () => {
    const slowest = fuzzCheckers({ constraints: listConstraints(), ...FUZZ_CI });
    expect(slowest.map((s) => s.id).sort()).toEqual(listConstraints().map((c) => c.id).sort());
    expect(slowest.reduce((n, s) => n + s.checks, 0)).toBeGreaterThan(INPUT_FAMILIES.length * listConstraints().length);
    const over = slowest.filter((s) => s.cpuMs > BUDGET_MS).map((s) => `${s.id} ${s.cpuMs.toFixed(0)} ms on ${s.family}`);
    expect(over).toEqual([]);
  }, 600_000);
});
