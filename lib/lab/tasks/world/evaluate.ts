import type { Judge } from '../../../judge/types';
import type { Policy } from '../../../model/policy';
import type { RewardKind } from '../../../rewards/aggregate';
import { createRng } from '../../../stats/rng';
import { constraintsOf, promptOf, type WorldInstance } from './instance';
import { scoreResponses } from './reward';
import { tally, type TallyRow } from './tally';

/*
 * Held-out evaluation of the world: one response per prompt of each evaluation set, sampled at T = 1 with a fixed
 * seed (greedy decoding misleads while the warm-start policy is weak; the same seed at every evaluation makes the
 * curve comparable step to step), scored with TRUE verdicts per constraint type and per number of constraints, with
 * response length, and with the run's judge beside the truth (what a hacked policy fools).
 */

export interface EvalRecord extends TallyRow {
  readonly set: string;
  readonly prompt: string;
}

export interface WorldEvalOptions {
  readonly maxNewTokens: number;
  readonly seed: number;
  readonly judge: Judge;
  readonly aggregate: RewardKind;
}

/** Prompt token ids of an instance: bos + the prompt's words. */
export function instanceIds(policy: Policy, inst: WorldInstance): number[] {
  return [policy.tokenizer.bos, ...policy.tokenizer.encode(promptOf(inst))];
}

/**
 * Evaluate on every named set; returns flat metrics (`<set>/true/<type>`, `<set>/allPass`, …) and the scored records.
 * @example const { metrics } = await evaluateWorld(policy, { mixed }, { maxNewTokens: 20, seed: 2026, judge, aggregate: 'all' })
 */
export async function evaluateWorld(
  policy: Policy,
  sets: Readonly<Record<string, readonly WorldInstance[]>>,
  o: WorldEvalOptions,
): Promise<{ metrics: Record<string, number>; records: EvalRecord[] }> {
  const names = Object.keys(sets).sort();
  const all = names.flatMap((set) => sets[set]!.map((inst) => ({ set, inst })));
  const tok = policy.tokenizer;
  const completions = await policy.generate(
    all.map(({ inst }) => instanceIds(policy, inst)),
    { maxNewTokens: o.maxNewTokens, temperature: 1, stopTokens: [tok.eos], rng: createRng(o.seed) },
  );
  const inputs = all.map(({ inst }, k) => ({ prompt: promptOf(inst), response: tok.decode(completions[k]!), constraints: constraintsOf(inst) }));
  const scored = await scoreResponses(inputs, { judge: o.judge, aggregate: o.aggregate, falseAccept: 0, seed: o.seed });
  const records: EvalRecord[] = inputs.map((x, k) => ({ ...x, set: all[k]!.set, scored: scored[k]! }));
  const metrics: Record<string, number> = {};
  for (const set of names) Object.assign(metrics, tally(records.filter((r) => r.set === set), `${set}/`));
  return { metrics, records };
}
