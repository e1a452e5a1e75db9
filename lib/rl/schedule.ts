/*
 * The learning-rate schedule, as Hugging Face transformers `src/transformers/optimization.py` has it
 * (`_get_linear_schedule_with_warmup_lr_lambda`, `_get_cosine_schedule_with_warmup_lr_lambda`): warm-up lr·s/W for
 * s < W (so step 0 runs at lr 0), then linear or half-cosine decay to 0 at the last step. `minRatio` lifts the floor
 * (a common variant; 0 is the transformers behaviour).
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
