import { compareMetric, type MetricKey } from '../../analysis/aggregate';
import type { PromptMetrics } from '../../analysis/prompt-metrics';
import type { TokenView } from '../../analysis/token-view';
import { attentionHeadsFigure, spanBarsFigure, tokenAttentionFigure } from '../../plots/attention';
import { meanMetric, promptsOf } from '../experiments/attention-values';
import type { ExperimentResults, NamedFigure } from '../experiments/define';
import { armRuns } from '../experiments/values';
import { armInterval, titleWithSeeds } from './seed-values';

/*
 * The attention experiment's figures: per layer × head, a trained policy minus the warm start (paired by prompt
 * and seed, bootstrap over prompts, the cells whose interval excludes 0 marked); per span, where each policy's
 * response looks (means over seeds with 95% intervals); and one prompt at token level.
 */

const all = (r: ExperimentResults, arm: string): PromptMetrics[] => armRuns(r, arm).flatMap((run) => promptsOf(run, true));

function headsDiff(r: ExperimentResults, arm: string, key: MetricKey, label: string): NamedFigure {
  const cells = compareMetric(all(r, 'warm-start'), all(r, arm), key, 'head', { seed: 0, resamples: 400 });
  return {
    name: `heads-${key.metric}-${key.span ?? 'row'}`,
    description: `per layer and head, ${arm} − warm start: ${label}`,
    figure: attentionHeadsFigure(cells, { title: titleWithSeeds(`${arm} − warm start: ${label}`, r), metric: label, kind: 'difference' }),
  };
}

/** Every figure of the attention experiment (`arms` in display order; the first is the warm start). */
export function attentionFigures(r: ExperimentResults, arms: readonly string[], trained: string): NamedFigure[] {
  const example = armRuns(r, trained)[0]?.final.example as TokenView | undefined;
  const spans = ['query', 'constraint', 'response'];
  // the per-head differences need both policies' prompts; a sweep that has not reached them has none
  const paired = all(r, 'warm-start').length > 0 && all(r, trained).length > 0;
  return [
    ...(paired
      ? [
          headsDiff(r, trained, { metric: 'mass', span: 'query' }, 'attention mass on the query'),
          headsDiff(r, trained, { metric: 'entropy', span: 'constraint' }, 'entropy within the constraint span'),
        ]
      : []),
    {
      name: 'spans',
      description: 'attention mass of the response on each span, per policy (mean over seeds, 95% intervals)',
      figure: spanBarsFigure(
        arms.map((arm) => ({ name: arm, bars: spans.map((span) => ({ span, value: armInterval(r, arm, meanMetric({ metric: 'mass', span })) })) })),
        { title: titleWithSeeds('Where the response looks: attention mass per span', r), yTitle: 'attention mass (sink dropped)' },
      ),
    },
    ...(example
      ? [{ name: 'token-view', description: `one held-out prompt and ${trained}'s response at token level (last layer, mean over heads)`, figure: tokenAttentionFigure(example, `${trained}: ${example.id}`) }]
      : []),
  ];
}
