import { typeBeforeAfterFigure, type TypeBeforeAfter } from '../../plots/per-type';
import type { ExperimentResults, NamedFigure } from '../experiments/define';
import { meanOf, typeRate } from '../experiments/values';
import { HARD_TYPES, SOFT_TYPES, WORLD_TYPES } from '../tasks/world/constraint-types';
import { armInterval, titleWithSeeds } from './seed-values';

/**
 * world-check's figure: each type's TRUE pass before and after GRPO with the oracle judge, hard above soft, each
 * kind closed by its mean over types (the fairness claim compares how far those two means moved).
 * @example worldCheckFigures(results, 'oracle')
 */
export function worldCheckFigures(r: ExperimentResults, arm: string): NamedFigure[] {
  const row = (name: string, kind: 'hard' | 'soft', types: readonly string[]): TypeBeforeAfter => ({
    name,
    kind,
    before: armInterval(r, arm, meanOf(types.map((t) => typeRate(t, 'before')))),
    after: armInterval(r, arm, meanOf(types.map((t) => typeRate(t, 'after')))),
  });
  const types = [
    ...WORLD_TYPES.filter((t) => t.kind === 'hard').map((t) => row(t.name, 'hard', [t.name])),
    row('mean over types', 'hard', HARD_TYPES),
    ...WORLD_TYPES.filter((t) => t.kind === 'soft').map((t) => row(t.name, 'soft', [t.name])),
    row('mean over types', 'soft', SOFT_TYPES),
  ];
  return [
    {
      name: 'per-type',
      description: 'TRUE pass per constraint type before and after GRPO with the oracle judge, and the mean per kind (hard vs soft: is the world fair?)',
      figure: typeBeforeAfterFigure(types, { title: titleWithSeeds('world-check: TRUE pass per type, before → after GRPO', r) }),
    },
  ];
}
