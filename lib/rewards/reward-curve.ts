import type { RewardKind } from './aggregate';

/*
 * The reward a judge pays, in expectation, when its verdicts are independent per constraint, aggregated by the same
 * rule as every other reward (aggregate.ts): 'all' (2601.04954's product), 'fraction' (open-instruct), 'weighted'
 * (IFBench Eq. 1 with unit weights: k × fraction).
 */

export interface JudgedResponseShape {
  /** Constraints in the prompt (k ≥ 1). */
  readonly constraints: number;
  /** How many of them the response violates (0 ≤ v ≤ k). */
  readonly violated: number;
  /** P(judge says violated | violated). */
  readonly recallViolation: number;
  /** P(judge says followed | followed). */
  readonly recallCompliant: number;
  readonly aggregate: RewardKind;
}

/**
 * The expected reward a judge with these recalls gives a response that violates `violated` of `constraints`
 * constraints, verdicts independent: 'all' → rc^(k−v)·(1−rv)^v, 'fraction' → ((k−v)·rc + v·(1−rv))/k,
 * 'weighted' → (k−v)·rc + v·(1−rv).
 * @example expectedJudgeReward({ constraints: 3, violated: 1, recallViolation: 0.3, recallCompliant: 1, aggregate: 'all' }) // 0.7
 */
export function expectedJudgeReward(s: JudgedResponseShape): number {
  const { constraints: k, violated: v, recallViolation: rv, recallCompliant: rc } = s;
  if (!Number.isInteger(k) || k < 1 || !Number.isInteger(v) || v < 0 || v > k) {
    throw new Error(`expectedJudgeReward: need integers 1 <= constraints and 0 <= violated <= constraints, got constraints=${k}, violated=${v}`);
  }
  switch (s.aggregate) {
    case 'all':
      return rc ** (k - v) * (1 - rv) ** v;
    case 'fraction':
      return ((k - v) * rc + v * (1 - rv)) / k;
    case 'weighted':
      return (k - v) * rc + v * (1 - rv);
  }
}

/** One line of the curve: the expected reward of a response with `violated` violations, over recall on violations. */
export interface RewardCurveSeries {
  readonly violated: number;
  /** 'compliant' or 'v of k violated'. */
  readonly label: string;
  readonly reward: readonly number[];
}

export interface RewardCurve {
  /** Recall on violations, 0 to 1 in equal steps. */
  readonly recall: readonly number[];
  readonly series: readonly RewardCurveSeries[];
}

/**
 * What a judge's recall on violations does to the reward: one series per violation count (0 = a compliant
 * response, for reference), over recall from 0 to 1. Where a violating series sits near the compliant one the judge
 * pays a policy almost as much for breaking a constraint as for keeping it.
 * @example judgeRewardCurve({ constraints: 3, violated: [0, 1, 2], recallCompliant: 0.95, aggregate: 'all' })
 */
export function judgeRewardCurve(opts: {
  constraints: number;
  violated: readonly number[];
  recallCompliant: number;
  aggregate: RewardKind;
  points?: number;
}): RewardCurve {
  const points = opts.points ?? 21;
  const recall = Array.from({ length: points }, (_, i) => i / (points - 1));
  return {
    recall,
    series: opts.violated.map((violated) => ({
      violated,
      label: violated === 0 ? 'compliant' : `${violated} of ${opts.constraints} violated`,
      reward: recall.map((recallViolation) =>
        expectedJudgeReward({ constraints: opts.constraints, violated, recallViolation, recallCompliant: opts.recallCompliant, aggregate: opts.aggregate }),
      ),
    })),
  };
}
