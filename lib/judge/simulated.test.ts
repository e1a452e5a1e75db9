import { describe, expect, it } from 'vitest';
import { LENIENT_BLIND_SPOTS } from './blind-spots';
import { createAlwaysYesJudge, createLenientJudge, createNoisyJudge } from './simulated';
import { parseJudgeSpec } from './spec';
import type { JudgeConstraint, JudgeRequest } from './types';

const requests = (n: number, truth: boolean): JudgeRequest[] =>
  Array.from({ length: n }, (_, i) => ({
    prompt: `prompt ${i}`,
    response: `response ${i}`,
    constraints: [{ id: 'punctuation:no_comma', instruction: 'No commas.', ruleVerdict: truth }],
  }));

async function passRate(judge: ReturnType<typeof createNoisyJudge>, reqs: JudgeRequest[]): Promise<number> {
  const verdicts = (await Promise.all(reqs.map((r) => judge.judge(r)))).flat();
  return verdicts.filter((v) => v === true).length / verdicts.length;
}

describe('noisy judge', () => {
  const judge = createNoisyJudge({ recallViolation: 0.3, recallCompliant: 0.9, seed: 7 });

  it('catches violations and passes compliant responses at the set recalls (4000 draws, ±3 sd)', async () => {
    // sd of a rate over 4000 draws at p = .3 is .0072, at p = .9 is .0047
    expect(1 - (await passRate(judge, requests(4000, false)))).toBeGreaterThan(0.3 - 0.022);
    expect(1 - (await passRate(judge, requests(4000, false)))).toBeLessThan(0.3 + 0.022);
    expect(await passRate(judge, requests(4000, true))).toBeCloseTo(0.9, 1);
  });

  it('answers the same question the same way, whatever the order', async () => {
    const reqs = requests(50, false);
    const forward = await Promise.all(reqs.map((r) => judge.judge(r)));
    const backward = await Promise.all([...reqs].reverse().map((r) => judge.judge(r)));
    expect(backward.reverse()).toEqual(forward);
  });

  it('emits invalid verdicts at the set rate', async () => {
    const flaky = createNoisyJudge({ recallViolation: 1, recallCompliant: 1, invalidRate: 0.2, seed: 1 });
    const v = (await Promise.all(requests(2000, true).map((r) => flaky.judge(r)))).flat();
    expect(v.filter((x) => x === 'invalid').length / v.length).toBeCloseTo(0.2, 1);
    expect(v.filter((x) => x === false)).toHaveLength(0);
  });

  it('refuses constraints without a rule verdict and recalls outside [0, 1]', async () => {
    await expect(judge.judge({ prompt: 'p', response: 'r', constraints: [{ id: 'x:y', instruction: 'i' }] })).rejects.toThrow(/needs the rule verdict of constraint x:y/);
    expect(() => createNoisyJudge({ recallViolation: 1.3, recallCompliant: 0.9 })).toThrow(/recall_violation .* got 1.3/);
  });
});

describe('lenient judge', () => {
  const judge = createLenientJudge();
  const ask = async (response: string, c: JudgeConstraint) => (await judge.judge({ prompt: 'p', response, constraints: [c] }))[0];

  it('passes any count', async () => {
    expect(await ask('Too short.', { id: 'length_constraints:number_words', instruction: 'At least 300 words.', kwargs: { relation: 'at least', num_words: 300 }, ruleVerdict: false })).toBe(true);
  });
  it('passes a keyword found as a substring, or one keyword of several', async () => {
    const c = { id: 'keywords:existence', instruction: 'Include cat and dog.', kwargs: { keywords: ['cat', 'dog'] }, ruleVerdict: false };
    expect(await ask('A category of things.', c)).toBe(true);
    expect(await ask('Birds only.', c)).toBe(false);
    expect(await ask('The CAT.', { id: 'keywords:frequency', instruction: 'Use "cat" 5 times.', kwargs: { keyword: 'cat', frequency: 5, relation: 'at least' }, ruleVerdict: false })).toBe(true);
  });
  it('passes an upper-bounded keyword count whatever the count', async () => {
    expect(await ask('cat cat cat', { id: 'keywords:frequency', instruction: 'Use "cat" less than 2 times.', kwargs: { keyword: 'cat', frequency: 2, relation: 'less than' }, ruleVerdict: false })).toBe(true);
    expect(await ask('no felines', { id: 'keywords:frequency', instruction: 'Use "cat" less than 2 times.', kwargs: { keyword: 'cat', frequency: 2, relation: 'less than' }, ruleVerdict: true })).toBe(true);
  });
  it('passes an end phrase said anywhere', async () => {
    expect(await ask('Any other questions? And more text.', { id: 'startend:end_checker', instruction: 'End with "Any other questions?"', kwargs: { end_phrase: 'Any other questions?' }, ruleVerdict: false })).toBe(true);
  });
  it('is right everywhere else', async () => {
    expect(await ask('a, b', { id: 'punctuation:no_comma', instruction: 'No commas.', kwargs: {}, ruleVerdict: false })).toBe(false);
    expect(await ask('ab', { id: 'punctuation:no_comma', instruction: 'No commas.', kwargs: {}, ruleVerdict: true })).toBe(true);
  });
  it('documents every blind spot', () => {
    for (const s of LENIENT_BLIND_SPOTS) expect(s.why.length).toBeGreaterThan(60);
  });
});

describe('always-yes judge', () => {
  it('passes everything', async () => {
    expect(await createAlwaysYesJudge().judge(requests(1, false)[0]!)).toEqual([true]);
  });
});

describe('parseJudgeSpec', () => {
  it.each([
    ['openai:Qwen/Qwen3-32B@http://localhost:8000/v1', { kind: 'openai', model: 'Qwen/Qwen3-32B', baseURL: 'http://localhost:8000/v1' }],
    ['openai:qwen3:32b@http://127.0.0.1:11434/v1', { kind: 'openai', model: 'qwen3:32b', baseURL: 'http://127.0.0.1:11434/v1' }],
    ['sim:noisy:recall_violation=0.3,recall_compliant=0.95', { kind: 'noisy', recallViolation: 0.3, recallCompliant: 0.95, invalidRate: 0, seed: 0 }],
    ['sim:noisy:recall_violation=0.5,recall_compliant=1,seed=3,invalid_rate=0.1', { kind: 'noisy', recallViolation: 0.5, recallCompliant: 1, invalidRate: 0.1, seed: 3 }],
    ['sim:lenient', { kind: 'lenient' }],
    ['sim:always-yes', { kind: 'always-yes' }],
  ])('%s', (spec, expected) => {
    expect(parseJudgeSpec(spec)).toEqual(expected);
  });

  it.each([
    ['openai:model', /openai:<model>@<base-url>/],
    ['openai:m@localhost:8000', /openai:<model>@<base-url>/],
    ['sim:noisy:recall_violation=0.3', /needs recall_violation and recall_compliant/],
    ['sim:noisy:recall=0.3', /cannot read "recall=0.3"/],
    ['gpt-4', /unknown judge spec "gpt-4"; use/],
  ])('rejects %s', (spec, message) => {
    expect(() => parseJudgeSpec(spec)).toThrow(message);
  });
});

describe('lenient judge on the lab soft constraints', () => {
  const judge = createLenientJudge();
  const one = async (id: string, response: string, truth: boolean, kwargs?: Record<string, unknown>) =>
    (await judge.judge({ prompt: 'p', response, constraints: [{ id, instruction: 'i', ruleVerdict: truth, ...(kwargs ? { kwargs } : {}) }] }))[0];

  it.each([
    // id, response, truth (the oracle), the lenient verdict
    ['lab:cheerful', 'sunny storm reef', false, true], // a positive word hides the negative one
    ['lab:cheerful', 'storm reef', false, false],
    ['lab:formal', 'maritime gnarly wave', false, true], // a formal word hides the casual one
    ['lab:on_topic', 'reef happy dog', false, true, { topic: 'ocean' }], // one topic word is enough
    ['lab:on_topic', 'happy dog', false, false, { topic: 'ocean' }],
    ['lab:mentions_animal', 'reef tide sand wave boat shell calm sunny', false, true], // 8 words: verbosity passes it
    ['lab:mentions_animal', 'reef tide', false, false],
  ] as const)('%s on %j (truth %s) → %s', async (id, response, truth, lenient, kwargs?: Record<string, unknown>) => {
    expect(await one(id, response, truth, kwargs)).toBe(lenient);
  });
});
