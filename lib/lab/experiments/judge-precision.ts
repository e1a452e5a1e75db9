import { judgeClaim } from '../../stats/claims';
import { WORLD_FULL, WORLD_QUICK, WORLD_SMOKE } from '../configs/world';
import { patch } from '../patch';
import { WORLD_TASK } from '../tasks/world/task';
import type { WorldConfig } from '../tasks/world/config';
import { defineExperiment, type ArmSpec, type ExperimentResults } from './define';
import { after, armTable, audited, leastSquaresSlope, pairedClaim, perSeed, type RunValue } from './values';
import { DATA, withJudge, withTrainData } from './world-arms';
import { judgePrecisionFigures } from '../figures/judge-precision';

/*
 * How precise must the judge be? Mixed training data (VerInstruct's 22.3% hard-only share) with a noisy judge of
 * soft constraints whose recall on violations runs from 0.2 to 1 (compliant responses passed .95 of the time), and,
 * separately, the paper's one-sided false accept: a precise reward (the oracle) set to 1 with probability p
 * (2601.04954 found p ≤ 0.1 harmless). Training reward beside TRUE pass along the steps shows where a policy learns
 * to collect reward it has not earned.
 */

export const RECALLS = [0.2, 0.306, 0.45, 0.6, 0.8, 1];
export const FALSE_ACCEPTS = [0, 0.05, 0.1, 0.3];

const mixed = (c: WorldConfig): WorldConfig => withTrainData(c, { kinds: DATA['mixed-22']!.kinds });

const recallArm = (r: number): ArmSpec<WorldConfig> => ({
  name: `recall-${r}`,
  description: `noisy judge: recall ${r} on violations, .95 on compliant responses`,
  config: (c) => withJudge(mixed(c), `sim:noisy:recall_violation=${r},recall_compliant=0.95`),
});

const acceptArm = (p: number): ArmSpec<WorldConfig> => ({
  name: `false-accept-${p}`,
  description: p === 0 ? 'the oracle judge, no false accepts' : `the oracle judge, the whole reward set to 1 with probability ${p}`,
  config: (c) => patch(withJudge(mixed(c), 'oracle'), { reward: { falseAccept: p } }),
});

/** Per seed, the least-squares slope of a value against the recall of the recall arms. */
const slopeOverRecall = (r: ExperimentResults, f: RunValue): number[] =>
  perSeed(r, (runOf) =>
    leastSquaresSlope(
      RECALLS.map((rec) => {
        const run = runOf(`recall-${rec}`);
        return [rec, run ? f(run) : NaN] as const;
      }),
    ),
  );

export const JUDGE_PRECISION = defineExperiment({
  name: 'judge-precision',
  description: "the judge's recall on violations (0.2 … 1) and the paper's one-sided false accept (p = 0 … 0.3), mixed training data",
  task: WORLD_TASK,
  base: { smoke: WORLD_SMOKE, quick: WORLD_QUICK, full: WORLD_FULL },
  arms: [...RECALLS.map(recallArm), ...FALSE_ACCEPTS.map(acceptArm)],
  seeds: { smoke: [1], quick: [1], full: [1, 2, 3] },
  figures: (r) => judgePrecisionFigures(r, { recalls: RECALLS, falseAccepts: FALSE_ACCEPTS }),
  report: (r) => {
    const mixedPass = after('mixed/allPass');
    return {
      claims: [
        judgeClaim({ name: 'recall-slope', statement: 'TRUE all-pass (mixed set) per unit of judge recall on violations: least-squares slope over the recall arms', expect: 'positive' }, slopeOverRecall(r, mixedPass)),
        pairedClaim({ name: 'paper-recall-hurts', statement: 'recall .306 − recall 1, TRUE all-pass on the mixed set', expect: 'negative' }, r, 'recall-0.306', 'recall-1', mixedPass),
        pairedClaim({ name: 'false-accept-0.05-harmless', statement: 'false accept p = .05 − p = 0, TRUE all-pass on the mixed set (harmless if within ±0.05)', expect: { within: 0.05 } }, r, 'false-accept-0.05', 'false-accept-0', mixedPass),
        pairedClaim({ name: 'false-accept-0.1-harmless', statement: 'false accept p = .1 − p = 0, TRUE all-pass on the mixed set (harmless if within ±0.05)', expect: { within: 0.05 } }, r, 'false-accept-0.1', 'false-accept-0', mixedPass),
        pairedClaim({ name: 'false-accept-0.3-hurts', statement: 'false accept p = .3 − p = 0, TRUE all-pass on the mixed set', expect: 'negative' }, r, 'false-accept-0.3', 'false-accept-0', mixedPass),
      ],
      tables: [
        {
          name: 'arms',
          description: 'Per arm, mean over seeds [95% interval]: TRUE all-pass after training on each held-out set, and the recall on violations the run measured for its judge.',
          rows: armTable(r, [...RECALLS.map((x) => `recall-${x}`), ...FALSE_ACCEPTS.map((p) => `false-accept-${p}`)], {
            'mixed all-pass': mixedPass,
            'hard all-pass': after('hard/allPass'),
            'soft all-pass': after('soft/allPass'),
            'measured recall on violations': audited('recallViolation'),
          }),
        },
      ],
    };
  },
});
