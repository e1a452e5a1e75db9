import * as tf from '@tensorflow/tfjs';
import { matMul } from '../tensor/matmul';

/*
 * Multi-head attention on already-projected queries, keys and values. Two implementations with identical results:
 * `batched` runs every head in one batched matmul; `per-head` loops over heads. bench/model.ts times both: at
 * hs = 16 and 32 they are within 5% of each other (the 3x gap a prototype measured, docs/lab-world-findings.md,
 * did not reproduce), so the default is `batched`, with fewer ops. Either way these products cost more than their
 * FLOPs suggest: the wasm backend sends every matmul with a batch dimension > 1 to a scalar loop (~1.5–2 GFLOP/s,
 * against ~15–20 for the XNNPACK path that 2-D products take), so at T = 68 attention takes about a third of a
 * training step at ~1M parameters.
 */

export type AttentionImpl = 'batched' | 'per-head';
let impl: AttentionImpl = 'batched';

/** Choose the attention implementation (for benchmarks; results are the same). */
export function setAttentionImpl(next: AttentionImpl): void {
  impl = next;
}

/** (B*T, D) → (B, H, T, hs) */
export function splitHeads(x: tf.Tensor2D, B: number, T: number, H: number): tf.Tensor4D {
  const hs = x.shape[1] / H;
  return x.reshape([B, T, H, hs]).transpose([0, 2, 1, 3]); // (B, H, T, hs)
}

/** (B, H, T, hs) → (B*T, D) */
export function mergeHeads(y: tf.Tensor4D): tf.Tensor2D {
  const [B, H, T, hs] = y.shape;
  return y.transpose([0, 2, 1, 3]).reshape([B * T, H * hs]); // (B*T, D)
}

/** Additive mask (B, 1, T, T): 0 where query t may see key s (s <= t and s is not padding), -1e9 elsewhere. */
export function causalPaddingBias(mask: tf.Tensor2D): tf.Tensor4D {
  const [B, T] = mask.shape;
  const causal = tf.linalg.bandPart(tf.ones([T, T]), -1, 0).reshape([1, 1, T, T]); // (1, 1, T, T)
  const allowed = causal.mul(mask.reshape([B, 1, 1, T])); // (B, 1, T, T)
  return allowed.sub(1).mul(1e9) as tf.Tensor4D;
}

/** softmax(q kᵀ / √hs + bias) v for q (B, H, Tq, hs), k and v (B, H, Tk, hs), bias (B, 1, Tq, Tk). */
export function attend(
  q: tf.Tensor4D,
  k: tf.Tensor4D,
  v: tf.Tensor4D,
  bias: tf.Tensor4D,
): { y: tf.Tensor4D; weights: tf.Tensor4D } {
  return impl === 'batched' ? attendBatched(q, k, v, bias) : attendPerHead(q, k, v, bias);
}

function attendBatched(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, bias: tf.Tensor4D) {
  const scale = 1 / Math.sqrt(q.shape[3]);
  const scores = matMul(q, k, false, true).mul(scale).add(bias); // (B, H, Tq, Tk)
  const weights = tf.softmax(scores) as tf.Tensor4D; // (B, H, Tq, Tk)
  return { y: matMul(weights, v) as tf.Tensor4D, weights }; // (B, H, Tq, hs)
}

function attendPerHead(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, bias: tf.Tensor4D) {
  const [B, H, Tq, hs] = q.shape;
  const Tk = k.shape[2];
  const scale = 1 / Math.sqrt(hs);
  const bias3 = bias.reshape([B, Tq, Tk]); // (B, Tq, Tk)
  const ys: tf.Tensor3D[] = [];
  const ws: tf.Tensor3D[] = [];
  for (let h = 0; h < H; h++) {
    const head = (t: tf.Tensor4D, len: number) => t.slice([0, h, 0, 0], [B, 1, len, hs]).reshape([B, len, hs]) as tf.Tensor3D;
    const scores = matMul(head(q, Tq), head(k, Tk), false, true).mul(scale).add(bias3); // (B, Tq, Tk)
    const w = tf.softmax(scores) as tf.Tensor3D;
    ws.push(w);
    ys.push(matMul(w, head(v, Tk))); // (B, Tq, hs)
  }
  return { y: tf.stack(ys, 1) as tf.Tensor4D, weights: tf.stack(ws, 1) as tf.Tensor4D }; // (B, H, Tq, ·)
}
