import { typeBeforeAfterFigure } from '../../plots/per-type';
import type { ExperimentResults, NamedFigure } from '../experiments/define';
import { typeRate } from '../experiments/values';
import { WORLD_TYPES } from '../tasks/world/constraint-types';
import { armInterval, titleWithSeeds } from './seed-values';

/**
 * world-check's figure: each type's TRUE pass before and after GRPO with the oracle judge, hard above soft.
 * @example worldCheckFigures(results, 'oracle')
 */
export function worldCheckFigures(r: ExperimentResults, arm: string): NamedFigure[] {
  const types = WORLD_TYPES.map((t) => ({ name: t.name, kind: t.kind, before: armInterval(r, arm, typeRate(t.name, 'before')), after: armInterval(r, arm, typeRate(t.name, 'after')) }));
  return [
    {
      name: 'per-type',
      description: 'TRUE pass per constraint type before and after GRPO with the oracle judge (hard vs soft: is the world fair?)',
      figure: typeBeforeAfterFigure(types, { title: titleWithSeeds('world-check: TRUE pass per type, before → after GRPO', r) }),
    },
  ];
}
