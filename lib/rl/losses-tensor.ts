import * as tf from '@tensorflow/tfjs';
import { klK3 } from './kl';
import { clippedSurrogate, isClipped, type AggregationOptions, type LossOptions } from './losses';

/*
 * Tensor twin of `policyLoss` in losses.ts (same formulas, same conventions; see that file for the sources), as one
 * differentiable op: the per-token terms, the aggregation and the gradient with respect to logp are computed in
 * float64 from the (B, T) arrays with the functions of losses.ts. At GRPO's sizes (B·T ≈ 1k) this replaces ~60
 * taped tfjs ops and their gradients (~13 ms of a ~75 ms update at the lab's size, ~200 µs per taped op) by a few
 * array reads. The gradient is autodiff's of −min(ρA, clip(ρ)A) + β·k3: min passes it to ρA on ties (tfjs; torch
 * splits a tie, to the same sum), clip passes it inside [1 − ε_low, 1 + ε_high].
 * B sequences, T completion positions. Used inside tf.variableGrads; it has no side effects.
 */

export interface PolicyLossTensors {
  /** (B, T), differentiable. */
  readonly logp: tf.Tensor2D;
  /** (B, T), constant. */
  readonly oldLogp: tf.Tensor2D;
  /** (B, T), constant; needed when β ≠ 0. */
  readonly refLogp?: tf.Tensor2D;
  /** (B) */
  readonly advantages: tf.Tensor1D;
  /** (B, T), 1 for completion tokens. */
  readonly mask: tf.Tensor2D;
}

export interface PolicyLossTensorResult {
  readonly loss: tf.Scalar;
  readonly kl: tf.Scalar;
  readonly clipFraction: tf.Scalar;
}

/** w[b·T + t] such that the aggregated loss is Σ w·loss_t (see aggregateLoss in losses.ts). */
function aggregationWeights(mask: ArrayLike<number>, B: number, T: number, o: AggregationOptions): Float64Array {
  const rowTokens = Array.from({ length: B }, (_, b) => {
    let n = 0;
    for (let t = 0; t < T; t++) n += mask[b * T + t]!;
    return n;
  });
  const tokens = rowTokens.reduce((s, n) => s + n, 0);
  const per = (b: number): number => {
    switch (o.aggregation) {
      case 'grpo':
        return 1 / (Math.max(rowTokens[b]!, 1) * Math.max(B, 1));
      case 'bnpo':
        return 1 / Math.max(tokens, 1);
      case 'dr_grpo':
        return 1 / (B * o.maxCompletionLength);
      case 'dapo':
        return 1 / Math.max(o.globalActiveTokens ?? tokens, 1);
    }
  };
  return Float64Array.from({ length: B * T }, (_, i) => mask[i]! * per(Math.floor(i / T)));
}

interface Terms {
  loss: number;
  grad: Float32Array;
  kl: number;
  clipFraction: number;
}

/** The loss, its gradient with respect to logp, the mean k3 and the clip fraction over active tokens. */
function grpoTerms(x: PolicyLossTensors, o: LossOptions): Terms {
  const [B, T] = x.logp.shape;
  const [lp, old, adv, mask] = [x.logp.dataSync(), x.oldLogp.dataSync(), x.advantages.dataSync(), x.mask.dataSync()];
  const ref = x.refLogp?.dataSync();
  const w = aggregationWeights(mask, B, T, o);
  const grad = new Float32Array(B * T);
  let [loss, klSum, clipped, tokens] = [0, 0, 0, 0];
  for (let i = 0; i < B * T; i++) {
    const ratio = Math.exp(lp[i]! - old[i]!);
    const a = adv[Math.floor(i / T)]!;
    const k3 = ref ? klK3(lp[i]!, ref[i]!) : 0;
    const surrogate = clippedSurrogate(ratio, a, o);
    loss += w[i]! * (surrogate + (o.beta !== 0 ? o.beta * k3 : 0));
    const clip = Math.min(Math.max(ratio, 1 - o.epsLow), 1 + o.epsHigh);
    const dSurrogate = ratio * a <= clip * a ? -a * ratio : 0; // the other branch is a clipped ρ: no gradient
    const dKl = ref && o.beta !== 0 ? o.beta * (1 - Math.exp(ref[i]! - lp[i]!)) : 0;
    grad[i] = w[i]! * (dSurrogate + dKl);
    tokens += mask[i]!;
    klSum += mask[i]! * k3;
    if (mask[i]! > 0 && isClipped(ratio, a, o)) clipped++;
  }
  const denom = Math.max(tokens, 1);
  return { loss, grad, kl: klSum / denom, clipFraction: clipped / denom };
}

/** GRPO loss, mean k3 and clip fraction over active tokens. Call under tf.variableGrads or tf.tidy. */
export function policyLossTensor(x: PolicyLossTensors, o: LossOptions): PolicyLossTensorResult {
  const terms = grpoTerms(x, o);
  const loss = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.scalar(terms.loss),
    gradFunc: (dy: tf.Tensor) => tf.mul(dy, tf.tensor2d(terms.grad, (args[0] as tf.Tensor2D).shape)),
  }));
  return { loss: loss(x.logp) as tf.Scalar, kl: tf.scalar(terms.kl), clipFraction: tf.scalar(terms.clipFraction) };
}
