import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoryOf, readPromptRows, readResponseRows } from './benchmark';
import { dataPath } from './paths';

describe('benchmark files', () => {
  it('reads IFEval (numeric keys) and IFBench (string keys, null kwargs)', () => {
    const ifeval = readPromptRows(dataPath('ifeval/input_data.jsonl'));
    expect(ifeval.length).toBe(541);
    expect(ifeval.reduce((n, r) => n + r.instruction_id_list.length, 0)).toBe(834);
    const ifbench = readPromptRows(dataPath('ifbench/IFBench_test.jsonl'));
    expect(ifbench.length).toBe(300);
    expect(ifbench.reduce((n, r) => n + r.instruction_id_list.length, 0)).toBe(344);
    expect(typeof ifbench[0]!.key).toBe('string');
    expect(readResponseRows(dataPath('ifeval/input_response_data_gpt4_20231107_145030.jsonl')).length).toBe(541);
  });

  it('names the file, line and field of a bad row', () => {
    const p = join(mkdtempSync(join(tmpdir(), 'ifkit-bench-')), 'p.jsonl');
    writeFileSync(p, '{"key": 1, "prompt": "x", "instruction_id_list": ["a:b"], "kwargs": [{}]}\n{"key": 2, "prompt": "y", "instruction_id_list": ["a:b", "c:d"], "kwargs": [{}]}\n');
    expect(() => readPromptRows(p)).toThrow(`${p}:2: kwargs and instruction_id_list must have the same length`);
    writeFileSync(p, '{"key": 1, "prompt": 7, "instruction_id_list": [], "kwargs": []}\n');
    expect(() => readPromptRows(p)).toThrow(`${p}:1: prompt: prompt must be a string`);
    writeFileSync(p, '{"prompt": "p", "response": "r"}\n{"prompt": "p"}\n');
    expect(() => readResponseRows(p)).toThrow(`${p}:2: response: response must be a string`);
  });

  it('takes the category from the id prefix', () => {
    expect(categoryOf('length_constraints:number_words')).toBe('length_constraints');
    expect(categoryOf('plain')).toBe('plain');
  });
});
