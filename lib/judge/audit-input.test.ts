import { describe, expect, it } from 'vitest';
import { readPromptRows, readResponseRows, type PromptRow } from '../data/benchmark';
import { dataPath } from '../data/paths';
import { readPrompts } from '../eval/input';
import { joinResponses } from '../eval/join';
import { scorePrompts } from '../eval/score';
import { buildAuditCases } from './audit-input';

const row = (key: number, prompt: string): PromptRow => ({ key, prompt, instruction_id_list: ['punctuation:no_comma'], kwargs: [null] });

describe('buildAuditCases joins and labels as the scorer does', () => {
  it('joins by exact prompt, then stripped prompt, then key; a blank response fails every rule', () => {
    const cases = buildAuditCases(
      [row(1, 'Say hi.'), row(2, ' Say bye. '), row(3, 'renamed'), row(4, 'Say nothing.'), row(5, 'nobody')],
      [
        { prompt: 'Say hi.', response: 'hi' },
        { prompt: 'Say bye.', response: 'bye, then' },
        { prompt: 'old text', response: 'by key', key: 3 },
        { prompt: 'Say nothing.', response: ' \n ' },
      ],
    );
    expect(cases.keys).toEqual(['1', '2', '3', '4']);
    expect(cases.missingResponses).toEqual(['5']);
    expect(cases.requests.map((r) => r.response)).toEqual(['hi', 'bye, then', 'by key', ' \n ']);
    // no_comma passes on ' \n ', but upstream fails a blank response before any checker runs.
    expect(cases.requests.map((r) => r.constraints[0]!.ruleVerdict)).toEqual([true, false, true, false]);
  });

  it('sees all 300 prompts of the IFBench sample: the 293 the scorer joins (3 by stripped prompt) and its 7 missing', () => {
    const input = dataPath('ifbench/IFBench_test.jsonl');
    const responses = readResponseRows(dataPath('ifbench/sample_output.jsonl'));
    const cases = buildAuditCases(readPromptRows(input), responses);
    expect(cases.requests).toHaveLength(293);
    expect(cases.missingResponses).toHaveLength(7);

    const prompts = readPrompts(input);
    const joined = joinResponses(prompts, responses);
    expect(joined.joinedBy.filter((b) => b === 'stripped_prompt')).toHaveLength(3);
    expect(cases.missingResponses).toEqual(joined.missing.map(String));
    // The audit's truth is the scorer's strict verdict, instruction by instruction.
    const scored = scorePrompts(prompts, joined.responses).filter((s) => s.response !== null);
    expect(cases.keys).toEqual(scored.map((s) => String(s.key)));
    expect(cases.requests.map((r) => r.constraints.map((c) => c.ruleVerdict))).toEqual(scored.map((s) => s.strict));
  });
});
