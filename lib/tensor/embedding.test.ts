import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { embeddingLookup } from './embedding';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('embeddingLookup', () => {
  it('gathers rows and sends each output gradient back to its row (repeats add up)', () => {
    const table = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const ids = tf.tensor1d([2, 0, 2], 'int32');
    expect(embeddingLookup(table, ids).arraySync()).toEqual([[5, 6], [1, 2], [5, 6]]);
    const weights = tf.tensor2d([[1, 10], [100, 1000], [2, 20]]);
    const grad = tf.grad((t: tf.Tensor) => embeddingLookup(t as tf.Tensor2D, ids).mul(weights).sum())(table);
    // row 0 gets the second output's weights; row 2 gets the first + third; row 1 nothing
    expect(grad.arraySync()).toEqual([[100, 1000], [0, 0], [3, 30]]);
  });

  it('refuses float ids', () => {
    expect(() => embeddingLookup(tf.ones([2, 2]) as tf.Tensor2D, tf.tensor1d([0]))).toThrow('ids must be int32, got float32');
  });
});
