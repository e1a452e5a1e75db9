/*
 * The step shapes bench/step-vs-torch.ts compares, by name. Each fixes the model, the vocabulary size, the prompts
 * (count, tokens each) and the group and completion lengths; completions never stop early, so every step does the
 * same work on both sides. Edit an entry (or add one) to follow the lab: the bench takes them as they are.
 */
import type { ModelConfig } from '../../lib/model/config';
import { WORLD_BASE } from '../../lib/lab/tasks/world/config';
import { worldTokenizer } from '../../lib/lab/tasks/world/vocabulary';

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
const WORLD_VOCAB = worldTokenizer().vocabSize;

export const STEP_SIZES: readonly StepSize[] = [
  {
    name: 'lab-default',
    why: "LAB_DEFAULTS today: the lab tokenizer's 527 tokens, prompts of 14 tokens",
    model: { vocabSize: 527, dModel: 64, nLayers: 2, nHeads: 4, contextLength: 32, mlpRatio: 4 },
    promptLength: 14,
    ...TASK,
  },
  {
    name: 'world-default',
    why: "WORLD_BASE: the world's model and tokenizer, prompts of 13 tokens (the median of its training pool), 20 new tokens",
    model: { vocabSize: WORLD_VOCAB, ...WORLD_BASE.model },
    promptLength: 13,
    ...TASK,
    maxNewTokens: WORLD_BASE.grpo.maxNewTokens,
  },
  {
    name: '1M',
    why: "the world's tokenizer and shapes at ~1M parameters (MODEL_DEFAULTS width and depth)",
    model: { vocabSize: WORLD_VOCAB, dModel: 128, nLayers: 4, nHeads: 4, contextLength: 48, mlpRatio: 4 },
    promptLength: 13,
    ...TASK,
    maxNewTokens: WORLD_BASE.grpo.maxNewTokens,
  },
];
