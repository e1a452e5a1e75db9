/*
 * The step shapes bench/step-vs-torch.ts compares, by name. Each fixes the model, the vocabulary size, the prompts
 * (count, tokens each) and the group and completion lengths; completions never stop early, so every step does the
 * same work on both sides. Edit an entry (or add one) to follow the lab: the bench takes them as they are.
 */
import type { ModelConfig } from '../../lib/model/config';

export interface StepSize {
  readonly name: string;
  readonly why: string;
  readonly model: ModelConfig;
  readonly prompts: number;
  readonly groupSize: number;
  /** Tokens of every prompt, bos included. */
  readonly promptLength: number;
  readonly maxNewTokens: number;
}

const TASK = { prompts: 8, groupSize: 8, maxNewTokens: 16 } as const;

export const STEP_SIZES: readonly StepSize[] = [
  {
    name: 'lab-default',
    why: "LAB_DEFAULTS today: the lab tokenizer's 527 tokens, prompts of 14 tokens",
    model: { vocabSize: 527, dModel: 64, nLayers: 2, nHeads: 4, contextLength: 32, mlpRatio: 4 },
    promptLength: 14,
    ...TASK,
  },
  {
    name: 'new-world-default',
    why: 'the many-constraint world (assumed): ~600 tokens, prompts of ~30 tokens, context 64',
    model: { vocabSize: 600, dModel: 64, nLayers: 2, nHeads: 4, contextLength: 64, mlpRatio: 4 },
    promptLength: 30,
    ...TASK,
  },
  {
    name: '1M',
    why: 'the new world at ~1M parameters (MODEL_DEFAULTS width and depth)',
    model: { vocabSize: 600, dModel: 128, nLayers: 4, nHeads: 4, contextLength: 64, mlpRatio: 4 },
    promptLength: 30,
    ...TASK,
  },
];
