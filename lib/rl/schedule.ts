/*
 * Optimisation arithmetic as pure functions: the learning-rate schedule, one AdamW update and gradient clipping by
 * global norm. The tensor optimiser (`optimizer.ts`) applies the same formulas; a test checks they agree.
 * - Schedule: Hugging Face transformers `src/transformers/optimization.py`
 *   (`_get_linear_schedule_with_warmup_lr_lambda`, `_get_cosine_schedule_with_warmup_lr_lambda`): warm-up
 *   lr·s/W for s < W (so step 0 runs at lr 0), then linear or half-cosine decay to 0 at the last step.
 *   `minRatio` lifts the floor (a common variant; 0 is the transformers behaviour).
 * - AdamW: `torch.optim.AdamW` (decoupled weight decay, bias-corrected moments, eps added to √v̂). TRL trains with
 *   AdamW and weight_decay 0 by default, which is Adam.
 * - Clipping: `torch.nn.utils.clip_grad_norm_`: coef = max_norm / (‖g‖ + 1e-6), applied only when < 1.
 */

export type LrDecay = 'constant' | 'linear' | 'cosine';

export interface LrSchedule {
  readonly peak: number;
  readonly warmupSteps: number;
  readonly totalSteps: number;
  readonly decay: LrDecay;
  /** The decayed rate never falls below peak · minRatio. */
  readonly minRatio: number;
}

/** Learning rate at 0-based optimiser step `step`. @example learningRate(5, {peak: 1e-3, warmupSteps: 10, totalSteps: 100, decay: 'cosine', minRatio: 0}) // 5e-4 */
export function learningRate(step: number, s: LrSchedule): number {
  if (step < s.warmupSteps) return (s.peak * step) / Math.max(1, s.warmupSteps);
  const progress = Math.min(1, (step - s.warmupSteps) / Math.max(1, s.totalSteps - s.warmupSteps));
  let factor: number;
  switch (s.decay) {
    case 'constant':
      factor = 1;
      break;
    case 'linear':
      factor = 1 - progress;
      break;
    case 'cosine':
      factor = 0.5 * (1 + Math.cos(Math.PI * progress));
      break;
  }
  return s.peak * Math.max(factor, s.minRatio);
}

export interface AdamOptions {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  /** Decoupled (AdamW) weight decay; 0 is plain Adam. */
  readonly weightDecay: number;
}

export const ADAM_DEFAULTS: Omit<AdamOptions, 'lr'> = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 };

export interface AdamState {
  readonly m: number[];
  readonly v: number[];
}

/** One AdamW update at 1-based step `t`; returns new parameters and moments. */
export function adamStep(
  params: readonly number[],
  grads: readonly number[],
  state: AdamState,
  t: number,
  o: AdamOptions,
): { params: number[]; state: AdamState } {
  const c1 = 1 - o.beta1 ** t;
  const c2 = 1 - o.beta2 ** t;
  const m = state.m.map((mi, i) => o.beta1 * mi + (1 - o.beta1) * grads[i]!);
  const v = state.v.map((vi, i) => o.beta2 * vi + (1 - o.beta2) * grads[i]! ** 2);
  const out = params.map((p, i) => {
    const decayed = p * (1 - o.lr * o.weightDecay);
    return decayed - (o.lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + o.eps);
  });
  return { params: out, state: { m, v } };
}

/** The global L2 norm of several gradient arrays and the factor that clips it to `maxNorm` (1 if no clip). */
export function globalNormClip(grads: readonly (readonly number[])[], maxNorm: number): { norm: number; scale: number } {
  let ss = 0;
  for (const g of grads) for (const x of g) ss += x * x;
  const norm = Math.sqrt(ss);
  return { norm, scale: Math.min(1, maxNorm / (norm + 1e-6)) };
}
