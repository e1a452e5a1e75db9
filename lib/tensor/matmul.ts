import * as tf from '@tensorflow/tfjs';

/*
 * Matrix product whose gradient avoids tfjs's slow transposed matmuls. The wasm backend sends a 2-D product to
 * XNNPACK only when neither transpose flag is set; with transposeA or transposeB it takes a scalar loop 5–10x
 * slower (bench/model.ts measures it), and tf.matMul's own gradient uses exactly those flags, so the backward pass
 * of every linear layer would be slow. Here 2-D products transpose explicitly and multiply plainly. Products with
 * a batch dimension > 1 take the scalar loop whatever the flags, so they keep the flags and skip the copies.
 */

function swapLast(t: tf.Tensor): tf.Tensor {
  const perm = t.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1]!, perm[r - 2]!];
  return tf.transpose(t, perm);
}

/** op(a) × op(b) by the fastest route on wasm (no gradient of its own). */
function product(a: tf.Tensor, b: tf.Tensor, ta: boolean, tb: boolean): tf.Tensor {
  const batch = a.shape.slice(0, -2).reduce((x, y) => x * y, 1);
  if (batch > 1) return tf.matMul(a, b, ta, tb);
  return tf.matMul(ta ? swapLast(a) : a, tb ? swapLast(b) : b);
}

type Product = (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/** C = op(A) op(B) with dA, dB as in tfjs's MatMul gradient, each computed through `product`. */
function differentiable(ta: boolean, tb: boolean): Product {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [a, b, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    save([a, b]);
    return {
      value: product(a, b, ta, tb),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sa, sb] = saved as [tf.Tensor, tf.Tensor];
        if (!ta && !tb) return [product(dy, sb, false, true), product(sa, dy, true, false)];
        if (!ta && tb) return [product(dy, sb, false, false), product(dy, sa, true, false)];
        if (ta && !tb) return [product(sb, dy, false, true), product(sa, dy, false, false)];
        return [product(sb, dy, true, true), product(dy, sa, true, true)];
      },
    };
  });
  return (a, b) => f(a, b);
}

const PRODUCTS: Record<string, Product> = {
  ff: differentiable(false, false),
  ft: differentiable(false, true),
  tf: differentiable(true, false),
  tt: differentiable(true, true),
};

/**
 * op(a) (…, n, k) × op(b) (…, k, m) → (…, n, m), same leading dims; values and gradients equal tf.matMul's.
 * @example matMul(x, w) // (N, D) × (D, M) → (N, M)
 */
export function matMul<T extends tf.Tensor>(a: T, b: tf.Tensor, transposeA = false, transposeB = false): T {
  if (a.rank !== b.rank || a.rank < 2) {
    throw new Error(`matMul: operands need the same rank >= 2, got shapes [${a.shape}] and [${b.shape}]`);
  }
  return PRODUCTS[`${transposeA ? 't' : 'f'}${transposeB ? 't' : 'f'}`]!(a, b) as T;
}
