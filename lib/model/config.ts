import { z } from 'zod';

/** Shape of a decoder-only pre-norm transformer. */
export interface ModelConfig {
  readonly vocabSize: number;
  readonly dModel: number;
  readonly nLayers: number;
  readonly nHeads: number;
  /** Longest sequence (prompt + completion) the learned position table covers. */
  readonly contextLength: number;
  /** Hidden width of the MLP as a multiple of dModel. */
  readonly mlpRatio: number;
}

const positiveInt = z.number().int().positive();

export const modelConfigSchema = z
  .object({
    vocabSize: positiveInt,
    dModel: positiveInt,
    nLayers: positiveInt,
    nHeads: positiveInt,
    contextLength: positiveInt,
    mlpRatio: z.number().positive(),
  })
  .refine((c) => c.dModel % c.nHeads === 0, {
    message: 'dModel must be a multiple of nHeads (each head gets dModel / nHeads channels)',
  });

/** Validate an untrusted config (e.g. from a checkpoint's config.json). */
export function parseModelConfig(raw: unknown): ModelConfig {
  const parsed = modelConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`model config ${JSON.stringify(raw)} is invalid: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** The lab's default: ~1M parameters with a few-hundred-word vocabulary. */
export const MODEL_DEFAULTS: Omit<ModelConfig, 'vocabSize'> = {
  dModel: 128,
  nLayers: 4,
  nHeads: 4,
  contextLength: 96,
  mlpRatio: 4,
};
