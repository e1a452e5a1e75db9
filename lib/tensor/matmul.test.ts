import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { matMul } from './matmul';

beforeAll(async () => {
  await initBackend('wasm');
});

const close = (a: tf.Tensor, b: tf.Tensor) => {
  const d = tf.tidy(() => a.sub(b).abs().max().dataSync()[0]!);
  expect(d).toBeLessThan(1e-5);
};

describe('matMul with explicit-transpose gradients', () => {
  it('matches tf.matMul in value and gradient, 2-D and batched, with and without transposes', () => {
    const cases: [number[], number[], boolean, boolean][] = [
      [[3, 4], [4, 5], false, false],
      [[3, 4], [5, 4], false, true],
      [[4, 3], [4, 5], true, false],
      [[4, 3], [5, 4], true, true],
      [[2, 3, 3, 4], [2, 3, 5, 4], false, true],
      [[2, 3, 3, 4], [2, 3, 4, 5], false, false],
      [[2, 3, 4, 3], [2, 3, 5, 4], true, true],
      [[1, 3, 4], [1, 4, 2], false, false],
    ];
    for (const [sa, sb, ta, tb] of cases) {
      tf.tidy(() => {
        const a = tf.tensor(Array.from({ length: sa.reduce((x, y) => x * y) }, (_, i) => Math.sin(i)), sa);
        const b = tf.tensor(Array.from({ length: sb.reduce((x, y) => x * y) }, (_, i) => Math.cos(i)), sb);
        const w = (t: tf.Tensor) => t.mul(tf.range(0, t.size).reshape(t.shape)).sum() as tf.Scalar;
        const ours = tf.grads((x: tf.Tensor, y: tf.Tensor) => w(matMul(x, y, ta, tb)))([a, b]);
        const ref = tf.grads((x: tf.Tensor, y: tf.Tensor) => w(tf.matMul(x, y, ta, tb)))([a, b]);
        close(matMul(a, b, ta, tb), tf.matMul(a, b, ta, tb));
        close(ours[0]!, ref[0]!);
        close(ours[1]!, ref[1]!);
      });
    }
  });

  it('refuses mismatched ranks with the shapes', () => {
    expect(() => matMul(tf.ones([2, 2]), tf.ones([1, 2, 2]))).toThrow('got shapes [2,2] and [1,2,2]');
  });
});
