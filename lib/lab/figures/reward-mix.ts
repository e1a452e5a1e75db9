import { hackingCurvesFigure } from '../../plots/hacking';
import type { ExperimentResults, NamedFigure } from '../experiments/define';
import { passBySetFigure } from './arm-sets';
import { hackingPanels } from './hacking';
import { armsOf, titleWithSeeds } from './seed-values';

/**
 * reward-mix's figures: the hacking curves of every data × judge arm, and TRUE all-pass per arm and held-out set.
 * @example rewardMixFigures(results).map((f) => f.name) // ['hacking-curves', 'pass-by-set']
 */
export function rewardMixFigures(r: ExperimentResults): NamedFigure[] {
  const arms = armsOf(r);
  return [
    {
      name: 'hacking-curves',
      description: 'training reward vs TRUE all-pass of the same rollouts along GRPO, per data × judge arm',
      figure: hackingCurvesFigure(hackingPanels(r, arms, 'mixed'), { title: titleWithSeeds('reward-mix: what the judge paid vs what was earned', r), heldOutLabel: 'held-out TRUE all-pass (mixed set)' }),
    },
    { name: 'pass-by-set', description: 'TRUE all-pass after GRPO per arm on the hard, soft and mixed held-out sets', figure: passBySetFigure(r, arms, 'reward-mix') },
  ];
}
