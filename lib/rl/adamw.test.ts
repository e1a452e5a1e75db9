import { describe, expect, it } from 'vitest';
import { ADAM_DEFAULTS, adamStep } from './adamw';

describe('adamStep', () => {
  const o = { ...ADAM_DEFAULTS, lr: 0.1 };
  it('two steps by hand', () => {
    // t=1, g=.5: m=.05, v=.00025, m̂=.5, v̂=.25 → p = 1 − .1 · .5/(.5 + 1e-8) = .900000002
    const s1 = adamStep([1], [0.5], { m: [0], v: [0] }, 1, o);
    expect(s1.params[0]).toBeCloseTo(0.900000002, 9);
    // t=2, g=−1: m=−.055, v=.00124975, m̂=−.055/.19, v̂=.00124975/.001999 → p = .9366104
    const s2 = adamStep(s1.params, [-1], s1.state, 2, o);
    expect(s2.state.m[0]).toBeCloseTo(-0.055, 12);
    expect(s2.state.v[0]).toBeCloseTo(0.00124975, 12);
    expect(s2.params[0]).toBeCloseTo(0.93661035, 7);
  });
  it('decoupled weight decay shrinks p by lr · wd before the step', () => {
    // p = 1 · (1 − .1 · .01) − .1 = .899
    expect(adamStep([1], [0.5], { m: [0], v: [0] }, 1, { ...o, weightDecay: 0.01 }).params[0]).toBeCloseTo(0.899, 8);
  });
});
