import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { writeFileAtomic } from '../../../data/atomic';
import { join, resolve } from 'node:path';
import { writeMapsDir } from '../../../analysis/maps-dir';
import { policyAttentionRecord } from '../../../analysis/policy-maps';
import { metricValue } from '../../../analysis/aggregate';
import { promptMetrics, type PromptMetrics } from '../../../analysis/prompt-metrics';
import { tokenView, type TokenView } from '../../../analysis/token-view';
import { loadPolicy, type Policy } from '../../../model/policy';
import { latestCheckpoint } from '../../../rl/checkpoint';
import { createRng } from '../../../stats/rng';
import { warmStart } from '../../warm-start';
import type { JobOptions } from '../task';
import { evalSets } from '../world/data';
import { constraintsOf, promptOf } from '../world/instance';
import { worldWarmStart } from '../world/run';
import { worldSpans } from '../world/spans';
import { trueVerdicts } from '../world/truth';
import { worldTokenizer } from '../world/vocabulary';
import { seededSource, sourceRun, type AttentionConfig } from './config';

/*
 * One attention job: load the source policy (a finished world run's last checkpoint, or the warm start it began
 * from), answer the held-out prompts at T = 1 with a fixed seed, and measure where each response looks
 * (lib/analysis: mass, lift, entropy and Gini on the query, on all constraints and on each constraint, per layer
 * and head, sinks dropped). Beside each constraint's own attention mass, whether the response satisfied it (TRUE
 * verdict): does looking at a constraint predict following it? Writes final.json, and the maps in the attention-maps
 * file format under maps/ (the format `ifkit analysis attention` and the Python exporter share).
 */

/** One constraint of one prompt: the attention its span received and whether the response satisfied it. */
export interface ConstraintLook {
  readonly prompt: string;
  readonly type: string;
  readonly mass: number;
  readonly passed: boolean;
}

export interface AttentionSummary {
  readonly source: string;
  readonly prompts: readonly PromptMetrics[];
  readonly looks: readonly ConstraintLook[];
  /** The first prompt at token level (last layer, mean over heads), for a heatmap. */
  readonly example?: TokenView;
}

/** The runs root of a job directory <root>/<experiment>/<arm>/seed-<s>. */
const rootOf = (outDir: string): string => resolve(outDir, '..', '..', '..');

async function sourcePolicy(config: AttentionConfig, outDir: string, opts: JobOptions): Promise<{ policy: Policy; name: string }> {
  const world = seededSource(config);
  const source = sourceRun(config);
  if (source === undefined) {
    const tok = worldTokenizer();
    const ws = await warmStart(worldWarmStart(world, tok), tok, { ...(opts.sftCacheDir ? { cacheDir: opts.sftCacheDir } : {}), ...(opts.hooks?.onWait ? { onWait: opts.hooks.onWait } : {}) });
    return { policy: ws.policy, name: `warm start${ws.dir ? ` (${ws.dir})` : ''}` };
  }
  const run = join(rootOf(outDir), source);
  if (!existsSync(join(run, 'final.json'))) {
    throw new Error(`attention: the source run ${run} has not finished (no final.json); run it first: \`ifkit lab run ${config.source.experiment} --arm ${config.source.arm}\` (same size and --out)`);
  }
  const last = await latestCheckpoint(run);
  if (last === undefined) throw new Error(`attention: ${run} has no checkpoint to read the trained policy from`);
  return { policy: await loadPolicy(join(last, 'policy')), name: `${source} (${last})` };
}

/** Run one attention job into `outDir`. */
export async function runAttention(config: AttentionConfig, outDir: string, opts: JobOptions): Promise<AttentionSummary> {
  const set = evalSets(seededSource(config))[config.set];
  if (set === undefined) throw new Error(`attention: the source has no evaluation set ${JSON.stringify(config.set)}; its sets are ${Object.keys(config.source.world.data.eval).join(', ')}`);
  const instances = set.slice(0, config.prompts);
  const { policy, name } = await sourcePolicy(config, outDir, opts);
  try {
    const tok = policy.tokenizer;
    const promptIds = instances.map((inst) => [tok.bos, ...tok.encode(promptOf(inst))]);
    const responses = await policy.generate(promptIds, { maxNewTokens: config.source.world.grpo.maxNewTokens, temperature: 1, stopTokens: [tok.eos], rng: createRng(config.evalSeed) });
    const records = [];
    const prompts: PromptMetrics[] = [];
    const looks: ConstraintLook[] = [];
    let example: TokenView | undefined;
    for (const [k, inst] of instances.entries()) {
      const id = promptOf(inst);
      const record = await policyAttentionRecord(policy, { id, promptIds: promptIds[k]!, responseIds: responses[k]!, spans: worldSpans(inst) }, { meta: { source: name } });
      const m = promptMetrics(record, { sink: config.sink });
      example ??= tokenView(record, { layer: record.maps.layers - 1, head: 'mean', sink: config.sink });
      prompts.push(m);
      if (config.writeMaps) records.push(record);
      const constraints = constraintsOf(inst);
      const passed = trueVerdicts(tok.decode(responses[k]!), constraints);
      constraints.forEach((c, i) => looks.push({ prompt: id, type: c.type, mass: metricValue(m, { metric: 'mass', span: `constraint:${c.type}` }), passed: passed[i]! }));
    }
    await mkdir(outDir, { recursive: true });
    if (config.writeMaps) writeMapsDir(join(outDir, 'maps'), records, 'float16');
    const summary: AttentionSummary = { source: name, prompts, looks, ...(example ? { example } : {}) };
    await writeFileAtomic(join(outDir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
    await writeFileAtomic(join(outDir, 'final.json'), JSON.stringify(summary) + '\n');
    return summary;
  } finally {
    policy.dispose();
  }
}
