import * as tf from '@tensorflow/tfjs';
import type { AdamOptions } from './adamw';

/*
 * AdamW over tf.Variables with gradient clipping by global norm, the tensor form of `adamStep` (adamw.ts) and
 * `globalNormClip` (grad-clip.ts), where the torch sources are named. Written here rather than using tf.train.adam
 * so the moments and the step count can be exported and restored bit for bit (exact resume) and the learning rate
 * can change every step.
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

/** An AdamW optimiser for `variables`. @example const opt = createAdam(policy.variables, ADAM_DEFAULTS) */
export function createAdam(variables: readonly tf.Variable[], o: Omit<AdamOptions, 'lr'>): TensorAdam {
  const m = variables.map((v) => tf.variable(tf.zerosLike(v), false));
  const s = variables.map((v) => tf.variable(tf.zerosLike(v), false));
  let t = 0;

  function apply(grads: readonly tf.Tensor[], lr: number, maxGradNorm: number): number {
    if (grads.length !== variables.length) {
      throw new Error(`adam.apply: got ${grads.length} gradients for ${variables.length} variables; pass them in variable order`);
    }
    t += 1;
    const c1 = 1 - o.beta1 ** t;
    const c2 = 1 - o.beta2 ** t;
    const normT = tf.tidy(() => tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))));
    const norm = normT.dataSync()[0]!;
    normT.dispose();
    const scale = maxGradNorm > 0 ? Math.min(1, maxGradNorm / (norm + 1e-6)) : 1;
    tf.tidy(() => {
      variables.forEach((p, i) => {
        const g = scale === 1 ? grads[i]! : tf.mul(grads[i]!, scale);
        const mi = tf.add(tf.mul(m[i]!, o.beta1), tf.mul(g, 1 - o.beta1));
        const vi = tf.add(tf.mul(s[i]!, o.beta2), tf.mul(tf.square(g), 1 - o.beta2));
        m[i]!.assign(mi);
        s[i]!.assign(vi);
        const decayed = o.weightDecay !== 0 ? tf.mul(p, 1 - lr * o.weightDecay) : p;
        const update = tf.div(tf.mul(mi, lr / c1), tf.add(tf.sqrt(tf.div(vi, c2)), o.eps));
        p.assign(tf.sub(decayed, update));
      });
    });
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
      v: s.map((x) => x.dataSync() as Float32Array).map((a) => a.slice()),
    }),
    importState(snap) {
      if (snap.m.length !== m.length || snap.v.length !== s.length) {
        throw new Error(`adam.importState: snapshot has ${snap.m.length} moments, optimiser has ${m.length}; wrong checkpoint?`);
      }
      t = snap.t;
      tf.tidy(() => {
        m.forEach((x, i) => x.assign(tf.tensor(snap.m[i]!, x.shape, 'float32')));
        s.forEach((x, i) => x.assign(tf.tensor(snap.v[i]!, x.shape, 'float32')));
      });
    },
    dispose() {
      tf.dispose([...m, ...s]);
    },
  };
}
