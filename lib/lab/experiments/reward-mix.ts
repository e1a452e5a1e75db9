import { WORLD_FULL, WORLD_QUICK, WORLD_SMOKE } from '../configs/world';
import { SOFT_TYPES } from '../tasks/world/constraint-types';
import { WORLD_TASK } from '../tasks/world/task';
import { defineExperiment } from './define';
import { after, armTable, audited, gain, judgeGap, pairedClaim, seedValues } from './values';
import { judgeClaim } from '../../stats/claims';
import { dataJudgeArm } from './world-arms';
import { rewardMixFigures } from '../figures/reward-mix';

/*
 * Precision over Diversity's central comparison, crossed so that its two causes come apart: training data
 * (hard-only, soft-only, and mixed at VerInstruct's 22.3% hard-only share and at half and half) × the judge of soft
 * constraints in the reward (oracle, the paper's noisy judge at recall .306, a lenient judge with blind spots, a
 * learned classifier). Hard-only data never asks the judge, so it is one arm. Evaluation: held-out hard, soft and
 * mixed prompts, TRUE verdicts. With the oracle judge, does diversity help? With an imprecise judge, does it hurt?
 */

const DATAS = ['soft-only', 'mixed-22', 'mixed-50'];
const JUDGE_NAMES = ['oracle', 'noisy', 'lenient', 'learned'];
const HARD = 'hard-only.oracle';

export const REWARD_MIX = defineExperiment({
  name: 'reward-mix',
  description: 'hard-only / soft-only / mixed training data × the judge of soft constraints (oracle, noisy .306, lenient, learned)',
  task: WORLD_TASK,
  base: { smoke: WORLD_SMOKE, quick: WORLD_QUICK, full: WORLD_FULL },
  arms: [dataJudgeArm('hard-only', 'oracle'), ...DATAS.flatMap((d) => JUDGE_NAMES.map((j) => dataJudgeArm(d, j)))],
  seeds: { smoke: [1], quick: [1], full: [1, 2, 3] },
  figures: rewardMixFigures,
  report: (r) => {
    const mixedPass = after('mixed/allPass');
    return {
      claims: [
        pairedClaim({ name: 'hard-beats-mixed', statement: 'hard-only − mixed (22%, noisy judge), TRUE all-pass on the mixed set', expect: 'positive' }, r, HARD, 'mixed-22.noisy', mixedPass),
        pairedClaim({ name: 'hard-beats-soft', statement: 'hard-only − soft-only (noisy judge), TRUE all-pass on the mixed set', expect: 'positive' }, r, HARD, 'soft-only.noisy', mixedPass),
        pairedClaim({ name: 'hard-beats-mixed-on-hard', statement: 'hard-only − mixed (22%, noisy judge), TRUE all-pass on the hard set', expect: 'positive' }, r, HARD, 'mixed-22.noisy', after('hard/allPass')),
        pairedClaim({ name: 'precision-matters', statement: 'mixed (22%): noisy − oracle judge, TRUE all-pass on the mixed set', expect: 'negative' }, r, 'mixed-22.noisy', 'mixed-22.oracle', mixedPass),
        pairedClaim({ name: 'diversity-with-precise-reward', statement: 'oracle judge: mixed (22%) − hard-only, TRUE all-pass on the mixed set', expect: 'positive' }, r, 'mixed-22.oracle', HARD, mixedPass),
        pairedClaim({ name: 'diversity-with-imprecise-reward', statement: 'noisy judge: mixed (22%) − hard-only, TRUE all-pass on the mixed set', expect: 'negative' }, r, 'mixed-22.noisy', HARD, mixedPass),
        judgeClaim({ name: 'hard-transfers-to-soft', statement: 'hard-only training: TRUE all-pass on the soft set, after − warm start', expect: 'positive' }, seedValues(r, HARD, gain('soft/allPass'))),
        judgeClaim({ name: 'lenient-hack', statement: 'lenient judge (mixed 22%): judged − TRUE soft pass on the mixed set after training', expect: 'positive' }, seedValues(r, 'mixed-22.lenient', judgeGap('mixed', SOFT_TYPES))),
      ],
      tables: [
        {
          name: 'arms',
          description: 'Per arm, mean over seeds [95% interval]: TRUE all-pass on each held-out set after training, the judge\'s excess over the truth on soft constraints, response length, and the judge\'s measured recall on violations.',
          rows: armTable(r, r.runs.map((x) => x.arm).filter((a, i, xs) => xs.indexOf(a) === i), {
            'hard all-pass': after('hard/allPass'),
            'soft all-pass': after('soft/allPass'),
            'mixed all-pass': mixedPass,
            'judge − truth (mixed, soft types)': judgeGap('mixed', SOFT_TYPES),
            'words (mixed)': after('mixed/words'),
            'judge recall on violations': audited('recallViolation'),
          }),
        },
      ],
    };
  },
});
