import { patch } from '../patch';
import type { WorldConfig } from '../tasks/world/config';
import type { DatasetSpec } from '../tasks/world/dataset';
import type { ArmSpec } from './define';

/*
 * The building blocks of the world's experiments: training data (which kinds of prompts, how many constraints,
 * which types) and the judge of soft constraints in the reward. Named once here so that every experiment means the
 * same thing by "mixed" or "noisy".
 */

/** The paper's judge (Qwen3-32B judging several constraints at once): recall .306 on violations, and compliant responses passed .95 of the time. */
export const PAPER_NOISY_JUDGE = 'sim:noisy:recall_violation=0.306,recall_compliant=0.95';

/** The judges of the reward-mix experiment, by arm-name suffix. */
export const JUDGES: Readonly<Record<string, { readonly spec: string; readonly description: string }>> = {
  oracle: { spec: 'oracle', description: 'a perfect judge' },
  noisy: { spec: PAPER_NOISY_JUDGE, description: "the paper's batched judge: recall .306 on violations" },
  lenient: { spec: 'sim:lenient', description: 'a judge with exploitable blind spots (one cue word, one topic word, verbosity)' },
  learned: { spec: 'learned', description: 'a bag-of-words classifier trained on 300 oracle-labelled responses' },
};

/** Training data by arm-name prefix: the shares of hard-only, soft-only and mixed prompts. */
export const DATA: Readonly<Record<string, { readonly kinds: DatasetSpec['kinds']; readonly description: string }>> = {
  'hard-only': { kinds: { 'hard-only': 1, 'soft-only': 0, mixed: 0 }, description: 'only rule-checked constraints' },
  'soft-only': { kinds: { 'hard-only': 0, 'soft-only': 1, mixed: 0 }, description: 'only judge-scored constraints' },
  'mixed-22': { kinds: { 'hard-only': 0.223, 'soft-only': 0, mixed: 0.777 }, description: "VerInstruct's share: 22.3% hard-only prompts, the rest mixed" },
  'mixed-50': { kinds: { 'hard-only': 0.5, 'soft-only': 0, mixed: 0.5 }, description: 'half hard-only, half mixed prompts' },
};

/** A config with other training data. */
export const withTrainData = (c: WorldConfig, data: Partial<DatasetSpec>): WorldConfig => patch(c, { data: { train: { ...c.data.train, ...data } } });

/** A config with another judge of soft constraints. */
export const withJudge = (c: WorldConfig, judge: string): WorldConfig => patch(c, { reward: { judge } });

/** An arm from a data prefix and a judge suffix, e.g. arm('mixed-22', 'noisy'). */
export function dataJudgeArm(data: string, judge: string): ArmSpec<WorldConfig> {
  const d = DATA[data]!;
  const j = JUDGES[judge]!;
  return {
    name: `${data}.${judge}`,
    description: `${d.description}; ${j.description}`,
    config: (c) => withJudge(withTrainData(c, { kinds: d.kinds }), j.spec),
  };
}
