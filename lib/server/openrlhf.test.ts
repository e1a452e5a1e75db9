import { describe, expect, it } from 'vitest';
import { HttpError } from './http-util';
import type { ItemResult } from './item-result';
import { getRewardReply, responseFromQuery } from './openrlhf';

describe('responseFromQuery', () => {
  it.each([
    ['<|user|>Hi<|assistant|>Hello<|im_end|>', '<|user|>Hi<|assistant|>', 'Hello'],
    // Padding after EOS, whitespace between them, and several tokens in a row are all trailing junk.
    ['PQ Hello.</s><pad><pad>', 'PQ', ' Hello.'],
    ['PQ Hello. <|eot_id|>\n<|end_of_text|>', 'PQ', ' Hello. '],
    // Whitespace the model wrote is kept when no token follows it; an EOS-looking word mid-text is kept.
    ['PQa </s> b\n', 'PQ', 'a </s> b\n'],
    ['PQ', 'PQ', ''],
  ])('%j minus %j → %j', (query, prompt, expected) => {
    expect(responseFromQuery(query, prompt, 0)).toBe(expected);
  });

  it('uses the given token list', () => {
    expect(responseFromQuery('P Bye<END>', 'P', 0, ['<END>'])).toBe(' Bye');
    expect(responseFromQuery('P Bye</s>', 'P', 0, [])).toBe(' Bye</s>');
  });

  it('refuses a query that does not start with its prompt, naming the index and where they differ', () => {
    expect(() => responseFromQuery('<|user|>Hj there', '<|user|>Hi', 3)).toThrow(HttpError);
    expect(() => responseFromQuery('<|user|>Hj there', '<|user|>Hi', 3)).toThrow(/does not start with prompts\[3\] \(they differ at character 9/);
  });
});

describe('getRewardReply', () => {
  const result = (reward: number, fraction: number, n: number, status: ItemResult['status'] = 'ok'): ItemResult => ({
    reward, fraction, follow_all_instructions: fraction === 1, status,
    instructions: Array.from({ length: n }, (_, i) => ({ id: `x:${i}`, verdict: i < fraction * n, passed: i < fraction * n, by: 'rule' as const })),
  });

  it('puts rewards, [0, 1] scores and per-sample logs in OpenRLHF shape', () => {
    expect(getRewardReply([result(1, 1, 2), result(0, 0.5, 2), { ...result(0, 0, 0, 'timeout'), instructions: [] }], 'all')).toEqual({
      rewards: [1, 0, 0],
      scores: [1, 0, 0],
      extra_logs: { if_all_pass: [1, 0, 0], if_fraction: [1, 0.5, 0], if_constraints: [2, 2, 0], if_check_errors: [0, 0, 1] },
    });
  });

  it('divides weighted rewards (sums of weights) by the constraint count for the score', () => {
    // 3 constraints, weighted sum 2 → score 2/3.
    expect(getRewardReply([result(2, 2 / 3, 3)], 'weighted').scores[0]).toBeCloseTo(2 / 3, 12);
  });
});
