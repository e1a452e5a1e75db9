/*
 * Per-token estimators of KL(π ‖ π_ref) from the log-probs of tokens sampled from π (Schulman, "Approximating KL
 * divergence", 2020). GRPO uses k3 in all three frameworks:
 * - TRL `trl/trainer/grpo_trainer.py` `_compute_loss`: exp(ref − logp) − (ref − logp) − 1, unclamped;
 * - verl `verl/trainer/ppo/core_algos.py` `kl_penalty_forward` ('low_var_kl' / 'k3'): the same with ref − logp
 *   clamped to ±20 and the result clamped to [−10, 10];
 * - open-instruct `open_instruct/grpo_utils.py` `compute_grpo_loss`: d = logp − ref clamped to ±40, then
 *   `estimate_kl` index 2 = expm1(−d) + d, which is k3.
 */

/** k1 = logp − ref: unbiased, high variance, can be negative. */
export function klK1(logp: number, ref: number): number {
  return logp - ref;
}

/** k2 = ½ (logp − ref)²: biased, low variance. */
export function klK2(logp: number, ref: number): number {
  return 0.5 * (logp - ref) ** 2;
}

/** k3 = e^{ref−logp} − (ref − logp) − 1 ≥ 0: unbiased, low variance. @example klK3(-1, -1.5) // e^-0.5 + 0.5 - 1 = 0.1065 */
export function klK3(logp: number, ref: number): number {
  const d = ref - logp;
  return Math.expm1(d) - d;
}
