import { z } from 'zod';
import { parseConfigOver } from '../data/parse-config';
import { ADVANTAGE_PRESETS } from './advantages';

/*
 * The GRPO trainer's configuration: typed defaults plus a diff (`{ ...GRPO_DEFAULTS, groupSize: 4 }`), validated by
 * zod and written as config.json next to the results. Defaults follow docs/lab-world-findings.md (lr 3e-4, KL 0,
 * clip 0.2, token-level normalisation, grad clip 1.0, one inner iteration); the names follow TRL's GRPOConfig
 * where one exists (num_generations → groupSize, num_iterations → innerIterations, epsilon / epsilon_high,
 * beta, loss_type, scale_rewards).
 */

const posInt = z.number().int().positive();
const nonNegInt = z.number().int().nonnegative();
const nonNeg = z.number().nonnegative();

export const advantageConfigSchema = z.object({
  scale: z.enum(['group', 'batch', 'none']),
  std: z.enum(['sample', 'population']),
  eps: nonNeg,
  zeroVariance: z.enum(['zero', 'drop']),
  singleton: z.enum(['zero', 'verl']),
  stdFloor: nonNeg,
}).strict();

export const grpoConfigSchema = z
  .object({
    seed: z.number().int(),
    steps: posInt,
    /** Prompts per step. */
    promptsPerStep: posInt,
    /** G: completions per prompt (TRL num_generations). */
    groupSize: posInt,
    maxNewTokens: posInt,
    temperature: nonNeg,
    topK: nonNegInt,
    topP: z.number().gt(0).max(1),
    /** μ: optimisation passes over each generation batch (TRL num_iterations). */
    innerIterations: posInt,
    /** Gradient accumulation: the generation batch is split into this many micro-batches per pass. */
    microBatches: posInt,
    lr: z.object({
      peak: z.number().positive(),
      warmupSteps: nonNegInt,
      decay: z.enum(['constant', 'linear', 'cosine']),
      minRatio: z.number().min(0).max(1),
    }).strict(),
    adam: z.object({ beta1: z.number().min(0).lt(1), beta2: z.number().min(0).lt(1), eps: z.number().positive(), weightDecay: nonNeg }).strict(),
    /** 0 disables clipping. */
    maxGradNorm: nonNeg,
    epsLow: z.number().min(0).lt(1),
    epsHigh: nonNeg,
    /** KL coefficient β to the frozen reference (TRL beta; 0 skips the reference forward pass). */
    beta: nonNeg,
    lossAggregation: z.enum(['grpo', 'bnpo', 'dr_grpo', 'dapo']),
    advantage: advantageConfigSchema,
    /** Save a checkpoint every N steps (0: only at the end). */
    checkpointEvery: nonNegInt,
    /** Run the evaluation hook every N steps (0: only before and after training). */
    evalEvery: nonNegInt,
  })
  .strict()
  .refine((c) => c.promptsPerStep * c.groupSize >= c.microBatches, {
    message: 'microBatches must not exceed promptsPerStep × groupSize (each micro-batch needs a completion)',
  });

export type GrpoConfig = z.infer<typeof grpoConfigSchema>;

export const GRPO_DEFAULTS: GrpoConfig = {
  seed: 1,
  steps: 300,
  promptsPerStep: 8,
  groupSize: 8,
  maxNewTokens: 16,
  temperature: 1,
  topK: 0,
  topP: 1,
  innerIterations: 1,
  microBatches: 1,
  lr: { peak: 3e-4, warmupSteps: 10, decay: 'constant', minRatio: 0 },
  adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
  maxGradNorm: 1,
  epsLow: 0.2,
  epsHigh: 0.2,
  beta: 0,
  lossAggregation: 'dapo',
  advantage: { ...ADVANTAGE_PRESETS.trl },
  checkpointEvery: 50,
  evalEvery: 25,
};

/** Validate a config from a file or the CLI (`unknown` in, typed out); a partial object is merged over the defaults. */
export function parseGrpoConfig(raw: unknown, base: GrpoConfig = GRPO_DEFAULTS): GrpoConfig {
  return parseConfigOver('GRPO config', grpoConfigSchema, base, raw, ['lr', 'adam', 'advantage'], 'start from GRPO_DEFAULTS');
}
