import { judgeClaim } from '../../stats/claims';
import { WORLD_FULL, WORLD_QUICK, WORLD_SMOKE } from '../configs/world';
import { HARD_TYPES, SOFT_TYPES, WORLD_TYPES } from '../tasks/world/constraint-types';
import { WORLD_TASK } from '../tasks/world/task';
import { defineExperiment } from './define';
import { after, armTable, before, gain, meanOf, seedValues, typeGain, typeRate } from './values';
import { worldCheckFigures } from '../figures/world-check';

/*
 * The fairness check of the world, run before any comparison is trusted: with a perfect judge (the oracle) in the
 * reward, do soft constraints learn about as well as hard ones? A world where they do not would rig every later
 * comparison towards "hard beats soft". Also: does every type learn at all (a type GRPO cannot move is reported,
 * not hidden)?
 */

const ARM = 'oracle';

export const WORLD_CHECK = defineExperiment({
  name: 'world-check',
  description: 'GRPO on mixed hard and soft prompts with the oracle judging soft constraints: per-type learning, hard vs soft',
  task: WORLD_TASK,
  base: { smoke: WORLD_SMOKE, quick: WORLD_QUICK, full: WORLD_FULL },
  arms: [{ name: ARM, description: 'all constraint types, all kinds of prompts, the oracle as judge', config: (c) => c }],
  seeds: { smoke: [1, 2], quick: [1, 2], full: [1, 2, 3] },
  figures: (r) => worldCheckFigures(r, ARM),
  report: (r) => ({
    claims: [
      judgeClaim(
        { name: 'oracle-learns', statement: 'GRPO with the oracle judge raises the held-out TRUE all-pass rate on mixed prompts', expect: 'positive' },
        seedValues(r, ARM, gain('mixed/allPass')),
      ),
      judgeClaim(
        { name: 'fair-world', statement: 'soft − hard, mean per-type gain in TRUE pass rate under the oracle (fair if within ±0.10)', expect: { within: 0.1 } },
        seedValues(r, ARM, (run) => meanOf(SOFT_TYPES.map(typeGain))(run) - meanOf(HARD_TYPES.map(typeGain))(run)),
      ),
    ],
    tables: [
      {
        name: 'per-type',
        description: 'TRUE pass rate of each constraint type on held-out prompts, before (warm start) and after GRPO with the oracle judge.',
        rows: WORLD_TYPES.flatMap((t) =>
          armTable(r, [ARM], { [`${t.name} (${t.kind}) before`]: typeRate(t.name, 'before'), [`${t.name} (${t.kind}) after`]: typeRate(t.name, 'after'), [`${t.name} (${t.kind}) gain`]: typeGain(t.name) }),
        ),
      },
      {
        name: 'sets',
        description: 'TRUE all-pass rate and response length per evaluation set, before and after.',
        rows: armTable(r, [ARM], Object.fromEntries(['hard', 'soft', 'mixed'].flatMap((s) => [[`${s} all-pass before`, before(`${s}/allPass`)], [`${s} all-pass after`, after(`${s}/allPass`)], [`${s} words after`, after(`${s}/words`)]]))),
      },
    ],
  }),
});
