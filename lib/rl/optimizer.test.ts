import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../tensor/backend';
import { ADAM_DEFAULTS, adamStep } from './adamw';
import { globalNormClip } from './grad-clip';
import { createAdam } from './optimizer';

beforeAll(async () => {
  await initBackend('wasm');
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
