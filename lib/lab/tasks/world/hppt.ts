import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../data/atomic';
import { readJsonlSync, toJsonl } from '../../../data/jsonl';
import type { Judge } from '../../../judge/types';
import { learnabilityFilter } from '../../../hppt/filter';
import type { PilotResult } from '../../../hppt/pilot-results';
import { buildReport, type HpptReport } from '../../../hppt/report';
import { simplifySoft } from '../../../hppt/simplify';
import type { HpptItem } from '../../../hppt/types';
import type { Policy } from '../../../model/policy';
import type { Tokenizer } from '../../../model/tokenizer';
import { trainGrpo, type GrpoMetrics } from '../../../rl/grpo';
import { keepRowsUpTo } from '../../../rl/resume';
import type { BatchRewardFn } from '../../../rl/rollout';
import { latestCheckpoint, readTrainerState } from '../../../rl/checkpoint';
import { createRng, shuffled } from '../../../stats/rng';
import type { WorldConfig } from './config';
import type { WorldData } from './data';
import { isSatisfiable } from './dataset';
import { constraintsOf, promptOf, type WorldInstance } from './instance';
import { worldGrpoTask, worldPrompt } from './grpo-task';

/*
 * HPPT in the lab (2601.04954): a short pilot GRPO run on the raw training pool records the reward of every rollout
 * of every prompt; then lib/hppt's stages — the same ones `ifkit hppt` runs on real data — drop every prompt whose
 * reward was never above 0 (never-rewarded) and keep at most one soft constraint per prompt (seeded). The pilot reads
 * the pool in epochs, each in its own seeded order, as the trainers the paper used read a dataset (a shuffled data
 * loader), so `pilotEpochs` passes show every prompt exactly that many times (the main runs draw with replacement).
 * The main run then trains on the refined pool from the same warm start. The pilot lives in <out>/pilot/ (its own
 * checkpoints: a killed pilot resumes), and its cost is reported apart, as the paper reports it.
 */

export interface PilotCost {
  readonly steps: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
}

export interface LabHppt {
  readonly refined: WorldInstance[];
  readonly report: HpptReport;
  readonly pilot: PilotCost;
}

/** A world prompt as lib/hppt's item: its key is the prompt text. */
export function hpptItem(inst: WorldInstance): HpptItem {
  return {
    key: promptOf(inst),
    messages: [{ role: 'user', content: promptOf(inst) }],
    constraints: constraintsOf(inst).map((c) => ({ kind: c.kind, type: c.type, check: { by: 'registry', id: c.id, kwargs: c.kwargs } })),
    origin: { file: 'lab', line: 0, format: 'ifkit' },
  };
}

/** The instance an HPPT item became: only the clauses whose constraints it kept (the prompt is rewritten without the others). */
function refinedInstance(item: HpptItem, byKey: ReadonlyMap<string, WorldInstance>): WorldInstance {
  const inst = byKey.get(item.key)!;
  const kept = new Set(item.constraints.map((c) => c.type));
  return { ...inst, clauses: inst.clauses.filter((c) => kept.has(c.type)) };
}

/** Per-prompt rollout rewards from the pilot's log (one line per prompt per step). */
function pilotResults(file: string): Map<string, PilotResult> {
  const out = new Map<string, { key: string; rewards: number[] }>();
  if (!existsSync(file)) return out;
  for (const { value } of readJsonlSync(file)) {
    const { key, rewards } = value as { key: string; rewards: number[] };
    const r = out.get(key) ?? { key, rewards: [] };
    r.rewards.push(...rewards);
    out.set(key, r);
  }
  return out;
}

/** The pilot's number of GRPO steps: `pilotEpochs` passes over the pool. */
export function pilotSteps(config: WorldConfig, poolSize: number): number {
  return Math.max(1, Math.ceil((config.hppt.pilotEpochs * poolSize) / config.grpo.promptsPerStep));
}

/**
 * The pool index of the pilot's `d`-th prompt draw: epoch e = ⌊d / poolSize⌋ is a seeded permutation of the pool, the
 * permutations drawn one after another from one generator, so a resumed pilot (knowing only d) continues the order.
 * @example const at = pilotOrder(400, 7); at(0), at(399) // two different prompts of epoch 0
 */
export function pilotOrder(poolSize: number, seed: number): (d: number) => number {
  const rng = createRng(seed);
  const epochs: number[][] = [];
  const all = Array.from({ length: poolSize }, (_, i) => i);
  return (d) => {
    const e = Math.floor(d / poolSize);
    while (epochs.length <= e) epochs.push(shuffled(all, rng));
    return epochs[e]![d % poolSize]!;
  };
}

/** GRPO steps of the newest checkpoint in `dir` (0 when there is none). */
async function checkpointStep(dir: string): Promise<number> {
  const latest = await latestCheckpoint(dir);
  return latest === undefined ? 0 : (await readTrainerState(latest)).step;
}

/**
 * Run (or resume) the pilot on `data.train` with `policy` (a copy of the warm start; the caller disposes it), then
 * filter and simplify the pool. Writes <out>/pilot/ and <out>/hppt-report.json.
 */
export async function refineWithPilot(config: WorldConfig, data: WorldData, judge: Judge, tok: Tokenizer, policy: Policy, outDir: string): Promise<LabHppt> {
  const dir = join(outDir, 'pilot');
  await mkdir(dir, { recursive: true });
  const log = join(dir, 'rollouts.jsonl');
  // a resumed pilot continues from its checkpoint: rollouts logged after it are dropped, as trainGrpo drops metrics
  let step = await checkpointStep(dir);
  await keepRowsUpTo(log, step);
  const task = worldGrpoTask(config, data, judge, tok);
  const score = (task.reward as BatchRewardFn<WorldInstance>).batch;
  const at = pilotOrder(data.train.length, config.seed);
  let drawn = step * config.grpo.promptsPerStep;
  await trainGrpo({
    policy,
    config: { ...config.grpo, steps: pilotSteps(config, data.train.length), evalEvery: 0 },
    task: {
      ...task,
      samplePrompts: (_rng, n) => Array.from({ length: n }, () => worldPrompt(data.train[at(drawn++)]!, tok)),
      reward: {
        batch: async (items) => {
          const rewards = await score(items);
          const byKey = new Map<string, number[]>();
          items.forEach((it, k) => byKey.set(it.prompt, [...(byKey.get(it.prompt) ?? []), rewards[k]!]));
          step++;
          await writeFile(log, toJsonl([...byKey].map(([key, rs]) => ({ step, key, rewards: rs }))), { flag: 'a' });
          return rewards;
        },
      },
    },
    outDir: dir,
  });
  const results = pilotResults(log);
  const items = data.train.map(hpptItem);
  const filter = learnabilityFilter(items, results);
  const simplify = simplifySoft(filter.kept, { seed: config.seed });
  const byKey = new Map(data.train.map((i) => [promptOf(i), i]));
  const report = buildReport({
    read: { file: 'lab training pool', format: 'ifkit', rows: items.length, items, bad: [], untaggedCheckers: 0 },
    pilot: { results, bad: [] },
    filter,
    simplify,
    seed: config.seed,
  });
  const rows = readJsonlSync(join(dir, 'metrics.jsonl')).map(({ value }) => value as GrpoMetrics);
  const pilot = { steps: rows.length, seconds: rows.reduce((s, r) => s + r.stepSeconds, 0), cpuSeconds: rows.reduce((s, r) => s + r.stepCpuSeconds, 0) };
  await writeFileAtomic(join(outDir, 'hppt-report.json'), JSON.stringify({ pilot, report }, null, 2) + '\n');
  return { refined: simplify.items.map((it) => refinedInstance(it, byKey)), report, pilot };
}

/** What a training pool holds before refinement: how many prompts, how many no policy can satisfy, how many carry several soft constraints. */
export function poolSummary(pool: readonly WorldInstance[]): { prompts: number; unsatisfiable: number; severalSoft: number; softConstraints: number; hardConstraints: number } {
  const kinds = pool.map((inst) => constraintsOf(inst).map((c) => c.kind));
  return {
    prompts: pool.length,
    unsatisfiable: pool.filter((inst) => !isSatisfiable(inst)).length,
    severalSoft: kinds.filter((k) => k.filter((x) => x === 'soft').length > 1).length,
    softConstraints: kinds.flat().filter((x) => x === 'soft').length,
    hardConstraints: kinds.flat().filter((x) => x === 'hard').length,
  };
}
