import { hackingCurvesFigure } from '../../plots/hacking';
import type { ExperimentResults, NamedFigure } from '../experiments/define';
import { passBySetFigure } from './arm-sets';
import { hackingPanels } from './hacking';
import { titleWithSeeds } from './seed-values';

/**
 * The hppt experiment's figures: TRUE all-pass per arm and held-out set after GRPO, and the training curves
 * (what the noisy judge paid vs the TRUE all-pass of the same rollouts; the HPPT arm's pilot is not on them).
 * @example hpptFigures(results, ['raw', 'hppt', 'hard-only'])
 */
export function hpptFigures(r: ExperimentResults, arms: readonly string[]): NamedFigure[] {
  return [
    { name: 'pass-by-set', description: 'TRUE all-pass after GRPO per arm (raw, HPPT-refined, hard-only) on the hard, soft and mixed held-out sets', figure: passBySetFigure(r, arms, 'hppt') },
    {
      name: 'training-curves',
      description: 'training reward vs TRUE all-pass of the same rollouts along GRPO, per arm (the pilot excluded)',
      figure: hackingCurvesFigure(hackingPanels(r, arms, 'mixed'), { title: titleWithSeeds('hppt: reward paid vs TRUE all-pass along GRPO', r), heldOutLabel: 'held-out TRUE all-pass (mixed set)' }),
    },
  ];
}
