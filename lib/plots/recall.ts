import type { Figure } from './figure';
import { pointSeriesFigure, type LabelledPoint } from './curve-points';

/*
 * Final TRUE pass against how precise the reward was. The noisy judges sit at their recall on violations; the
 * one-sided false accepts (the oracle, with the whole reward set to 1 with probability p) sit at 1 − p, the share
 * of violating responses they still refuse to pay. The two are not the same mechanism (a noisy judge misses
 * violations constraint by constraint, a false accept pays whole responses at random), which is why they are two
 * series.
 */

/**
 * TRUE pass vs recall on violations, the false-accept arms as a second series at x = 1 − p.
 * @example truePassVsRecallFigure(recallPoints, acceptPoints, { title, yTitle: 'TRUE all-pass (mixed set)', markers: [{ label: 'Qwen3-32B', x: 0.306 }] })
 */
export function truePassVsRecallFigure(
  recall: readonly LabelledPoint[],
  falseAccept: readonly LabelledPoint[],
  opts: { title: string; yTitle: string; markers?: readonly { label: string; x: number }[] },
): Figure {
  return pointSeriesFigure(
    [
      { name: 'noisy judge (x = its recall on violations)', points: recall },
      { name: 'oracle + one-sided false accept p (x = 1 − p)', points: falseAccept },
    ],
    { title: opts.title, xTitle: 'recall on violations', yTitle: opts.yTitle, xRange: [0.1, 1.05], yRange: [0, 1], markers: opts.markers ?? [] },
  );
}
