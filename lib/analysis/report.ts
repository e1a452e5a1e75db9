import { attentionHeadsFigure, spanBarsFigure, tokenAttentionFigure } from '../plots/attention';
import type { Figure } from '../plots/figure';
import type { BootstrapOptions, Interval } from '../stats/bootstrap';
import { compareMetric, metricLabel, metricValue, summariseMetric, type IntervalGrid, type MetricKey, type MetricName } from './aggregate';
import { SPAN_ROLES } from './maps';
import type { PromptMetrics } from './prompt-metrics';
import type { TokenView } from './token-view';

/*
 * Every metric of a set of prompts, summarised with CIs (overall, per layer, and per layer × head for the heatmap
 * metrics), optionally as after − before, and the figures drawn from those summaries. `ifkit analysis attention`
 * prints and writes these; the lab's experiments can call the same functions.
 */

const SPAN_METRICS: readonly MetricName[] = ['mass', 'lift', 'entropy', 'gini'];

/** One metric summarised over prompts. */
export interface MetricSummary {
  readonly key: MetricKey;
  readonly label: string;
  /** Prompts on which the metric is defined. */
  readonly prompts: number;
  /** Mean over all layers and heads. */
  readonly model: Interval;
  /** Mean over the heads of each layer. */
  readonly layers: readonly Interval[];
  /** Per layer and head, for the metrics drawn as heatmaps (isHeatmapKey). */
  readonly heads?: IntervalGrid;
}

/**
 * The metrics defined on a set of prompts: row entropy and gini, then mass, lift, entropy and gini on each span target
 * (roles first, in SPAN_ROLES order, then single constraints by id).
 */
export function metricKeys(prompts: readonly PromptMetrics[]): MetricKey[] {
  const targets = new Set(prompts.flatMap((p) => Object.keys(p.spans)));
  const roles = SPAN_ROLES.filter((r) => targets.has(r));
  const ids = [...targets].filter((t) => !(SPAN_ROLES as readonly string[]).includes(t)).sort();
  return [
    { metric: 'entropy' },
    { metric: 'gini' },
    ...[...roles, ...ids].flatMap((span) => SPAN_METRICS.map((metric) => ({ metric, span }))),
  ];
}

/** Heatmaps are drawn for row entropy and gini, and for mass and lift on each prompt role (system, query, constraint). */
export function isHeatmapKey(key: MetricKey): boolean {
  if (key.span === undefined) return true;
  return (key.metric === 'mass' || key.metric === 'lift') && ['system', 'query', 'constraint'].includes(key.span);
}

const column = (grid: IntervalGrid): Interval[] => grid.map((row) => row[0]!);

function definedOn(prompts: readonly PromptMetrics[], key: MetricKey): number {
  return prompts.filter((p) => !Number.isNaN(metricValue(p, key))).length;
}

/**
 * Summaries of every metric (metricKeys) with bootstrap CIs over prompts.
 * @example summariseAttention(measureMapsDir('maps', ATTENTION_METRIC_DEFAULTS), { seed: 0, resamples: 1000 })
 */
export function summariseAttention(prompts: readonly PromptMetrics[], opts: BootstrapOptions): MetricSummary[] {
  return metricKeys(prompts).map((key) => ({
    key,
    label: metricLabel(key),
    prompts: definedOn(prompts, key),
    model: summariseMetric(prompts, key, 'model', opts)[0]![0]!,
    layers: column(summariseMetric(prompts, key, 'layer', opts)),
    ...(isHeatmapKey(key) ? { heads: summariseMetric(prompts, key, 'head', opts) } : {}),
  }));
}

/**
 * after − before of every metric both sets define, paired by prompt id, with paired bootstrap CIs.
 * @example compareAttention(base, trained, { seed: 0 }).find((s) => s.label === 'mass on query')?.model
 */
export function compareAttention(before: readonly PromptMetrics[], after: readonly PromptMetrics[], opts: BootstrapOptions): MetricSummary[] {
  const inBefore = new Set(metricKeys(before).map(metricLabel));
  return metricKeys(after)
    .filter((key) => inBefore.has(metricLabel(key)))
    .map((key) => ({
      key,
      label: `Δ ${metricLabel(key)}`,
      prompts: Math.min(definedOn(before, key), definedOn(after, key)),
      model: compareMetric(before, after, key, 'model', opts)[0]![0]!,
      layers: column(compareMetric(before, after, key, 'layer', opts)),
      ...(isHeatmapKey(key) ? { heads: compareMetric(before, after, key, 'head', opts) } : {}),
    }));
}

/** A figure with the file stem it is written under. */
export interface NamedFigure {
  readonly name: string;
  readonly figure: Figure;
}

const slug = (s: string): string => s.replace(/^Δ /, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The figures of one or two summaries: a layer × head heatmap per heatmap metric, per-span bars of mass, lift and
 * within-span entropy (one series per summary), and, if given, the token heatmap of one prompt.
 * `kind: 'difference'` draws after − before (diverging colours, dots where the CI excludes 0).
 * @example attentionFigures([{ name: 'trained', summary }], { kind: 'level', title: 'Qwen2.5-0.5B' })
 */
export function attentionFigures(
  series: readonly { name: string; summary: readonly MetricSummary[] }[],
  opts: { kind: 'level' | 'difference'; title: string; tokens?: TokenView },
): NamedFigure[] {
  const prefix = opts.kind === 'difference' ? 'diff-' : '';
  const first = series[0]?.summary ?? [];
  const heatmaps = first
    .filter((s) => s.heads !== undefined)
    .map((s) => ({
      name: `${prefix}heads-${slug(s.label)}`,
      figure: attentionHeadsFigure(s.heads!, { title: `${opts.title}: ${s.label} per layer and head`, metric: metricLabel(s.key), kind: opts.kind }),
    }));
  const bars = (['mass', 'lift', 'entropy'] as const).map((metric) => ({
    name: `${prefix}spans-${metric}`,
    figure: spanBarsFigure(
      series.map(({ name, summary }) => ({
        name,
        bars: summary.filter((s) => s.key.metric === metric && s.key.span !== undefined).map((s) => ({ span: s.key.span!, value: s.model })),
      })),
      { title: `${opts.title}: ${opts.kind === 'difference' ? 'change in ' : ''}${metric} per span`, yTitle: `${opts.kind === 'difference' ? 'Δ ' : ''}${metric}` },
    ),
  }));
  const tokens = opts.tokens
    ? [
        {
          name: `tokens-${slug(opts.tokens.id)}`,
          figure: tokenAttentionFigure(opts.tokens, `${opts.title}: ${opts.tokens.id}, layer ${opts.tokens.layer}, ${opts.tokens.head === 'mean' ? 'mean over heads' : `head ${opts.tokens.head}`}`),
        },
      ]
    : [];
  return [...heatmaps, ...bars, ...tokens];
}
