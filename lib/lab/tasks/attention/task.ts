import type { LabTask } from '../task';
import { WORLD_TASK } from '../world/task';
import { ATTENTION_BASE, parseAttentionConfig, seededSource, type AttentionConfig } from './config';
import { runAttention } from './run';

/** Attention analysis of world policies as a lab task (it trains nothing; the warm start it may read is the world's). */
export const ATTENTION_TASK: LabTask<AttentionConfig> = {
  name: 'attention',
  description: 'where a trained world policy looks: attention mass, lift, entropy and Gini on the query and on each constraint, per layer and head',
  types: [],
  parseConfig: (raw) => parseAttentionConfig(raw, ATTENTION_BASE),
  steps: () => ({ sft: 0, grpo: 0 }),
  warmStartKey: (c) => WORLD_TASK.warmStartKey(seededSource(c)),
  prepareWarmStart: (c, opts) => WORLD_TASK.prepareWarmStart(seededSource(c), opts),
  run: async (c, outDir, opts) => {
    await runAttention(c, outDir, opts);
  },
};
