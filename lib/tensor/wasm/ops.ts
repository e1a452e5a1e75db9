import * as tf from '@tensorflow/tfjs';
import { kernels } from './kernels';
import { offsetOf } from './runtime';

/*
 * Small tensor ops on ifkit's wasm kernels, registered with the tfjs wasm backend so they run inside tfjs's
 * bookkeeping (tidy, memory counts): one AdamW update of a variable (new p, m, v in one pass instead of ~12 ops)
 * and a sum of squares read straight back (a gradient norm without a tensor per term).
 */

const ADAM = 'IfkitAdam';

export interface AdamScalars {
  readonly gScale: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly lr: number;
  /** 1 − β^t of the update's step t. */
  readonly c1: number;
  readonly c2: number;
  readonly eps: number;
  readonly weightDecay: number;
}

function adamKernel({ inputs, attrs }: { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap }): tf.TensorInfo[] {
  const a = attrs as unknown as AdamScalars;
  const m = kernels();
  const { p, g, m: mIn, v } = inputs as Record<string, tf.TensorInfo>;
  const outs = [p!, mIn!, v!].map((t) => m.backend.makeOutput(t.shape.slice(), 'float32'));
  const at = (t: tf.TensorInfo): number => offsetOf(m.backend, t);
  // 1 − β and lr / c1 rounded from float64 as tfjs rounds its scalars (the tensor formula's bits)
  m.fns.adam!(at(p!), at(g!), at(mIn!), at(v!), at(outs[0]!), at(outs[1]!), at(outs[2]!), g!.shape.reduce((x, y) => x * y, 1),
    a.gScale, a.beta1, 1 - a.beta1, a.beta2, 1 - a.beta2, a.lr / a.c1, a.c2, a.eps, a.weightDecay !== 0 ? 1 - a.lr * a.weightDecay : 1);
  return outs;
}

let registered = false;

/** New (p, m, v) of one AdamW step of parameter p with gradient g (all float32 of one shape). wasm backend only. */
export function adamUpdate(p: tf.Tensor, g: tf.Tensor, m: tf.Tensor, v: tf.Tensor, s: AdamScalars): [tf.Tensor, tf.Tensor, tf.Tensor] {
  if (!registered) tf.registerKernel({ kernelName: ADAM, backendName: 'wasm', kernelFunc: adamKernel as unknown as tf.KernelFunc });
  registered = true;
  return tf.engine().runKernel(ADAM, { p, g, m, v }, s as unknown as tf.NamedAttrMap) as [tf.Tensor, tf.Tensor, tf.Tensor];
}

/** Σ x² of a float32 tensor, accumulated in float32 lanes. wasm backend only. */
export function sumOfSquares(x: tf.Tensor): number {
  const m = kernels();
  return m.fns.sumSquares!(offsetOf(m.backend, x), x.size);
}
