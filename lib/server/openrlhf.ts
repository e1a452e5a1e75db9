/**
 * OpenRLHF's remote reward protocol (`--reward.remote_url http://host:port/get_reward`): the trainer posts
 * `{query: [prompt + response decoded with special tokens kept], prompts: [prompt], labels: [label]}` and reads
 * `{rewards, scores, extra_logs}`.
 */
import { PY_WHITESPACE } from '../verifiers/nlp/pytext';
import type { RewardKind } from '../rewards/aggregate';
import { HttpError } from './http-util';
import type { ItemResult } from './item-result';

/**
 * End-of-sequence and padding tokens that a decode with `skip_special_tokens=False` leaves after the response
 * (Qwen/ChatML, Llama 2/3, Gemma, GPT-NeoX/OLMo). They are not part of the answer; left in, they would break
 * end-of-text checks such as startend:end_checker.
 */
export const DEFAULT_EOS_TOKENS: readonly string[] = ['<|im_end|>', '<|endoftext|>', '<|eot_id|>', '<|end_of_text|>', '</s>', '<eos>', '<end_of_turn>', '<pad>'];

/**
 * The response inside an OpenRLHF query: the query minus its prompt prefix, with trailing EOS/pad tokens removed.
 * A query that does not start with its prompt is a 400 rather than a guess: scoring prompt text as if the model
 * wrote it would give a wrong reward silently (it happens when the trainer truncates long prompts from the left).
 * @example responseFromQuery('<|user|>Hi<|assistant|>Hello<|im_end|>', '<|user|>Hi<|assistant|>', 0) // 'Hello'
 */
export function responseFromQuery(query: string, prompt: string, index: number, eosTokens: readonly string[] = DEFAULT_EOS_TOKENS): string {
  if (!query.startsWith(prompt)) {
    let k = 0;
    while (k < prompt.length && query[k] === prompt[k]) k++;
    throw new HttpError(
      400,
      `query[${index}]`,
      `does not start with prompts[${index}] (they differ at character ${k}: query has ${JSON.stringify(query.slice(k, k + 20))}, ` +
        `prompt has ${JSON.stringify(prompt.slice(k, k + 20))}); send prompt + response as the query, and do not truncate prompts`,
    );
  }
  let response = query.slice(prompt.length);
  for (;;) {
    let end = response.length;
    while (end > 0 && PY_WHITESPACE.includes(response[end - 1]!)) end--;
    const token = eosTokens.find((t) => t !== '' && response.endsWith(t, end));
    if (token === undefined) return response;
    response = response.slice(0, end - token.length);
  }
}

/** The body OpenRLHF reads back; `scores` are in [0, 1] (OpenRLHF's dynamic filtering compares them to bounds). */
export interface GetRewardReply {
  readonly rewards: readonly number[];
  readonly scores: readonly number[];
  readonly extra_logs: Readonly<Record<string, readonly number[]>>;
}

/** Builds the reply from item results; weighted rewards are divided by the constraint count to give the score. */
export function getRewardReply(results: readonly ItemResult[], kind: RewardKind): GetRewardReply {
  const rewards = results.map((r) => r.reward);
  const scores = results.map((r) => (kind === 'weighted' ? r.reward / Math.max(1, r.instructions.length) : r.reward));
  return {
    rewards,
    scores,
    extra_logs: {
      if_all_pass: results.map((r) => (r.follow_all_instructions ? 1 : 0)),
      if_fraction: results.map((r) => r.fraction),
      if_constraints: results.map((r) => r.instructions.length),
      if_check_errors: results.map((r) => (r.status === 'ok' ? 0 : 1)),
    },
  };
}
