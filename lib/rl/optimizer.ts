import * as tf from '@tensorflow/tfjs';
import { adamUpdate, sumOfSquares } from '../tensor/wasm/ops';
import type { AdamOptions } from './adamw';

/*
 * AdamW over tf.Variables with gradient clipping by global norm, the tensor form of `adamStep` (adamw.ts) and
 * `globalNormClip` (grad-clip.ts), where the torch sources are named. Written here rather than using tf.train.adam
 * so the moments and the step count can be exported and restored bit for bit (exact resume) and the learning rate
 * can change every step. On the wasm backend each variable's update is one kernel (lib/tensor/wasm/ops.ts) that gives
 * the same bits as the tensor formula below; the gradient norm then sums float32 per tensor and float64 across.
 */

export interface AdamSnapshot {
  /** Number of updates applied so far. */
  readonly t: number;
  readonly m: Float32Array[];
  readonly v: Float32Array[];
}

export interface TensorAdam {
  /** Clip `grads` (aligned with the variables) to `maxGradNorm` (0 = no clip) and apply one update; returns the pre-clip norm. */
  apply(grads: readonly tf.Tensor[], lr: number, maxGradNorm: number): number;
  /** Updates applied so far. */
  readonly steps: number;
  exportState(): AdamSnapshot;
  importState(s: AdamSnapshot): void;
  dispose(): void;
}

/** √Σ g² over every gradient, by tensor ops. */
function tensorNorm(grads: readonly tf.Tensor[]): number {
  const normT = tf.tidy(() => tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))));
  const norm = normT.dataSync()[0]!;
  normT.dispose();
  return norm;
}

/** An AdamW optimiser for `variables`. @example const opt = createAdam(policy.variables, ADAM_DEFAULTS) */
export function createAdam(variables: readonly tf.Variable[], o: Omit<AdamOptions, 'lr'>): TensorAdam {
  const m = variables.map((v) => tf.variable(tf.zerosLike(v), false));
  const sq = variables.map((v) => tf.variable(tf.zerosLike(v), false)); // second moments
  let t = 0;

  /** The tensor formula (any backend). */
  function updateByOps(grads: readonly tf.Tensor[], scale: number, lr: number, c1: number, c2: number): void {
    tf.tidy(() => {
      variables.forEach((p, i) => {
        const g = scale === 1 ? grads[i]! : tf.mul(grads[i]!, scale);
        const mi = tf.add(tf.mul(m[i]!, o.beta1), tf.mul(g, 1 - o.beta1));
        const vi = tf.add(tf.mul(sq[i]!, o.beta2), tf.mul(tf.square(g), 1 - o.beta2));
        m[i]!.assign(mi);
        sq[i]!.assign(vi);
        const decayed = o.weightDecay !== 0 ? tf.mul(p, 1 - lr * o.weightDecay) : p;
        const update = tf.div(tf.mul(mi, lr / c1), tf.add(tf.sqrt(tf.div(vi, c2)), o.eps));
        p.assign(tf.sub(decayed, update));
      });
    });
  }

  /** The same bits by one wasm kernel per variable. */
  function updateByKernel(grads: readonly tf.Tensor[], scale: number, lr: number, c1: number, c2: number): void {
    const s = { gScale: scale, beta1: o.beta1, beta2: o.beta2, lr, c1, c2, eps: o.eps, weightDecay: o.weightDecay };
    tf.tidy(() => {
      variables.forEach((p, i) => {
        const [pi, mi, vi] = adamUpdate(p, grads[i]!, m[i]!, sq[i]!, s);
        m[i]!.assign(mi);
        sq[i]!.assign(vi);
        p.assign(pi);
      });
    });
  }

  function apply(grads: readonly tf.Tensor[], lr: number, maxGradNorm: number): number {
    if (grads.length !== variables.length) {
      throw new Error(`adam.apply: got ${grads.length} gradients for ${variables.length} variables; pass them in variable order`);
    }
    t += 1;
    const wasm = tf.getBackend() === 'wasm';
    const norm = wasm ? Math.sqrt(grads.reduce((acc, g) => acc + sumOfSquares(g), 0)) : tensorNorm(grads);
    const scale = maxGradNorm > 0 ? Math.min(1, maxGradNorm / (norm + 1e-6)) : 1;
    (wasm ? updateByKernel : updateByOps)(grads, scale, lr, 1 - o.beta1 ** t, 1 - o.beta2 ** t);
    return norm;
  }

  return {
    apply,
    get steps() {
      return t;
    },
    exportState: () => ({
      t,
      m: m.map((x) => x.dataSync() as Float32Array).map((a) => a.slice()),
      v: sq.map((x) => x.dataSync() as Float32Array).map((a) => a.slice()),
    }),
    importState(snap) {
      if (snap.m.length !== m.length || snap.v.length !== sq.length) {
        throw new Error(`adam.importState: snapshot has ${snap.m.length} moments, optimiser has ${m.length}; wrong checkpoint?`);
      }
      t = snap.t;
      tf.tidy(() => {
        m.forEach((x, i) => x.assign(tf.tensor(snap.m[i]!, x.shape, 'float32')));
        sq.forEach((x, i) => x.assign(tf.tensor(snap.v[i]!, x.shape, 'float32')));
      });
    },
    dispose() {
      tf.dispose([...m, ...sq]);
    },
  };
}
