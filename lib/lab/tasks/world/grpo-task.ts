import type { Judge } from '../../../judge/types';
import type { Tokenizer } from '../../../model/tokenizer';
import type { GrpoTask } from '../../../rl/grpo';
import type { RewardItem } from '../../../rl/rollout';
import type { WorldConfig } from './config';
import type { WorldData } from './data';
import { constraintsOf, promptOf, type WorldInstance } from './instance';
import { scoreResponses } from './reward';
import { tally, type TallyRow } from './tally';
import { trueVerdicts } from './truth';

/** An instance as the trainer takes it: its text, its token ids (bos first) and the instance itself. */
export function worldPrompt(meta: WorldInstance, tok: Tokenizer): { text: string; ids: number[]; meta: WorldInstance } {
  const text = promptOf(meta);
  return { text, ids: [tok.bos, ...tok.encode(text)], meta };
}

/** The GRPO task: training prompts from the pool, the configured reward, the TRUE all-pass, per-type step metrics. */
export function worldGrpoTask(config: WorldConfig, data: WorldData, judge: Judge, tok: Tokenizer): GrpoTask<WorldInstance> {
  let last: TallyRow[] = [];
  return {
    samplePrompts: (rng, n) => Array.from({ length: n }, () => worldPrompt(data.train[rng.int(0, data.train.length - 1)]!, tok)),
    reward: {
      batch: async (items: readonly RewardItem<WorldInstance>[]) => {
        const inputs = items.map((it) => ({ prompt: it.prompt, response: it.completion, constraints: constraintsOf(it.meta) }));
        const scored = await scoreResponses(inputs, { judge, aggregate: config.reward.aggregate, falseAccept: config.reward.falseAccept, seed: config.seed });
        last = inputs.map((x, k) => ({ response: x.response, constraints: x.constraints, scored: scored[k]! }));
        return scored.map((s) => s.reward);
      },
    },
    truePass: (_prompt, completion, meta) => trueVerdicts(completion, constraintsOf(meta)).every(Boolean),
    stepMetrics: () => tally(last, 'train/'),
    stopTokens: [tok.eos],
  };
}

