import { judgeClaim } from '../../stats/claims';
import { WORLD_FULL, WORLD_QUICK, WORLD_SMOKE } from '../configs/world';
import { patch } from '../patch';
import type { WorldConfig } from '../tasks/world/config';
import { WORLD_TASK } from '../tasks/world/task';
import { defineExperiment, type ArmSpec, type ExperimentResults } from './define';
import { after, armTable, leastSquaresSlope, pairedClaim, perSeed, type RunValue } from './values';
import { JUDGES, withJudge, withTrainData } from './world-arms';
import { constraintCountFigures } from '../figures/constraint-count';

/*
 * How many constraints per training prompt? The IFBench paper's Table 1 trained on 1 to 6 constraints per prompt;
 * 2601.04954 says an imprecise judge hurts more as constraints grow (each soft verdict is another chance to pay for
 * a violation). Training on exactly k = 1 … 6 constraints (hard-only and mixed prompts), with the precise reward and
 * with the paper's noisy judge; evaluation on held-out prompts of every k.
 */

export const COUNTS = [1, 2, 3, 4, 5, 6];
const KINDS = { 'hard-only': 1, 'soft-only': 0, mixed: 2 };

/** The held-out set of every count: hard-only and mixed prompts with 1 to 6 constraints. */
const withCountSet = (c: WorldConfig): WorldConfig =>
  patch(c, { data: { eval: { ...c.data.eval, count: { kinds: KINDS, constraints: { min: 1, max: 6 }, types: 'all', unsatisfiable: 0 } } } });

const arm = (k: number, judge: 'oracle' | 'noisy'): ArmSpec<WorldConfig> => ({
  name: `k${k}.${judge}`,
  description: `training prompts of exactly ${k} constraint${k > 1 ? 's' : ''}; ${JUDGES[judge]!.description}`,
  config: (c) => withJudge(withTrainData(withCountSet(c), { kinds: KINDS, constraints: { min: k, max: k } }), JUDGES[judge]!.spec),
});

/** Per seed, the slope over training k of f(oracle arm) − f(noisy arm). */
const gapSlope = (r: ExperimentResults, f: RunValue): number[] =>
  perSeed(r, (runOf) =>
    leastSquaresSlope(
      COUNTS.map((k) => {
        const o = runOf(`k${k}.oracle`);
        const n = runOf(`k${k}.noisy`);
        return [k, o && n ? f(o) - f(n) : NaN] as const;
      }),
    ),
  );

export const CONSTRAINT_COUNT = defineExperiment({
  name: 'constraint-count',
  description: 'training on prompts of exactly k = 1 … 6 constraints, precise vs noisy reward; held-out prompts of every k',
  task: WORLD_TASK,
  base: { smoke: WORLD_SMOKE, quick: WORLD_QUICK, full: WORLD_FULL },
  arms: COUNTS.flatMap((k) => [arm(k, 'oracle'), arm(k, 'noisy')]),
  seeds: { smoke: [1], quick: [1], full: [1, 2, 3] },
  figures: (r) => constraintCountFigures(r, COUNTS),
  report: (r) => {
    const pass = after('count/allPass');
    return {
      claims: [
        pairedClaim({ name: 'more-constraints-help', statement: 'precise reward: training on 3 − on 1 constraint, TRUE all-pass on held-out prompts of every count', expect: 'positive' }, r, 'k3.oracle', 'k1.oracle', pass),
        pairedClaim({ name: 'noisy-hurts-at-6', statement: 'k = 6: noisy − precise reward, TRUE all-pass on held-out prompts of every count', expect: 'negative' }, r, 'k6.noisy', 'k6.oracle', pass),
        judgeClaim({ name: 'imprecision-grows-with-k', statement: 'precise − noisy TRUE all-pass gap per extra training constraint (least-squares slope over k)', expect: 'positive' }, gapSlope(r, pass)),
      ],
      tables: [
        {
          name: 'pass-by-k',
          description: 'TRUE all-pass on held-out prompts of each count (columns k=1…6) for each training count and reward, mean over seeds [95% interval].',
          rows: armTable(r, COUNTS.flatMap((k) => [`k${k}.oracle`, `k${k}.noisy`]), Object.fromEntries([['all counts', pass], ...COUNTS.map((k) => [`eval k=${k}`, after(`count/k/${k}`)])])),
        },
      ],
    };
  },
});
