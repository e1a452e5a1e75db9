/*
 * Group-relative advantages: one reward per completion, G completions per prompt, one advantage per completion.
 * Conventions read from the upstream code (and named after it):
 * - TRL `trl/trainer/grpo_trainer.py` `_generate_and_score_completions`: A = (r − mean_g) / (std + 1e-4), std from
 *   `nanstd` (`trl/trainer/utils.py`, Bessel-corrected, NaN for a group of one, later `nan_to_num` → 0);
 *   `scale_rewards` 'group' | 'batch' | 'none'; a NaN (None) reward is left out of the mean and gets advantage 0.
 * - verl `verl/trainer/ppo/core_algos.py` `compute_grpo_outcome_advantage`: `torch.std` (unbiased), eps 1e-6, and a
 *   group of one gets mean 0 and std 1, so its advantage is r / (1 + 1e-6), not 0.
 * - open-instruct `open_instruct/data_loader.py` (advantage block of the batch preparation): "centered" = r − mean
 *   (its default), "standard" = `np.std` (population) + 1e-8; `filter_zero_std_samples` drops zero-variance groups.
 * - NVIDIA-NeMo/RL PR #4161: a std below a floor (1e-3) is fp32 residue, not signal; such groups keep r − mean.
 */

/** How rewards are scaled after centring on the group mean (TRL `scale_rewards`). */
export type ScaleRewards = 'group' | 'batch' | 'none';
/** 'sample' divides by n − 1 (TRL nanstd, torch.std); 'population' by n (np.std). */
export type StdKind = 'sample' | 'population';
/** What a group whose rewards are all equal contributes: advantage 0 (kept in the loss) or nothing (dropped). */
export type ZeroVarianceMode = 'zero' | 'drop';
/** A group with one scorable completion: TRL gives 0, verl uses mean 0 and std 1 (advantage ≈ r). */
export type SingletonMode = 'zero' | 'verl';

export interface AdvantageOptions {
  readonly scale: ScaleRewards;
  readonly std: StdKind;
  readonly eps: number;
  readonly zeroVariance: ZeroVarianceMode;
  readonly singleton: SingletonMode;
  /** A std below this is treated as no std: the advantage stays r − mean (0 disables). */
  readonly stdFloor: number;
}

/** Named conventions; `{ ...ADVANTAGE_PRESETS.trl, zeroVariance: 'drop' }` for a diff. */
export const ADVANTAGE_PRESETS = {
  trl: { scale: 'group', std: 'sample', eps: 1e-4, zeroVariance: 'zero', singleton: 'zero', stdFloor: 0 },
  verl: { scale: 'group', std: 'sample', eps: 1e-6, zeroVariance: 'zero', singleton: 'verl', stdFloor: 0 },
  open_instruct: { scale: 'none', std: 'population', eps: 1e-8, zeroVariance: 'drop', singleton: 'zero', stdFloor: 0 },
  open_instruct_standard: {
    scale: 'group', std: 'population', eps: 1e-8, zeroVariance: 'drop', singleton: 'zero', stdFloor: 0,
  },
  dr_grpo: { scale: 'none', std: 'sample', eps: 1e-4, zeroVariance: 'zero', singleton: 'zero', stdFloor: 0 },
} as const satisfies Record<string, AdvantageOptions>;

export type AdvantagePreset = keyof typeof ADVANTAGE_PRESETS;

/** torch.isclose(std, 0) uses atol 1e-8: a group is zero-variance when its std is within that of 0. */
const ZERO_STD_ATOL = 1e-8;

export interface GroupAdvantages {
  /** Same shape as the rewards; 0 for NaN rewards and dropped groups. */
  readonly advantages: number[][];
  /** Per group: all scorable rewards equal (or fewer than two of them). */
  readonly zeroVariance: boolean[];
  /** Per group: excluded from the loss (zeroVariance under 'drop'). */
  readonly dropped: boolean[];
}

/** Mean of the non-NaN values (NaN if none). */
export function nanMean(xs: readonly number[]): number {
  let s = 0;
  let n = 0;
  for (const x of xs) if (!Number.isNaN(x)) (s += x), n++;
  return n === 0 ? NaN : s / n;
}

/** Std of the non-NaN values; 'sample' is NaN for fewer than two (as TRL's nanstd). @example nanStd([1,0,0,1],'sample') // 0.5774 */
export function nanStd(xs: readonly number[], kind: StdKind): number {
  const m = nanMean(xs);
  let ss = 0;
  let n = 0;
  for (const x of xs) if (!Number.isNaN(x)) (ss += (x - m) ** 2), n++;
  if (kind === 'sample') return n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  return n > 0 ? Math.sqrt(ss / n) : NaN;
}

function scaleOf(group: readonly number[], batchStd: number, o: AdvantageOptions): number {
  switch (o.scale) {
    case 'group':
      return nanStd(group, o.std);
    case 'batch':
      return batchStd;
    case 'none':
      return NaN;
  }
}

function groupAdvantagesOf(group: readonly number[], batchStd: number, o: AdvantageOptions): number[] {
  const scorable = group.filter((r) => !Number.isNaN(r)).length;
  if (scorable === 1 && o.singleton === 'verl') {
    // verl: mean 0, std 1 for a lone response
    return group.map((r) => (Number.isNaN(r) ? 0 : o.scale === 'none' ? r : r / (1 + o.eps)));
  }
  const mean = nanMean(group);
  const std = scaleOf(group, batchStd, o);
  const divide = o.scale !== 'none' && !(std < o.stdFloor);
  return group.map((r) => {
    const a = divide ? (r - mean) / (std + o.eps) : r - mean;
    return Number.isNaN(a) ? 0 : a;
  });
}

function isZeroVariance(group: readonly number[]): boolean {
  const scorable = group.filter((r) => !Number.isNaN(r));
  if (scorable.length < 2) return true;
  return nanStd(scorable, 'population') <= ZERO_STD_ATOL;
}

/**
 * Advantages of G completions per prompt. `rewards[i]` is prompt i's group; NaN marks an unscorable completion.
 * @example groupAdvantages([[1, 0, 0, 1]], ADVANTAGE_PRESETS.trl).advantages[0] // [0.8659, -0.8659, -0.8659, 0.8659]
 */
export function groupAdvantages(rewards: readonly (readonly number[])[], options: AdvantageOptions): GroupAdvantages {
  if (!(options.eps >= 0) || !(options.stdFloor >= 0)) {
    throw new Error(`groupAdvantages: eps (${options.eps}) and stdFloor (${options.stdFloor}) must be >= 0`);
  }
  const batchStd = nanStd(rewards.flat(), options.std);
  const zeroVariance = rewards.map(isZeroVariance);
  const dropped = zeroVariance.map((z) => z && options.zeroVariance === 'drop');
  const advantages = rewards.map((g, i) =>
    dropped[i] ? g.map(() => 0) : groupAdvantagesOf(g, batchStd, options),
  );
  return { advantages, zeroVariance, dropped };
}
