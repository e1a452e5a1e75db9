import { seenUnseenFigure } from '../../plots/seen-unseen';
import type { ExperimentResults, NamedFigure } from '../experiments/define';
import { meanOf, typeGain } from '../experiments/values';
import { WORLD_TYPES } from '../tasks/world/constraint-types';
import { armInterval, titleWithSeeds } from './seed-values';

const REWARDS = [
  { suffix: 'oracle', name: 'precise reward (oracle judge)' },
  { suffix: 'noisy', name: 'noisy judge (recall .306)' },
];

/** Mean TRUE-pass gain over the warm start on some types (NaN when there are none). */
const typesGain = (types: readonly string[]) => meanOf(types.map(typeGain));

/**
 * diversity's figure: TRUE-pass gain on seen and unseen types per number of training types, precise vs noisy reward.
 * @example diversityFigures(results, TYPE_SETS)
 */
export function diversityFigures(r: ExperimentResults, typeSets: Readonly<Record<string, readonly string[]>>): NamedFigure[] {
  const all = WORLD_TYPES.map((t) => t.name);
  const levels = Object.keys(typeSets);
  const panels = REWARDS.map((rw) => ({
    name: rw.name,
    levels,
    seen: levels.map((l) => armInterval(r, `types-${l}.${rw.suffix}`, typesGain(typeSets[l]!))),
    unseen: levels.map((l) => armInterval(r, `types-${l}.${rw.suffix}`, typesGain(all.filter((t) => !typeSets[l]!.includes(t))))),
  }));
  return [
    {
      name: 'seen-unseen',
      description: 'TRUE-pass gain over the warm start on types seen and not seen in training, per diversity level, precise vs noisy reward',
      figure: seenUnseenFigure(panels, { title: titleWithSeeds('diversity: gains on seen and unseen constraint types', r) }),
    },
  ];
}
