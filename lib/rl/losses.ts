import { klK3 } from './kl';

/*
 * The GRPO policy loss, per token then aggregated, over plain arrays (B sequences × T completion positions).
 * The tensor twin used in training is `losses-tensor.ts`; a test checks the two agree.
 * Read from TRL `trl/trainer/grpo_trainer.py` `_compute_loss`:
 *   ρ = exp(logp − old), loss_t = −min(ρA, clip(ρ, 1 − ε_low, 1 + ε_high)A) + β·k3, then by `loss_type`:
 *   grpo    Σ_t(loss·m)/Σ_t m per sequence, then mean over sequences (length-biased: trl#2995)
 *   bnpo    Σ(loss·m)/Σ m over this (micro-)batch
 *   dr_grpo Σ(loss·m)/(B · max_completion_length)
 *   dapo    Σ(loss·m)/(active tokens of the whole generation batch, `num_items_in_batch`)
 * With one micro-batch per generation batch bnpo and dapo coincide; they differ once a step is split.
 * Clip fraction follows TRL's `clip_ratio/region_mean`: (ρ < 1 − ε_low and A < 0) or (ρ > 1 + ε_high and A > 0),
 * i.e. the tokens whose gradient the clip removed. At ρ exactly 1 ± ε nothing is clipped.
 */

/** TRL `loss_type`. */
export type LossAggregation = 'grpo' | 'bnpo' | 'dr_grpo' | 'dapo';

export interface ClipOptions {
  /** ε_low: the ratio is clipped below at 1 − ε_low. */
  readonly epsLow: number;
  /** ε_high: clipped above at 1 + ε_high (DAPO's clip-higher uses 0.28). */
  readonly epsHigh: number;
}

export interface AggregationOptions {
  readonly aggregation: LossAggregation;
  /** dr_grpo's constant: the configured maximum completion length (not the longest in the batch). */
  readonly maxCompletionLength: number;
  /** dapo's denominator: active tokens over the whole generation batch; defaults to this batch's. */
  readonly globalActiveTokens?: number;
}

export interface LossOptions extends ClipOptions, AggregationOptions {
  /** KL coefficient β (TRL's default is 0). */
  readonly beta: number;
}

/** −min(ρA, clip(ρ)A): the clipped surrogate of one token. @example clippedSurrogate(1.5, 1, {epsLow: .2, epsHigh: .2}) // -1.2 */
export function clippedSurrogate(ratio: number, advantage: number, clip: ClipOptions): number {
  const clipped = Math.min(Math.max(ratio, 1 - clip.epsLow), 1 + clip.epsHigh);
  return -Math.min(ratio * advantage, clipped * advantage);
}

/** True when the clip removed this token's gradient (TRL region clip). */
export function isClipped(ratio: number, advantage: number, clip: ClipOptions): boolean {
  return (ratio < 1 - clip.epsLow && advantage < 0) || (ratio > 1 + clip.epsHigh && advantage > 0);
}

/** Reduce a (B, T) per-token loss under a (B, T) 0/1 mask to a scalar. */
export function aggregateLoss(
  perToken: readonly (readonly number[])[],
  mask: readonly (readonly number[])[],
  o: AggregationOptions,
): number {
  const rowSums = perToken.map((row, b) => row.reduce((s, x, t) => s + x * mask[b]![t]!, 0));
  const rowTokens = mask.map((row) => row.reduce((s, x) => s + x, 0));
  const total = rowSums.reduce((s, x) => s + x, 0);
  const tokens = rowTokens.reduce((s, x) => s + x, 0);
  const B = perToken.length;
  switch (o.aggregation) {
    case 'grpo':
      return rowSums.reduce((s, x, b) => s + x / Math.max(rowTokens[b]!, 1), 0) / Math.max(B, 1);
    case 'bnpo':
      return total / Math.max(tokens, 1);
    case 'dr_grpo':
      return total / (B * o.maxCompletionLength);
    case 'dapo':
      return total / Math.max(o.globalActiveTokens ?? tokens, 1);
  }
}

export interface PolicyLossInput {
  /** Current log-probs of the sampled tokens (B, T). */
  readonly logp: readonly (readonly number[])[];
  /** Log-probs at sampling time (B, T); equal to logp on the first inner iteration. */
  readonly oldLogp: readonly (readonly number[])[];
  /** Frozen reference log-probs (B, T); only read when β ≠ 0. */
  readonly refLogp?: readonly (readonly number[])[];
  /** One advantage per sequence (B). */
  readonly advantages: readonly number[];
  /** 1 for completion tokens, 0 for padding (B, T). */
  readonly mask: readonly (readonly number[])[];
}

export interface PolicyLoss {
  readonly loss: number;
  /** Masked mean of k3 over active tokens (0 when β = 0 and no reference is given). */
  readonly kl: number;
  /** Fraction of active tokens the clip acted on. */
  readonly clipFraction: number;
}

/** The full GRPO loss on plain arrays (reference implementation for tests and for checking the tensor twin). */
export function policyLoss(x: PolicyLossInput, o: LossOptions): PolicyLoss {
  let klSum = 0;
  let clipCount = 0;
  let tokens = 0;
  const perToken = x.logp.map((row, b) =>
    row.map((lp, t) => {
      const m = x.mask[b]![t]!;
      const ratio = Math.exp(lp - x.oldLogp[b]![t]!);
      const a = x.advantages[b]!;
      const k3 = x.refLogp ? klK3(lp, x.refLogp[b]![t]!) : 0;
      tokens += m;
      klSum += m * k3;
      if (m > 0 && isClipped(ratio, a, o)) clipCount++;
      return clippedSurrogate(ratio, a, o) + (o.beta !== 0 ? o.beta * k3 : 0);
    }),
  );
  const denom = Math.max(tokens, 1);
  return { loss: aggregateLoss(perToken, x.mask, o), kl: klSum / denom, clipFraction: clipCount / denom };
}
