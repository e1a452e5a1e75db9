import { WORLD_FULL, WORLD_QUICK, WORLD_SMOKE } from '../configs/world';
import type { WorldConfig } from '../tasks/world/config';
import { WORLD_TYPES } from '../tasks/world/constraint-types';
import { WORLD_TASK } from '../tasks/world/task';
import { defineExperiment, type ArmSpec } from './define';
import { after, armTable, meanOf, pairedClaim, typeGain, type RunValue } from './values';
import { JUDGES, withJudge, withTrainData } from './world-arms';
import { diversityFigures } from '../figures/diversity';

/*
 * Diversity at a fixed step budget: how many constraint types the training prompts use (1, 2, 4 or all 14, nested
 * sets, each starting with a soft type so that the judge matters at every size), with the precise reward and with
 * the paper's noisy judge. Evaluation on every type, split into types seen and not seen in training. 2601.04954:
 * diversity helps only when the reward is precise.
 */

const ALL = WORLD_TYPES.map((t) => t.name);
/** Nested type sets, smallest first. */
export const TYPE_SETS: Readonly<Record<string, readonly string[]>> = {
  '1': ['cheerful'],
  '2': ['cheerful', 'words_exact'],
  '4': ['cheerful', 'words_exact', 'formal', 'no_comma'],
  all: ALL,
};

const arm = (size: string, judge: 'oracle' | 'noisy'): ArmSpec<WorldConfig> => ({
  name: `types-${size}.${judge}`,
  description: `training prompts use ${size === 'all' ? 'all 14' : size} type${size === '1' ? '' : 's'} (${size === 'all' ? 'every type' : TYPE_SETS[size]!.join(', ')}); ${JUDGES[judge]!.description}`,
  config: (c) => withJudge(withTrainData(c, { types: TYPE_SETS[size]!.slice() }), JUDGES[judge]!.spec),
});

/** Mean TRUE-pass gain over the types outside `seen`. */
const unseenGain = (seen: readonly string[]): RunValue => meanOf(ALL.filter((t) => !seen.includes(t)).map(typeGain));
const seenGain = (seen: readonly string[]): RunValue => meanOf(seen.map(typeGain));

export const DIVERSITY = defineExperiment({
  name: 'diversity',
  description: 'how many constraint types training uses (1, 2, 4, all) at a fixed step budget, precise vs noisy reward; seen and unseen types',
  task: WORLD_TASK,
  base: { smoke: WORLD_SMOKE, quick: WORLD_QUICK, full: WORLD_FULL },
  arms: Object.keys(TYPE_SETS).flatMap((s) => [arm(s, 'oracle'), arm(s, 'noisy')]),
  seeds: { smoke: [1], quick: [1], full: [1, 2, 3] },
  figures: (r) => diversityFigures(r, TYPE_SETS),
  report: (r) => {
    const mixedPass = after('mixed/allPass');
    const outside4 = unseenGain(TYPE_SETS['4']!);
    return {
      claims: [
        pairedClaim({ name: 'diversity-transfers', statement: 'precise reward: 4 types − 1 type, mean TRUE-pass gain on the 10 types neither saw', expect: 'positive' }, r, 'types-4.oracle', 'types-1.oracle', outside4),
        pairedClaim({ name: 'diversity-helps-precise', statement: 'precise reward: all types − 1 type, TRUE all-pass on the mixed set', expect: 'positive' }, r, 'types-all.oracle', 'types-1.oracle', mixedPass),
        pairedClaim({ name: 'diversity-with-noisy-judge', statement: 'noisy judge: all types − 1 type, TRUE all-pass on the mixed set', expect: 'negative' }, r, 'types-all.noisy', 'types-1.noisy', mixedPass),
      ],
      tables: [
        {
          name: 'seen-unseen',
          description: 'Mean TRUE-pass gain over the warm start on the types each arm trained on (seen) and on the others (unseen), and TRUE all-pass on the mixed set; mean over seeds [95% interval].',
          rows: Object.keys(TYPE_SETS).flatMap((s) =>
            armTable(r, [`types-${s}.oracle`, `types-${s}.noisy`], { 'seen types gain': seenGain(TYPE_SETS[s]!), 'unseen types gain': unseenGain(TYPE_SETS[s]!), 'mixed all-pass': mixedPass }),
          ),
        },
      ],
    };
  },
});
