import { describe, expect, it } from 'vitest';
import { UnknownConstraintError } from '../verifiers/registry';
import { ifReward } from './if-reward';
import { IfLabelError, parseIfLabel } from './if-label';
import { removeThinkingSection } from './thinking';

const label = (ids: string[], kwargs: Array<Record<string, unknown> | null>): string =>
  // Python's str([...]) of the label dict, as open-instruct stores it.
  `[{'instruction_id': [${ids.map((i) => `'${i}'`).join(', ')}], 'kwargs': [${kwargs
    .map((k) => (k === null ? 'None' : `{${Object.entries(k).map(([a, b]) => `'${a}': ${typeof b === 'string' ? `'${b}'` : String(b)}`).join(', ')}}`))
    .join(', ')}]}]`;

describe('removeThinkingSection', () => {
  it.each([
    ['<think>Let me think. Yes.</think>Hello world', 'Hello world'],
    ['<|assistant|> <think>a</think><think>b</think> <answer>Hello world.</answer> ', 'Hello world.'],
    ['<think>only thinking</think>   ', ''],
    ['no tags at all ', 'no tags at all'],
    ['x </think> y </think> z', 'z'],
  ])('%j → %j', (input, expected) => {
    expect(removeThinkingSection(input)).toBe(expected);
  });
});

describe('ifReward (open-instruct IFEvalVerifier semantics)', () => {
  const dotAndOnce = label(['punctuation:punctuation_dot', 'keywords:word_once'], [null, { keyword: 'world' }]);

  // Scores confirmed against open-instruct's IFEvalVerifier logic (e6c3044) run in Python.
  it.each<[string, string, number]>([
    ['<think>Let me think. Yes.</think>Hello world', dotAndOnce, 1],
    ['<|assistant|> <think>a</think><think>b</think> <answer>Hello world.</answer> ', dotAndOnce, 0.5],
    ['<think>only thinking</think>   ', label(['punctuation:punctuation_dot'], [null]), 0],
    ['', label(['punctuation:punctuation_dot'], [null]), 0],
    ['Hello', label([], []), 0],
    [
      'Stop now stop',
      `['${JSON.stringify({ instruction_id: ['keywords:start_end', 'count:count_unique', 'letters:letter_counting'], kwargs: [{}, null, { N: 5, relation: 'at least', extra: null }] })}']`,
      1,
    ],
    ['x </think> Hello, world. Nice day.', label(['count:count_unique', 'punctuation:punctuation_exclamation', 'keywords:palindrome'], [null, null, null]), 1 / 3],
  ])('%j scores %s', (prediction, lbl, expected) => {
    expect(ifReward(prediction, lbl).score).toBeCloseTo(expected, 12);
  });

  it('scores an IF_multi_constraints_upto5-style label mixing IFEval and IFTrain ids', () => {
    const lbl =
      "[{'instruction_id': ['length_constraints:number_paragraphs', 'letters:letter_counting2', 'keywords:word_once'], " +
      "'kwargs': [{'num_paragraphs': 4}, {'letter': 's', 'let_frequency': 20, 'let_relation': 'at least'}, {'keyword': 'flight'}]}]";
    const paras = ['Sails skim seas swiftly.', 'Stars shine softly; sunsets stay.', 'Swans sing sweet songs.', 'Our flight lands soon, so sleep.'];
    // Confirmed with the Python verifier: all three pass; 3 paragraphs leave only word_once; no "flight" fails one; two fail one.
    expect(ifReward(`<think>s</think>${paras.join('\n***\n')}`, lbl).score).toBe(1);
    expect(ifReward(paras.slice(0, 3).join('\n***\n'), lbl).score).toBeCloseTo(1 / 3, 12);
    expect(ifReward(paras.join('\n***\n').replace('flight', 'trip'), lbl).score).toBeCloseTo(2 / 3, 12);
    expect(ifReward(`${paras.join('\n***\n')} Flight!`, lbl).score).toBeCloseTo(2 / 3, 12);
  });

  it('reports per-constraint results and the other reward kinds', () => {
    const r = ifReward('Hello world.', dotAndOnce);
    expect(r.passed).toEqual([false, true]);
    expect(r.instructionIds).toEqual(['punctuation:punctuation_dot', 'keywords:word_once']);
    expect(ifReward('Hello world.', dotAndOnce, { kind: 'all' }).score).toBe(0);
    expect(ifReward('Hello world', dotAndOnce, { kind: 'all' }).score).toBe(1);
    expect(ifReward('Hello world.', dotAndOnce, { kind: 'weighted', weights: [3, 2] }).score).toBe(2);
    // Eq. 1 with multipliers: 0·3·1 + 1·2·1.5 = 3
    expect(ifReward('Hello world.', dotAndOnce, { kind: 'weighted', weights: [3, 2], multipliers: [1, 1.5] }).score).toBe(3);
  });

  it('uses the corrected checkers on request', () => {
    const unique = label(['count:count_unique'], [null]);
    expect(ifReward('Hello world. Nice day.', unique).score).toBe(0);
    expect(ifReward('Hello world. Nice day.', unique, { variant: 'corrected' }).score).toBe(1);
  });
});

describe('parseIfLabel', () => {
  it('accepts a Python literal list, a JSON string inside it, JSON text, a bare dict and parsed values', () => {
    const expected = { instructionIds: ['count:count_unique'], kwargs: [null] };
    expect(parseIfLabel("[{'instruction_id': ['count:count_unique'], 'kwargs': [None]}]")).toEqual(expected);
    expect(parseIfLabel(`['{"instruction_id": ["count:count_unique"], "kwargs": [null]}']`)).toEqual(expected);
    expect(parseIfLabel('[{"instruction_id": ["count:count_unique"], "kwargs": [null]}]')).toEqual(expected);
    expect(parseIfLabel('{"instruction_id": ["count:count_unique"], "kwargs": [null]}')).toEqual(expected);
    expect(parseIfLabel([{ instruction_id: ['count:count_unique'], kwargs: [null] }])).toEqual(expected);
    // Dolci-style rows wrap the label string in one more list.
    expect(parseIfLabel(["[{'instruction_id': ['count:count_unique'], 'kwargs': [None]}]"])).toEqual(expected);
  });

  it('explains broken labels', () => {
    expect(() => parseIfLabel('not a label')).toThrow(IfLabelError);
    expect(() => parseIfLabel('[]')).toThrow(/empty list/);
    expect(() => parseIfLabel("[{'instruction_id': 'x', 'kwargs': []}]")).toThrow(/instruction_id/);
    expect(() => parseIfLabel("[{'instruction_id': ['a', 'b'], 'kwargs': [None]}]")).toThrow(/2 instruction ids but 1 kwargs/);
    expect(() => ifReward('hi', "[{'instruction_id': ['count:count_uniq'], 'kwargs': [None]}]")).toThrow(UnknownConstraintError);
    expect(() => ifReward('hi', "[{'instruction_id': ['keywords:word_once'], 'kwargs': [{}]}]")).toThrow(/kwargs.keyword/);
  });
});
