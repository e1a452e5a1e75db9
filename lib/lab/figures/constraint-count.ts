import { passByCountFigure } from '../../plots/count';
import type { ExperimentResults, NamedFigure } from '../experiments/define';
import { after } from '../experiments/values';
import { armInterval, armsOf, titleWithSeeds } from './seed-values';

const REWARDS = [
  { suffix: 'oracle', name: 'precise reward (oracle judge)' },
  { suffix: 'noisy', name: 'noisy judge (recall .306)' },
];

/**
 * constraint-count's figure: TRUE all-pass on held-out prompts of each count, a line per training count, a panel per reward.
 * @example constraintCountFigures(results, COUNTS)
 */
export function constraintCountFigures(r: ExperimentResults, counts: readonly number[]): NamedFigure[] {
  const present = new Set(armsOf(r));
  const panels = REWARDS.map((rw) => ({
    name: rw.name,
    lines: counts
      .filter((k) => present.has(`k${k}.${rw.suffix}`))
      .map((k) => ({ trainK: k, evalK: [...counts], values: counts.map((e) => armInterval(r, `k${k}.${rw.suffix}`, after(`count/k/${e}`))) })),
  }));
  return [
    {
      name: 'pass-by-k',
      description: 'TRUE all-pass vs constraints in the held-out prompt, a line per training count, precise vs noisy reward',
      figure: passByCountFigure(panels, { title: titleWithSeeds('constraint-count: TRUE all-pass by constraints per prompt', r) }),
    },
  ];
}
