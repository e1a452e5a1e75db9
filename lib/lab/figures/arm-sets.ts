import { armSetBarsFigure } from '../../plots/arm-bars';
import type { Figure } from '../../plots/figure';
import type { ExperimentResults } from '../experiments/define';
import { after } from '../experiments/values';
import { armInterval, titleWithSeeds } from './seed-values';

/** The held-out sets of the world's experiments, as the bars show them. */
export const WORLD_SETS = ['hard', 'soft', 'mixed'] as const;

/**
 * TRUE all-pass after GRPO per arm and held-out set, with 95% intervals over seeds.
 * @example passBySetFigure(results, ['hard-only.oracle', 'mixed-22.noisy'], 'reward-mix')
 */
export function passBySetFigure(r: ExperimentResults, arms: readonly string[], experiment: string): Figure {
  return armSetBarsFigure(
    arms,
    WORLD_SETS.map((set) => ({ name: `${set} set`, values: arms.map((arm) => armInterval(r, arm, after(`${set}/allPass`))) })),
    { title: titleWithSeeds(`${experiment}: TRUE all-pass on held-out prompts after GRPO`, r), xTitle: 'TRUE all-pass after GRPO' },
  );
}
