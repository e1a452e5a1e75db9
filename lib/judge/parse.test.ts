import { describe, expect, it } from 'vitest';
import { parseVerdictList, parseYesNo } from './parse';

describe('parseYesNo', () => {
  it.each([
    ['Yes', true],
    ['no', false],
    ['**Yes**, the response has three bullet points.', true],
    ['NO. It uses a comma in the second sentence.', false],
    ['是', true],
    ['否', false],
    ['是的，回答符合要求。', true],
    ['不是', false],
    ['不符合', false],
    ['符合要求', true],
    ['[[1]]', true],
    ['The response follows all constraints. [[0]]', false],
    ['{"verdict": "no"}', false],
    ['```json\n{"SCORE": 1, "REASONING": "ok"}\n```', true],
    ['{"answer": true}', true],
    ['<think>The user wants 3 bullets. I count 2, so no... wait, yes.</think>\nNo', false],
    ['Let me check each sentence.\nThe count is 4.\nFinal answer: **No**', false],
    ['Oui', true],
    ['Nein.', false],
    ['True', true],
  ])('%j -> %s', (reply, expected) => {
    expect(parseYesNo(reply)).toBe(expected);
  });

  it.each([
    [''],
    ['Maybe, it depends on how you count.'],
    ['The response is good.'],
    ['[[1]] ... on reflection [[0]]'],
    ['<think>I think the answer is yes'],
    ['1. The response'],
    ['{"verdict": "perhaps"}'],
    ['{"foo": 1}'],
  ])('%j is invalid, never a pass', (reply) => {
    expect(parseYesNo(reply)).toBe('invalid');
  });
});

describe('parseVerdictList', () => {
  it('reads FollowBench\'s closing python list of YES/NO', () => {
    expect(parseVerdictList("Constraint 1 is met; constraint 2 is not.\n['YES', 'NO', 'YES']", 3)).toEqual([true, false, true]);
  });
  it('reads a JSON list of booleans, numbers or words', () => {
    expect(parseVerdictList('[true, false]', 2)).toEqual([true, false]);
    expect(parseVerdictList('[1, 0, 1]', 3)).toEqual([true, false, true]);
    expect(parseVerdictList('```json\n["yes", "no"]\n```', 2)).toEqual([true, false]);
    expect(parseVerdictList('{"verdicts": ["no", "no"]}', 2)).toEqual([false, false]);
  });
  it('reads numbered lines', () => {
    expect(parseVerdictList('1. Yes\n2: **No** - there is a comma\n3) yes', 3)).toEqual([true, false, true]);
  });
  it('skips a placeholder list in the reasoning and takes the verdict list', () => {
    expect(parseVerdictList('The [address] placeholder is there.\n[YES, NO]', 2)).toEqual([true, false]);
  });
  it('marks one unreadable item invalid and keeps the others', () => {
    expect(parseVerdictList('[true, "unsure"]', 2)).toEqual([true, 'invalid']);
  });
  it('is all invalid when the count is wrong or there is no list', () => {
    expect(parseVerdictList("['YES', 'NO']", 3)).toEqual(['invalid', 'invalid', 'invalid']);
    expect(parseVerdictList('All good!', 2)).toEqual(['invalid', 'invalid']);
  });
  it('falls back to a single yes/no for one constraint', () => {
    expect(parseVerdictList('No.', 1)).toEqual([false]);
  });
  it('ignores lists inside the thinking', () => {
    expect(parseVerdictList("<think>maybe ['NO', 'NO']</think>['YES', 'YES']", 2)).toEqual([true, true]);
  });
});
