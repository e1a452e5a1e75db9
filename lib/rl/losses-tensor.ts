import * as tf from '@tensorflow/tfjs';
import { klK3Tensor } from './kl';
import type { AggregationOptions, LossOptions } from './losses';

/*
 * Tensor twin of `policyLoss` in losses.ts (same formulas, same conventions; see that file for the sources).
 * B sequences, T completion positions. Used inside tf.variableGrads, so it must stay free of side effects.
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

/** Reduce a masked (B, T) per-token loss to a scalar by `aggregation` (see losses.ts). */
export function aggregateLossTensor(perToken: tf.Tensor2D, mask: tf.Tensor2D, o: AggregationOptions): tf.Scalar {
  return tf.tidy(() => {
    const masked = tf.mul(perToken, mask);
    const B = perToken.shape[0];
    switch (o.aggregation) {
      case 'grpo': {
        const rowTokens = tf.maximum(tf.sum(mask, 1), 1); // (B)
        return tf.div(tf.sum(tf.div(tf.sum(masked, 1), rowTokens)), Math.max(B, 1)) as tf.Scalar;
      }
      case 'bnpo':
        return tf.div(tf.sum(masked), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
      case 'dr_grpo':
        return tf.div(tf.sum(masked), B * o.maxCompletionLength) as tf.Scalar;
      case 'dapo': {
        const denom = o.globalActiveTokens !== undefined ? tf.scalar(Math.max(o.globalActiveTokens, 1)) : tf.maximum(tf.sum(mask), 1);
        return tf.div(tf.sum(masked), denom) as tf.Scalar;
      }
    }
  });
}

/** GRPO loss, mean k3 and clip fraction over active tokens. Call under tf.variableGrads or tf.tidy. */
export function policyLossTensor(x: PolicyLossTensors, o: LossOptions): PolicyLossTensorResult {
  return tf.tidy(() => {
    const adv = tf.expandDims(x.advantages, 1); // (B, 1)
    const ratio = tf.exp(tf.sub(x.logp, x.oldLogp)); // (B, T)
    const clippedRatio = tf.clipByValue(ratio, 1 - o.epsLow, 1 + o.epsHigh);
    let perToken = tf.neg(tf.minimum(tf.mul(ratio, adv), tf.mul(clippedRatio, adv))) as tf.Tensor2D;
    const tokens = tf.maximum(tf.sum(x.mask), 1);
    let kl: tf.Scalar = tf.scalar(0);
    if (x.refLogp) {
      const k3 = klK3Tensor(x.logp, x.refLogp);
      kl = tf.div(tf.sum(tf.mul(k3, x.mask)), tokens) as tf.Scalar;
      if (o.beta !== 0) perToken = tf.add(perToken, tf.mul(k3, o.beta)) as tf.Tensor2D;
    }
    const low = tf.logicalAnd(tf.less(ratio, 1 - o.epsLow), tf.less(adv, 0));
    const high = tf.logicalAnd(tf.greater(ratio, 1 + o.epsHigh), tf.greater(adv, 0));
    const clipped = tf.mul(tf.cast(tf.logicalOr(low, high), 'float32'), x.mask);
    const clipFraction = tf.div(tf.sum(clipped), tokens) as tf.Scalar;
    return { loss: aggregateLossTensor(perToken, x.mask, o), kl, clipFraction };
  });
}
