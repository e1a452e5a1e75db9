import { judgeClaim } from '../../stats/claims';
import { hpptFigures } from '../figures/hppt';
import { HPPT_PILOT_EPOCHS, HPPT_POOL, HPPT_RAW_DATA, WORLD_FULL, WORLD_QUICK, WORLD_SMOKE } from '../configs/world';
import { patch } from '../patch';
import type { WorldConfig } from '../tasks/world/config';
import { WORLD_TASK } from '../tasks/world/task';
import { defineExperiment, type ArmSpec, type ExperimentResults } from './define';
import { after, armTable, before, meanStepSeconds, pairedClaim, perSeed, stepsToTarget } from './values';
import { PAPER_NOISY_JUDGE, withJudge, withTrainData } from './world-arms';

/*
 * High-Precision Proxy Training (2601.04954) in the lab: the same raw mixed data — prompts with several soft
 * constraints and one in five that no policy can satisfy — trained on as it is, refined by HPPT (a pilot of two passes
 * drops every prompt whose reward was never above 0, then each prompt keeps at most one soft constraint), or reduced
 * to its hard-only prompts. Soft constraints are judged by the paper's noisy judge throughout. Reported: final TRUE
 * pass, GRPO steps and wall time to reach a target, and the pilot's own cost, apart, as the paper reports it.
 */

const raw = (c: WorldConfig): WorldConfig => withJudge(patch(withTrainData(c, HPPT_RAW_DATA), { data: { trainSize: HPPT_POOL } }), PAPER_NOISY_JUDGE);

const ARMS: ArmSpec<WorldConfig>[] = [
  { name: 'raw', description: 'the raw mixed pool (20% unsatisfiable, up to 4 soft constraints a prompt)', config: raw },
  { name: 'hppt', description: `the raw pool refined by HPPT: a pilot of ${HPPT_PILOT_EPOCHS} passes, never-rewarded prompts dropped, one soft constraint kept`, config: (c) => patch(raw(c), { hppt: { pilotEpochs: HPPT_PILOT_EPOCHS } }) },
  { name: 'hard-only', description: "the raw pool's hard-only prompts", config: (c) => withTrainData(raw(c), { kinds: { 'hard-only': 1, 'soft-only': 0, mixed: 0 } }) },
];

const KEY = 'mixed/allPass';

/** Per seed, halfway from the warm start to the best final TRUE pass of any arm: the target every arm is timed to. */
function target(r: ExperimentResults, seed: number): number {
  const runs = r.runs.filter((x) => x.seed === seed);
  const start = before(KEY)(runs[0]!);
  return start + 0.5 * (Math.max(...runs.map(after(KEY))) - start);
}

const toTarget = (r: ExperimentResults, arm: string, what: 'steps' | 'seconds'): number[] =>
  perSeed(r, (runOf) => {
    const run = runOf(arm);
    return run ? stepsToTarget(run, KEY, target(r, run.seed))[what] : NaN;
  });

export const HPPT = defineExperiment({
  name: 'hppt',
  description: 'raw mixed data vs the same data refined by HPPT (pilot filter + one soft constraint) vs its hard-only prompts',
  task: WORLD_TASK,
  base: { smoke: WORLD_SMOKE, quick: WORLD_QUICK, full: WORLD_FULL },
  arms: ARMS,
  seeds: { smoke: [1], quick: [1], full: [1, 2, 3] },
  figures: (r) => hpptFigures(r, ARMS.map((a) => a.name)),
  report: (r) => {
    const diff = (a: number[], b: number[]): number[] => a.map((x, i) => x - b[i]!);
    return {
      claims: [
        pairedClaim({ name: 'hppt-beats-raw', statement: 'HPPT − raw data, TRUE all-pass on the mixed set', expect: 'positive' }, r, 'hppt', 'raw', after(KEY)),
        pairedClaim({ name: 'hppt-beats-hard-only', statement: 'HPPT − hard-only data, TRUE all-pass on the mixed set', expect: 'positive' }, r, 'hppt', 'hard-only', after(KEY)),
        judgeClaim({ name: 'hppt-reaches-target-sooner', statement: 'raw − HPPT, GRPO steps to reach halfway to the best final TRUE all-pass (pilot excluded)', expect: 'positive' }, diff(toTarget(r, 'raw', 'steps'), toTarget(r, 'hppt', 'steps'))),
        pairedClaim({ name: 'hppt-steps-cheaper', statement: 'raw − HPPT, wall seconds per GRPO step (pilot excluded)', expect: 'positive' }, r, 'raw', 'hppt', meanStepSeconds),
      ],
      tables: [
        {
          name: 'arms',
          description: 'Per arm, mean over seeds [95% interval]: TRUE all-pass on each held-out set, seconds per GRPO step, and GRPO steps to reach the target.',
          rows: armTable(r, ARMS.map((a) => a.name), {
            'mixed all-pass': after(KEY),
            'hard all-pass': after('hard/allPass'),
            'soft all-pass': after('soft/allPass'),
            'seconds per step': meanStepSeconds,
            'steps to target': (run) => stepsToTarget(run, KEY, target(r, run.seed)).steps,
          }),
        },
        {
          name: 'pilot',
          description: "The HPPT arm's pilot and refinement (from each run's hppt-report.json): the pilot's cost, and the prompts and soft constraints before and after.",
          rows: r.runs.filter((x) => x.arm === 'hppt').map((x) => ({ seed: x.seed, ...((x.final.hppt ?? {}) as Record<string, number>) })),
        },
      ],
    };
  },
});
