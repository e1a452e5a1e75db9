import { describe, expect, it } from 'vitest';
import { judgeFeatures, trainLearnedJudge } from './learned';
import { createOracleJudge } from './simulated';
import { parseJudgeSpec } from './spec';

const ask = (response: string, id = 'lab:cheerful', kwargs?: Record<string, unknown>) => ({
  prompt: 'p',
  response,
  constraints: [{ id, instruction: 'i', ...(kwargs ? { kwargs } : {}) }],
});

describe('learned judge', () => {
  it('features are the distinct lowercased words, and each word keyed by the string kwargs', () => {
    expect(judgeFeatures('Whale, whale reef')).toEqual(['whale', 'reef']);
    expect(judgeFeatures('whale reef', { topic: 'ocean', n: 3 })).toEqual(['whale', 'reef', 'ocean|whale', 'ocean|reef']);
  });

  it('learns a separable rule from labelled responses and stays unsure of words it never saw', async () => {
    // "sunny" marks the compliant responses, "storm" the violating ones
    const examples = [
      ...Array.from({ length: 20 }, (_, i) => ({ id: 'lab:cheerful', response: `sunny reef ${i % 3 ? 'tide' : 'sand'}`, truth: true })),
      ...Array.from({ length: 20 }, (_, i) => ({ id: 'lab:cheerful', response: `storm reef ${i % 3 ? 'tide' : 'sand'}`, truth: false })),
    ];
    const judge = trainLearnedJudge(examples);
    expect(judge.trainedOn.get('lab:cheerful')).toBe(40);
    expect(await judge.judge(ask('sunny sand'))).toEqual([true]);
    expect(await judge.judge(ask('storm sand'))).toEqual([false]);
    // an id it was not trained on: no verdict, never a pass
    expect(await judge.judge(ask('sunny', 'lab:formal'))).toEqual(['invalid']);
    // the same examples give the same judge
    const again = trainLearnedJudge(examples);
    expect(await again.judge(ask('reef wreck'))).toEqual(await judge.judge(ask('reef wreck')));
  });
});

describe('oracle judge', () => {
  it('answers the truth it is given and is reachable as sim:oracle', async () => {
    const j = createOracleJudge();
    const req = { prompt: 'p', response: 'r', constraints: [{ id: 'a', instruction: 'a', ruleVerdict: false as const }, { id: 'b', instruction: 'b', ruleVerdict: 'unverifiable' as const }] };
    expect(await j.judge(req)).toEqual([false, true]);
    expect(parseJudgeSpec('sim:oracle')).toEqual({ kind: 'oracle' });
    await expect(j.judge(ask('x'))).rejects.toThrow(/needs the rule verdict/);
  });
});
