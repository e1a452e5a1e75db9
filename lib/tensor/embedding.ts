import * as tf from '@tensorflow/tfjs';
import { matMul } from './matmul';

/*
 * Embedding lookup that trains on wasm. tf.gather's gradient needs UnsortedSegmentSum, which the wasm backend
 * lacks, so the usual workaround is oneHot(ids) × table in the forward pass too. Here the forward pass is a plain
 * gather (V times cheaper than the one-hot product) and only the backward pass builds the one-hot matrix:
 * dTable = oneHot(ids)ᵀ × dOut. The ids get a zero gradient (they are integers).
 */

const lookup = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [table, ids, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([ids]);
  return {
    value: tf.gather(table, ids), // (N, D)
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const rows = saved[0] as tf.Tensor1D;
      const oneHotT = tf.oneHot(rows, table.shape[0]).transpose() as tf.Tensor2D; // (V, N)
      return [matMul(oneHotT, dy as tf.Tensor2D), tf.zerosLike(rows)]; // (V, N) × (N, D)
    },
  };
});

/**
 * Rows `ids` (N, int32) of `table` (V, D) → (N, D), differentiable with respect to the table on every backend.
 * @example embeddingLookup(tokenEmbedding, tf.tensor1d([3, 1], 'int32')) // (2, D)
 */
export function embeddingLookup(table: tf.Tensor, ids: tf.Tensor1D): tf.Tensor2D {
  if (table.rank !== 2) throw new Error(`embeddingLookup: table must be (V, D), got shape [${table.shape}]`);
  if (ids.dtype !== 'int32') throw new Error(`embeddingLookup: ids must be int32, got ${ids.dtype}; cast them with ids.cast('int32')`);
  return lookup(table, ids) as tf.Tensor2D;
}
