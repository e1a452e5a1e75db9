import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { metricGrid, metricLabel, poolGrid } from '../../analysis/aggregate';
import { listAttentionFiles, measureMapsDir } from '../../analysis/maps-dir';
import { readAttentionFile } from '../../analysis/maps-file';
import type { SinkMode } from '../../analysis/row-metrics';
import type { PromptMetrics } from '../../analysis/prompt-metrics';
import { attentionFigures, compareAttention, metricKeys, summariseAttention, type MetricSummary, type NamedFigure } from '../../analysis/report';
import { tokenView } from '../../analysis/token-view';
import { toJsonl } from '../../data/jsonl';
import { closeRenderer, renderFigure } from '../../plots/render';
import type { Interval } from '../../stats/bootstrap';

/*
 * `ifkit analysis attention --maps <dir>`: the metrics of docs/attention-metrics.md over a directory of attention
 * files (docs/attention-maps-format.md), with bootstrap CIs over prompts; with --baseline, after − before paired by
 * prompt id. --out writes config.json, prompts.jsonl, summary.json and figures/ (plotly JSON, SVG, PNG).
 */

interface AttentionCliOptions {
  maps: string;
  baseline?: string;
  out?: string;
  sink: string;
  seed: string;
  resamples: string;
  level: string;
  example?: string;
  layer?: string;
  render: boolean;
  quiet?: boolean;
}

const fmt = (c: Interval): string => (Number.isNaN(c.estimate) ? '–' : `${c.estimate.toFixed(3)} [${c.lo.toFixed(3)}, ${c.hi.toFixed(3)}]`);

function measure(dir: string, sink: SinkMode, quiet: boolean): PromptMetrics[] {
  const bar = new SingleBar({ format: `maps  {bar} {value}/{total} ${dir}` }, Presets.shades_classic);
  if (!quiet) bar.start(listAttentionFiles(dir).length, 0);
  try {
    return measureMapsDir(dir, { sink }, (done) => {
      if (!quiet) bar.update(done);
    });
  } finally {
    if (!quiet) bar.stop();
  }
}

/** Per prompt: each metric pooled over the model and per layer (prompts.jsonl). */
function promptRows(prompts: readonly PromptMetrics[]): unknown[] {
  const keys = metricKeys(prompts);
  return prompts.map((p) => ({
    id: p.id,
    rows: p.rows,
    metrics: Object.fromEntries(
      keys.map((key) => {
        const grid = metricGrid(p, key);
        return [metricLabel(key), { model: poolGrid(grid, 'model')[0]![0], layers: poolGrid(grid, 'layer').map((r) => r[0]) }];
      }),
    ),
  }));
}

function printTable(summary: readonly MetricSummary[], baseline?: readonly MetricSummary[], diff?: readonly MetricSummary[]): void {
  const width = Math.max(...summary.map((s) => s.label.length));
  const header = baseline ? `${'metric'.padEnd(width)}  ${'baseline'.padEnd(24)}  ${'maps'.padEnd(24)}  after − before` : `${'metric'.padEnd(width)}  prompts  mean over layers and heads [95% CI]`;
  console.log(header);
  for (const s of summary) {
    if (!baseline) {
      console.log(`${s.label.padEnd(width)}  ${String(s.prompts).padStart(7)}  ${fmt(s.model)}`);
      continue;
    }
    const b = baseline.find((x) => x.label === s.label);
    const d = diff?.find((x) => x.label === `Δ ${s.label}`);
    console.log(`${s.label.padEnd(width)}  ${(b ? fmt(b.model) : '–').padEnd(24)}  ${fmt(s.model).padEnd(24)}  ${d ? fmt(d.model) : '–'}`);
  }
}

async function writeFigures(dir: string, figures: readonly NamedFigure[], render: boolean): Promise<void> {
  mkdirSync(dir, { recursive: true });
  try {
    for (const { name, figure } of figures) {
      writeFileSync(join(dir, `${name}.plotly.json`), JSON.stringify(figure) + '\n');
      if (!render) continue;
      writeFileSync(join(dir, `${name}.svg`), (await renderFigure(figure, { format: 'svg' })) as string);
      writeFileSync(join(dir, `${name}.png`), (await renderFigure(figure, { format: 'png' })) as Buffer);
    }
  } finally {
    if (render) await closeRenderer();
  }
}

function exampleView(mapsDir: string, opts: AttentionCliOptions, sink: SinkMode) {
  const files = listAttentionFiles(mapsDir);
  const records = opts.example === undefined ? [readAttentionFile(files[0]!)] : files.map(readAttentionFile).filter((r) => r.id === opts.example);
  const record = records[0];
  if (record === undefined) throw new Error(`--example ${opts.example}: no prompt with that id in ${mapsDir}`);
  const layer = opts.layer === undefined ? record.maps.layers - 1 : Number(opts.layer);
  return tokenView(record, { layer, head: 'mean', sink });
}

function parseOptions(opts: AttentionCliOptions) {
  if (opts.sink !== 'keep' && opts.sink !== 'drop') throw new Error(`--sink ${opts.sink}: use keep or drop`);
  const boot = { seed: Number(opts.seed), resamples: Number(opts.resamples), level: Number(opts.level) };
  if (!Number.isInteger(boot.seed) || !Number.isInteger(boot.resamples) || boot.resamples < 1 || !(boot.level > 0 && boot.level < 1)) {
    throw new Error(`--seed ${opts.seed} --resamples ${opts.resamples} --level ${opts.level}: need integers and a level in (0, 1)`);
  }
  return { sink: opts.sink as SinkMode, boot };
}

async function attentionAction(opts: AttentionCliOptions): Promise<void> {
  const { sink, boot } = parseOptions(opts);
  const quiet = opts.quiet === true || !process.stderr.isTTY;
  const prompts = measure(opts.maps, sink, quiet);
  const summary = summariseAttention(prompts, boot);
  const before = opts.baseline === undefined ? undefined : measure(opts.baseline, sink, quiet);
  const baseline = before && summariseAttention(before, boot);
  const diff = before && compareAttention(before, prompts, boot);
  console.log(`${prompts.length} prompts in ${opts.maps}${before ? `, ${before.length} in ${opts.baseline}` : ''}; sink ${sink}; ${boot.resamples} bootstrap resamples, seed ${boot.seed}`);
  printTable(summary, baseline, diff);
  if (opts.out === undefined) {
    console.log('(add --out <dir> to write per-prompt metrics, the summary and the figures)');
    return;
  }
  mkdirSync(opts.out, { recursive: true });
  const config = { maps: opts.maps, baseline: opts.baseline ?? null, sink, rows: 'response', ...boot, example: opts.example ?? null, layer: opts.layer ?? null };
  writeFileSync(join(opts.out, 'config.json'), JSON.stringify(config, null, 2) + '\n');
  writeFileSync(join(opts.out, 'prompts.jsonl'), toJsonl(promptRows(prompts)));
  writeFileSync(join(opts.out, 'summary.json'), JSON.stringify({ maps: summary, baseline: baseline ?? null, difference: diff ?? null }) + '\n');
  const name = basename(resolve(opts.maps));
  const baseName = opts.baseline === undefined ? '' : basename(resolve(opts.baseline));
  const title = opts.baseline ? `${name} vs ${baseName}` : name;
  const series = [...(baseline ? [{ name: baseName === name ? `baseline ${baseName}` : baseName, summary: baseline }] : []), { name, summary }];
  const figures = [
    ...attentionFigures(series, { kind: 'level', title, tokens: exampleView(opts.maps, opts, sink) }),
    ...(diff ? attentionFigures([{ name: 'after − before', summary: diff }], { kind: 'difference', title }) : []),
  ];
  await writeFigures(join(opts.out, 'figures'), figures, opts.render);
  console.log(`wrote ${join(opts.out, 'config.json')}, prompts.jsonl, summary.json and ${figures.length} figures in figures/`);
}

/** `ifkit analysis attention`. */
export function registerAnalysisCommand(program: Command): void {
  const analysis = program.command('analysis').description('analyses of trained policies and real models (attention maps)');
  analysis
    .command('attention')
    .description('attention mass, lift, entropy and Gini per span, layer and head, with bootstrap CIs over prompts (docs/attention-metrics.md)')
    .requiredOption('--maps <dir>', 'one .safetensors file per prompt (docs/attention-maps-format.md; examples/attention_export.py writes them)')
    .option('--baseline <dir>', 'maps of the same prompts from another model (e.g. before training): adds after − before, paired by prompt id')
    .option('--out <dir>', 'write config.json, prompts.jsonl, summary.json and figures/ here')
    .option('--sink <mode>', 'drop: leave out key 0 (the attention sink) and renormalise; keep: raw rows', 'drop')
    .option('--seed <int>', 'bootstrap seed', '0')
    .option('--resamples <n>', 'bootstrap resamples', '1000')
    .option('--level <p>', 'confidence level', '0.95')
    .option('--example <id>', 'prompt for the token heatmap (default: the first file)')
    .option('--layer <l>', 'layer of the token heatmap (default: the last)')
    .option('--no-render', 'write figures as plotly JSON only (no SVG/PNG, no chromium)')
    .option('--quiet', 'no progress bars')
    .action(attentionAction);
}
