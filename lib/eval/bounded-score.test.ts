import { describe, expect, it } from 'vitest';
import { readResponseRows } from '../data/benchmark';
import { dataPath } from '../data/paths';
import { getConstraint } from '../verifiers/registry';
import { checkWithin, scorePromptsWithin } from './bounded-score';
import { readPrompts, type PreparedPrompt } from './input';
import { joinResponses } from './join';
import { scorePrompts } from './score';

const noComma = getConstraint('punctuation:no_comma').prepare({});
const hangsOnHang = (response: string): boolean => {
  if (response.includes('HANG')) for (;;);
  return true;
};
const prompt = (key: number): PreparedPrompt => ({ key, prompt: `p${key}`, instructionIds: ['punctuation:no_comma', 'test:hang'], kwargs: [null, null], checks: [noComma, hangsOnHang] });

describe('scorePromptsWithin', () => {
  it('scores exactly as scorePrompts when nothing overruns (the 541 IFEval GPT-4 responses)', () => {
    const prompts = readPrompts(dataPath('ifeval/input_data_gpt4_20231107_145030.jsonl'));
    const { responses } = joinResponses(prompts, readResponseRows(dataPath('ifeval/input_response_data_gpt4_20231107_145030.jsonl')));
    const bounded = scorePromptsWithin(prompts, responses, 60_000);
    expect(bounded.timeouts).toEqual([]);
    expect(bounded.scored).toEqual(scorePrompts(prompts, responses));
  });

  it('stops a hanging check, scores it failed and reports it, and scores every other check exactly', () => {
    const prompts = Array.from({ length: 100 }, (_, i) => prompt(i));
    const responses = prompts.map((p) => (p.key === 70 ? 'HANG, then' : p.key === 3 ? null : `ok ${p.key}`));
    const started = performance.now();
    const { scored, timeouts } = scorePromptsWithin(prompts, responses, 300);
    // A chunk bound, a prompt bound and a check bound: about 0.9 s; generous for a loaded machine.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(timeouts).toEqual([{ key: 70, instructionId: 'test:hang', index: 1, mode: 'strict' }]);
    expect(scored[70]).toMatchObject({ strict: [false, false], loose: [false, false] });
    const others = (xs: typeof scored) => xs.filter((s) => s.key !== 70);
    expect(others(scored)).toEqual(others(scorePrompts(prompts.filter((p) => p.key !== 70), responses.filter((_, i) => i !== 70))));
  });

  it('retries an overrun once after loading every NLP model, so a first model load never counts as the check', () => {
    let calls = 0;
    // Stands in for a check whose first call also loaded a model: slow once, fast after.
    const slowOnce = (): string => {
      if (calls++ === 0) for (;;);
      return 'ok';
    };
    expect(checkWithin(200, slowOnce)).toEqual({ done: true, value: 'ok' });
    expect(calls).toBe(2);
    expect(checkWithin(200, () => {
      for (;;);
    })).toEqual({ done: false });
  });
});
