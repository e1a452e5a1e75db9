import { paperJudgePresets } from '../../judge/paper-judges';
import { hackingCurvesFigure } from '../../plots/hacking';
import { truePassVsRecallFigure } from '../../plots/recall';
import type { ExperimentResults, NamedFigure } from '../experiments/define';
import { after } from '../experiments/values';
import { passBySetFigure } from './arm-sets';
import { hackingPanels } from './hacking';
import { armInterval, armsOf, titleWithSeeds } from './seed-values';

/** The settings of judge-precision's arms. */
export interface JudgePrecisionArms {
  readonly recalls: readonly number[];
  readonly falseAccepts: readonly number[];
}

/**
 * judge-precision's figures: hacking curves per arm, TRUE pass per arm and set, and final TRUE pass (mixed set)
 * against the judge's recall on violations, with the false-accept arms at 1 − p and the paper's measured recalls marked.
 * @example judgePrecisionFigures(results, { recalls: RECALLS, falseAccepts: FALSE_ACCEPTS })
 */
export function judgePrecisionFigures(r: ExperimentResults, arms: JudgePrecisionArms): NamedFigure[] {
  const present = new Set(armsOf(r));
  const pass = after('mixed/allPass');
  const points = (xs: readonly number[], arm: (x: number) => string, at: (x: number) => number) =>
    xs.filter((x) => present.has(arm(x))).map((x) => ({ x: at(x), label: arm(x), value: armInterval(r, arm(x), pass) }));
  const ordered = [...arms.recalls.map((x) => `recall-${x}`), ...arms.falseAccepts.map((p) => `false-accept-${p}`)].filter((a) => present.has(a));
  return [
    {
      name: 'hacking-curves',
      description: 'training reward vs TRUE all-pass of the same rollouts along GRPO, per recall and false-accept arm',
      figure: hackingCurvesFigure(hackingPanels(r, ordered, 'mixed'), { title: titleWithSeeds('judge-precision: what the judge paid vs what was earned', r), heldOutLabel: 'held-out TRUE all-pass (mixed set)' }),
    },
    { name: 'pass-by-set', description: 'TRUE all-pass after GRPO per arm on the hard, soft and mixed held-out sets', figure: passBySetFigure(r, ordered, 'judge-precision') },
    {
      name: 'pass-vs-recall',
      description: "final TRUE all-pass on the mixed set against the judge's recall on violations (false accepts at 1 − p)",
      figure: truePassVsRecallFigure(
        points(arms.recalls, (x) => `recall-${x}`, (x) => x),
        points(arms.falseAccepts, (p) => `false-accept-${p}`, (p) => 1 - p),
        {
          title: titleWithSeeds('judge-precision: TRUE all-pass after GRPO vs reward precision', r),
          yTitle: 'TRUE all-pass, mixed held-out set',
          markers: paperJudgePresets().map((p) => ({ label: p.short, x: p.options.recallViolation })),
        },
      ),
    },
  ];
}
