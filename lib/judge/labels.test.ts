import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PromptRow, ResponseRow } from '../data/benchmark';
import { labelledAuditCases, readTruthLabels, type TruthLabel } from './labels';

const prompts: PromptRow[] = [
  { key: 1, prompt: 'Write a haiku without commas.', instruction_id_list: ['punctuation:no_comma', 'style:warm_tone'], kwargs: [{}, {}] },
  { key: 2, prompt: 'Describe Paris.', instruction_id_list: ['punctuation:no_comma'], kwargs: [{}] },
];
const responses: ResponseRow[] = [
  { prompt: 'Write a haiku without commas.', response: 'Soft rain on the roof' },
  { prompt: 'Describe Paris.', response: 'Big, old, lovely.' },
];

describe('labelled audit cases (truth from a human label file)', () => {
  it('judges only the labelled constraints, with the label as truth, soft ids included when they carry their text', () => {
    const labels: TruthLabel[] = [
      { key: 1, instruction_index: 1, instruction_id: 'style:warm_tone', followed: false, instruction: 'Use a warm tone.' },
      { key: 2, instruction_index: 0, instruction_id: 'punctuation:no_comma', followed: true },
    ];
    const cases = labelledAuditCases(prompts, responses, labels);
    expect(cases.keys).toEqual(['1', '2']);
    expect(cases.requests[0]!.constraints).toEqual([{ id: 'style:warm_tone', instruction: 'Use a warm tone.', kwargs: {}, ruleVerdict: false }]);
    expect(cases.categories).toEqual([['style'], ['punctuation']]);
    // the human says followed although the rule would say violated: the label wins
    expect(cases.requests[1]!.constraints[0]!.ruleVerdict).toBe(true);
  });

  it('finds responses by the scorer join (here the stripped prompt), not by exact text only', () => {
    const padded: PromptRow[] = [{ ...prompts[1]!, prompt: ' Describe Paris. ' }];
    const cases = labelledAuditCases(padded, responses, [{ key: 2, instruction_index: 0, instruction_id: 'punctuation:no_comma', followed: false }]);
    expect(cases.missingResponses).toEqual([]);
    expect(cases.requests[0]!.response).toBe('Big, old, lovely.');
  });

  it('throws when a label does not match the prompts file or lacks the text of an unregistered id', () => {
    expect(() => labelledAuditCases(prompts, responses, [{ key: 3, instruction_index: 0, instruction_id: 'x', followed: true }])).toThrow(/key 3: no prompt/);
    expect(() => labelledAuditCases(prompts, responses, [{ key: 2, instruction_index: 0, instruction_id: 'punctuation:other', followed: true }])).toThrow(
      /says punctuation:other but the prompt has punctuation:no_comma/,
    );
    expect(() => labelledAuditCases(prompts, responses, [{ key: 1, instruction_index: 1, instruction_id: 'style:warm_tone', followed: true }])).toThrow(/must carry its "instruction"/);
  });

  it('reads and validates a label file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ifkit-labels-')), 'labels.jsonl');
    writeFileSync(file, '{"key": 2, "instruction_index": 0, "instruction_id": "punctuation:no_comma", "followed": false}\n{"key": 1, "instruction_index": 0}\n');
    expect(() => readTruthLabels(file)).toThrow(/labels\.jsonl:2: label field "instruction_id"/);
    writeFileSync(file, '{"key": 2, "instruction_index": 0, "instruction_id": "punctuation:no_comma", "followed": false}\n');
    expect(readTruthLabels(file)).toEqual([{ key: 2, instruction_index: 0, instruction_id: 'punctuation:no_comma', followed: false }]);
  });
});
