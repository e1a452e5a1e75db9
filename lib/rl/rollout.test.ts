import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../tensor/backend';
import { scoreRewards, trainingBatch } from './rollout';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('trainingBatch', () => {
  it('left-pads prompt + completion and marks the completion targets of tokenLogProbs (index t − 1 predicts t)', () => {
    // row 0: [1 5 | 7 8 2] fills T = 5; targets at positions 2, 3, 4 → mask columns 1, 2, 3
    // row 1: [1 | 9] padded to [0 0 0 1 9]; target at position 4 → column 3
    // row 2: kept = false (a dropped zero-variance group) → no targets
    const tb = trainingBatch([[1, 5], [1], [1]], [[7, 8, 2], [9], [9]], 0, [true, true, false]);
    expect(tb.batch.ids.arraySync()).toEqual([[1, 5, 7, 8, 2], [0, 0, 0, 1, 9], [0, 0, 0, 1, 9]]);
    expect(tb.batch.mask.arraySync()).toEqual([[1, 1, 1, 1, 1], [0, 0, 0, 1, 1], [0, 0, 0, 1, 1]]);
    expect(tb.completionMask.arraySync()).toEqual([[0, 1, 1, 1], [0, 0, 0, 1], [0, 0, 0, 0]]);
    tf.dispose([tb.batch.ids, tb.batch.mask, tb.completionMask]);
  });
});

describe('scoreRewards', () => {
  const items = [{ prompt: 'p', completion: 'ab', meta: 1 }, { prompt: 'p', completion: 'abc', meta: 2 }];
  it('accepts a per-item function (sync or async) and a batch function', async () => {
    expect(await scoreRewards((_p, c, m) => c.length * m, items)).toEqual([2, 6]);
    expect(await scoreRewards(async (_p, c) => c.length, items)).toEqual([2, 3]);
    expect(await scoreRewards({ batch: (xs) => xs.map((x) => x.meta) }, items)).toEqual([1, 2]);
  });
  it('names a batch function that returns the wrong count or a non-number', async () => {
    await expect(scoreRewards({ batch: () => [1] }, items)).rejects.toThrow(/got 1 rewards for 2 completions/);
    await expect(scoreRewards(() => 'yes' as unknown as number, items)).rejects.toThrow(/item 0 scored "yes"/);
  });
});
