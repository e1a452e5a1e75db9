import * as tf from '@tensorflow/tfjs';

/*
 * Matrix product whose gradient avoids tfjs's transposed matmuls. On the wasm backend, tf.matMul with
 * transposeA or transposeB skips the fast XNNPACK path and is 5–10x slower than transposing explicitly and
 * multiplying (bench/model.ts measures it); tf.matMul's own gradient uses exactly those flags, so the backward
 * pass of every linear layer would be slow. `matMul` here computes the same values and gradients with explicit
 * transposes instead.
 */

function swapLast(t: tf.Tensor): tf.Tensor {
  const perm = t.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1]!, perm[r - 2]!];
  return tf.transpose(t, perm);
}

const product = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor, tf.Tensor];
      return [tf.matMul(dy, swapLast(sb)), tf.matMul(swapLast(sa), dy)]; // dA = dY Bᵀ, dB = Aᵀ dY
    },
  };
});

/**
 * a (…, n, k) × b (…, k, m) → (…, n, m), same leading dims, with optional transposes done explicitly.
 * @example matMul(x, w) // (N, D) × (D, M) → (N, M)
 */
export function matMul<T extends tf.Tensor>(a: T, b: tf.Tensor, transposeA = false, transposeB = false): T {
  if (a.rank !== b.rank || a.rank < 2) {
    throw new Error(`matMul: operands need the same rank >= 2, got shapes [${a.shape}] and [${b.shape}]`);
  }
  return product(transposeA ? swapLast(a) : a, transposeB ? swapLast(b) : b) as T;
}
