import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../data/paths';
import { evaluateFiles } from './evaluate';
import { officialJsonl } from './official-format';

// The official IFBench scorer at db69a6f on its own test set and sample responses (docs/data-sources.md).
const evaluation = evaluateFiles(dataPath('ifbench/IFBench_test.jsonl'), dataPath('ifbench/sample_output.jsonl'), { resamples: 0 });

describe('ifkit eval on IFBench', () => {
  it('scores all 300 prompts as the official scorer, missing responses included (76/300, 92/344; 86/300, 107/344)', () => {
    const s = evaluation.summary;
    expect([s.prompts, s.instructions]).toEqual([300, 344]);
    expect([s.promptLevelStrict.followed, s.instructionLevelStrict.followed]).toEqual([76, 92]);
    expect([s.promptLevelLoose.followed, s.instructionLevelLoose.followed]).toEqual([86, 107]);
    // Seven test prompts have no response in sample_output.jsonl: scored all-false, kept in the denominators.
    expect(s.missingResponses).toEqual(['268', '269', '270', '271', '272', '273', '274']);
  });

  it.each(['strict', 'loose'] as const)('writes eval_results_%s.jsonl byte-identical to the official one', (mode) => {
    const official = readFileSync(dataPath(`ifbench/official_eval_results_${mode}.jsonl`), 'utf8');
    expect(officialJsonl(evaluation.scored, mode)).toBe(official);
  });

  it('scores the corrected checkers too (two sample instructions change)', () => {
    const c = evaluateFiles(dataPath('ifbench/IFBench_test.jsonl'), dataPath('ifbench/sample_output.jsonl'), {
      resamples: 0,
      variant: 'corrected',
    }).summary;
    expect([c.promptLevelStrict.followed, c.instructionLevelStrict.followed]).toEqual([77, 93]);
    expect([c.promptLevelLoose.followed, c.instructionLevelLoose.followed]).toEqual([88, 109]);
  });
});
