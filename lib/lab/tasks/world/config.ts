import { z } from 'zod';
import { parseConfigOver } from '../../../data/parse-config';
import { GRPO_DEFAULTS, parseGrpoConfig, type GrpoConfig } from '../../../rl/config';
import { REWARD_KINDS } from '../../../rewards/aggregate';
import { datasetSpecSchema } from './dataset';
import { WORLD_TEACHER_DEFAULTS } from './teacher';

/*
 * The configuration of one run in the world of hard and soft constraints. Sizes are not set here: the named
 * configs in lib/lab/configs/ (quick, full) are the ones runs use; WORLD_BASE holds what every size shares.
 */

const posInt = z.number().int().positive();
const prob = z.number().min(0).max(1);

const worldShape = z
  .object({
    task: z.literal('world'),
    seed: z.number().int(),
    model: z.object({ dModel: posInt, nLayers: posInt, nHeads: posInt, contextLength: posInt, mlpRatio: z.number().positive() }).strict(),
    teacher: z.object({ skill: z.record(z.string(), prob), subjectRate: prob, generalShare: prob, commaRate: prob, quoteRate: prob }).strict(),
    sft: z.object({ examples: posInt, steps: posInt, batchSize: posInt, learningRate: z.number().positive() }).strict(),
    data: z
      .object({
        /** The GRPO training prompts: a fixed pool drawn once per seed (a learnability filter works on it). */
        train: datasetSpecSchema,
        trainSize: posInt,
        /** The prompts the warm start's teacher answers. */
        sft: datasetSpecSchema,
        /** Held-out evaluation sets by name (hard, soft, mixed, …), `evalSize` prompts each, disjoint from training. */
        eval: z.record(z.string(), datasetSpecSchema),
        evalSize: posInt,
      })
      .strict(),
    reward: z
      .object({
        aggregate: z.enum(REWARD_KINDS as unknown as ['all', 'fraction', 'weighted']),
        /** Who scores the soft constraints: 'oracle', 'learned', 'sim:noisy:…', 'sim:lenient' or 'openai:<model>@<url>'. */
        judge: z.string().min(1),
        /** The paper's one-sided false accept: the whole reward is set to 1 with this probability. */
        falseAccept: prob,
        /** Labelled responses the 'learned' judge trains on. */
        learnedExamples: posInt,
      })
      .strict(),
    /** Fixed sampling seed of every held-out evaluation. */
    evalSeed: z.number().int(),
    /** Held-out responses the judge audit covers at the end of a run. */
    auditResponses: posInt,
  })
  .strict();

export type WorldConfig = z.infer<typeof worldShape> & { grpo: GrpoConfig };

const ALL_KINDS = { 'hard-only': 1, 'soft-only': 1, mixed: 2 };

/** What every size of a world run shares; named configs override sizes. */
export const WORLD_BASE: WorldConfig = {
  task: 'world',
  seed: 1,
  model: { dModel: 64, nLayers: 2, nHeads: 4, contextLength: 48, mlpRatio: 4 },
  teacher: { ...WORLD_TEACHER_DEFAULTS, skill: { ...WORLD_TEACHER_DEFAULTS.skill } },
  sft: { examples: 40000, steps: 2400, batchSize: 64, learningRate: 3e-3 },
  data: {
    train: { kinds: ALL_KINDS, constraints: { min: 1, max: 4 }, types: 'all', unsatisfiable: 0 },
    trainSize: 2000,
    sft: { kinds: ALL_KINDS, constraints: { min: 1, max: 4 }, types: 'all', unsatisfiable: 0 },
    eval: {
      hard: { kinds: { 'hard-only': 1, 'soft-only': 0, mixed: 0 }, constraints: { min: 1, max: 4 }, types: 'all', unsatisfiable: 0 },
      soft: { kinds: { 'hard-only': 0, 'soft-only': 1, mixed: 0 }, constraints: { min: 1, max: 4 }, types: 'all', unsatisfiable: 0 },
      mixed: { kinds: { 'hard-only': 0, 'soft-only': 0, mixed: 1 }, constraints: { min: 2, max: 4 }, types: 'all', unsatisfiable: 0 },
    },
    evalSize: 128,
  },
  reward: { aggregate: 'all', judge: 'oracle', falseAccept: 0, learnedExamples: 300 },
  evalSeed: 2026,
  auditResponses: 256,
  grpo: { ...GRPO_DEFAULTS, steps: 200, maxNewTokens: 20, lr: { ...GRPO_DEFAULTS.lr, peak: 1e-3 }, checkpointEvery: 50, evalEvery: 25 },
};

/** A world config from partial JSON merged over `base` (sections merge field by field; `data.eval` is replaced whole). */
export function parseWorldConfig(raw: unknown, base: WorldConfig = WORLD_BASE): WorldConfig {
  const { grpo: baseGrpo, ...baseRest } = base;
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const { grpo, ...rest } = isObject ? (raw as Record<string, unknown>) : { grpo: undefined };
  const world = parseConfigOver('world config', worldShape, baseRest, isObject ? rest : raw, ['model', 'teacher', 'sft', 'data', 'reward'], 'see WORLD_BASE');
  return { ...world, grpo: parseGrpoConfig(grpo ?? {}, baseGrpo) };
}
