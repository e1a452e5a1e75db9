import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createAdam } from './optimizer';
import { ADAM_DEFAULTS, adamStep, globalNormClip, learningRate, type LrSchedule } from './schedule';

describe('learningRate', () => {
  const s: LrSchedule = { peak: 1e-3, warmupSteps: 10, totalSteps: 110, decay: 'cosine', minRatio: 0 };
  it('warms up linearly from 0 (transformers: lr · step / W)', () => {
    expect(learningRate(0, s)).toBe(0);
    expect(learningRate(5, s)).toBeCloseTo(5e-4, 15);
    expect(learningRate(10, s)).toBeCloseTo(1e-3, 15);
  });
  it('cosine: half-way (step 60 of 10..110) gives ½(1 + cos π/2) = .5 of peak; the end gives 0', () => {
    expect(learningRate(60, s)).toBeCloseTo(5e-4, 15);
    expect(learningRate(110, s)).toBeCloseTo(0, 15);
    expect(learningRate(500, s)).toBeCloseTo(0, 15);
  });
  it('linear, constant and a floor', () => {
    expect(learningRate(60, { ...s, decay: 'linear' })).toBeCloseTo(5e-4, 15);
    expect(learningRate(60, { ...s, decay: 'constant' })).toBe(1e-3);
    expect(learningRate(110, { ...s, minRatio: 0.1 })).toBeCloseTo(1e-4, 15);
  });
});

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

describe('globalNormClip', () => {
  it('norm of [3] and [4] is 5; clipping to 1 scales by 1/(5 + 1e-6)', () => {
    const r = globalNormClip([[3], [4]], 1);
    expect(r.norm).toBe(5);
    expect(r.scale).toBeCloseTo(0.19999996, 8);
    expect(globalNormClip([[0.3], [0.4]], 1).scale).toBe(1);
  });
});

describe('createAdam (tensor) agrees with adamStep + globalNormClip', () => {
  it('three clipped steps on two variables; moments export and import', () => {
    const a = tf.variable(tf.tensor1d([1, -2]));
    const b = tf.variable(tf.tensor1d([0.5]));
    const opt = createAdam([a, b], ADAM_DEFAULTS);
    let params = [[1, -2], [0.5]];
    let states = [{ m: [0, 0], v: [0, 0] }, { m: [0], v: [0] }];
    const gradSeq = [[[3, 0], [4]], [[-1, 0.5], [0.2]], [[0.1, 0.1], [-2]]];
    gradSeq.forEach((grads, k) => {
      const lr = 0.05 * (k + 1);
      const { scale } = globalNormClip(grads, 1);
      const clipped = grads.map((g) => g.map((x) => x * scale));
      const next = params.map((p, i) => adamStep(p, clipped[i]!, states[i]!, k + 1, { ...ADAM_DEFAULTS, lr }));
      params = next.map((n) => n.params);
      states = next.map((n) => n.state);
      const gt = grads.map((g) => tf.tensor1d(g));
      opt.apply(gt, lr, 1);
      tf.dispose(gt);
    });
    Array.from(a.dataSync()).forEach((x, i) => expect(x).toBeCloseTo(params[0]![i]!, 5));
    expect(b.dataSync()[0]).toBeCloseTo(params[1]![0]!, 5);

    const snap = opt.exportState();
    expect(snap.t).toBe(3);
    const opt2 = createAdam([a, b], ADAM_DEFAULTS);
    opt2.importState(snap);
    expect(Array.from(opt2.exportState().v[0]!)).toEqual(Array.from(snap.v[0]!));
    opt.dispose();
    opt2.dispose();
    tf.dispose([a, b]);
  });
});
