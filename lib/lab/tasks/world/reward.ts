import { createHash } from 'node:crypto';
import { judgeAll } from '../../../judge/run';
import type { Judge, JudgeRequest, JudgeVerdict } from '../../../judge/types';
import { aggregateReward, type RewardKind } from '../../../rewards/aggregate';
import { createRng } from '../../../stats/rng';
import { getConstraint } from '../../../verifiers/registry';
import type { LabConstraint } from './instance';
import { trueVerdicts } from './truth';

/*
 * The reward of the world, as 2601.04954 builds it: hard constraints by their rule, soft constraints by a judge
 * (whose verdicts may be wrong), the verdicts aggregated (the paper's product is 'all'), and optionally the
 * paper's one-sided false accept: the whole reward set to 1 with probability p. Beside the reward, each response
 * keeps what the trainer saw per constraint and the TRUE verdicts (rules and the oracle), so every metrics row can
 * show proxy and truth side by side.
 */

/** One response to score: its prompt text, the response and the prompt's constraints. */
export interface RewardInput {
  readonly prompt: string;
  readonly response: string;
  readonly constraints: readonly LabConstraint[];
}

export interface ScoredResponse {
  /** TRUE verdict per constraint (rule or oracle). */
  readonly truth: readonly boolean[];
  /** What the reward used per constraint: the rule for hard constraints, the judge for soft ones ('invalid' fails). */
  readonly seen: readonly boolean[];
  /** The judge's verdict per constraint; null for hard constraints. */
  readonly judged: readonly (JudgeVerdict | null)[];
  readonly falseAccepted: boolean;
  readonly reward: number;
}

export interface RewardOptions {
  readonly judge: Judge;
  readonly aggregate: RewardKind;
  readonly falseAccept: number;
  /** Seeds the false-accept draws (with the batch's responses, so a resumed run draws the same). */
  readonly seed: number;
}

/** A request holding the soft constraints of one response, with the oracle's truth for simulated judges. */
function judgeRequest(input: RewardInput, truth: readonly boolean[]): JudgeRequest {
  const soft = input.constraints.flatMap((c, i) => (c.kind === 'soft' ? [{ c, i }] : []));
  return {
    prompt: input.prompt,
    response: input.response,
    constraints: soft.map(({ c, i }) => ({ id: c.id, instruction: getConstraint(c.id).describe(c.kwargs), kwargs: c.kwargs, ruleVerdict: truth[i]! })),
  };
}

/** A draw in [0, 1) per response, fixed by the seed and the whole batch. */
function acceptDraws(seed: number, inputs: readonly RewardInput[]): number[] {
  const digest = createHash('sha256').update(JSON.stringify([seed, inputs.map((x) => [x.prompt, x.response])])).digest();
  const rng = createRng(digest.readInt32LE(0));
  return inputs.map(() => rng.next());
}

/**
 * Score a batch of responses; the judge sees only soft constraints, and only for responses that have some.
 * @example const [s] = await scoreResponses([{ prompt, response, constraints }], { judge, aggregate: 'all', falseAccept: 0, seed: 1 })
 */
export async function scoreResponses(inputs: readonly RewardInput[], o: RewardOptions): Promise<ScoredResponse[]> {
  const truths = inputs.map((x) => trueVerdicts(x.response, x.constraints));
  const asked = inputs.flatMap((x, k) => (x.constraints.some((c) => c.kind === 'soft') ? [k] : []));
  const answers = await judgeAll(o.judge, asked.map((k) => judgeRequest(inputs[k]!, truths[k]!)));
  const byResponse = new Map(asked.map((k, j) => [k, answers[j]!]));
  const draws = o.falseAccept > 0 ? acceptDraws(o.seed, inputs) : [];
  return inputs.map((x, k) => {
    const verdicts = byResponse.get(k) ?? [];
    let next = 0;
    const judged = x.constraints.map((c) => (c.kind === 'soft' ? verdicts[next++]! : null));
    const seen = x.constraints.map((c, i) => (c.kind === 'soft' ? judged[i] === true : truths[k]![i]!));
    const falseAccepted = o.falseAccept > 0 && draws[k]! < o.falseAccept;
    return { truth: truths[k]!, seen, judged, falseAccepted, reward: falseAccepted ? 1 : aggregateReward(seen, o.aggregate) };
  });
}
