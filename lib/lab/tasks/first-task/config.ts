import { z } from 'zod';
import { parseConfigOver } from '../../../data/parse-config';
import { GRPO_DEFAULTS, parseGrpoConfig, type GrpoConfig } from '../../../rl/config';
import { TEACHER_DEFAULTS } from './teacher';

/*
 * Configuration of the first learning task: the policy's shape, the supervised warm start on teacher responses,
 * the held-out split and the GRPO run. Embedded defaults follow docs/lab-world-findings.md (a ~100k-parameter policy,
 * SFT at lr 3e-3 × batch 64, GRPO 8 prompts × 8 samples at lr 3e-4, KL 0, clip 0.2, token-level loss).
 */

const posInt = z.number().int().positive();
const prob = z.number().min(0).max(1);

/** The reward once called 'mean' is 'fraction' everywhere now; old configs still load, with a deprecation warning. */
function renameMeanReward(value: unknown): unknown {
  if (value !== 'mean') return value;
  process.emitWarning(`lab config: reward "mean" is deprecated; it is read as "fraction" (the same reward): write "reward": "fraction"`, {
    type: 'DeprecationWarning',
    code: 'IFKIT_LAB_REWARD_MEAN',
  });
  return 'fraction';
}

const labShape = z
  .object({
    seed: z.number().int(),
    model: z.object({ dModel: posInt, nLayers: posInt, nHeads: posInt, contextLength: posInt, mlpRatio: z.number().positive() }).strict(),
    teacher: z.object({ exactLength: prob, keywordFirst: prob, capitalise: prob }).strict(),
    sft: z.object({ examples: posInt, steps: posInt, batchSize: posInt, learningRate: z.number().positive() }).strict(),
    heldOut: posInt,
    /** Fixed sampling seed of every held-out evaluation. */
    evalSeed: z.number().int(),
    checks: z.enum(['local', 'registry']),
    /** 'all': 1 if every constraint passes (the precise reward); 'fraction': the share that pass (aggregate.ts). */
    reward: z.preprocess(renameMeanReward, z.enum(['all', 'fraction'])),
  })
  .strict();

export type LabConfig = z.infer<typeof labShape> & { grpo: GrpoConfig };

export const LAB_DEFAULTS: LabConfig = {
  seed: 1,
  model: { dModel: 64, nLayers: 2, nHeads: 4, contextLength: 32, mlpRatio: 4 },
  teacher: { ...TEACHER_DEFAULTS },
  sft: { examples: 16000, steps: 800, batchSize: 64, learningRate: 3e-3 },
  heldOut: 128,
  evalSeed: 2026,
  checks: 'local',
  reward: 'all',
  grpo: { ...GRPO_DEFAULTS, steps: 200, maxNewTokens: 16, checkpointEvery: 50, evalEvery: 20 },
};

/** A lab config from a JSON file's contents (partial objects are merged over `base`). */
export function parseLabConfig(raw: unknown, base: LabConfig = LAB_DEFAULTS): LabConfig {
  const { grpo: baseGrpo, ...baseRest } = base;
  // The GRPO section has its own parser; a non-object `raw` goes through whole so the shared guard reports it.
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const { grpo, ...rest } = isObject ? (raw as Record<string, unknown>) : { grpo: undefined };
  const lab = parseConfigOver('lab config', labShape, baseRest, isObject ? rest : raw, ['model', 'teacher', 'sft'], 'see LAB_DEFAULTS');
  return { ...lab, grpo: parseGrpoConfig(grpo ?? {}, baseGrpo) };
}
