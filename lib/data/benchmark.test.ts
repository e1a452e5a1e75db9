import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryOf, parsePromptRow, parseResponseRow, readPromptRows, readResponseRows } from './benchmark';
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

  // Rows are checked by hand first and by zod when that check refuses: together they must accept exactly the rows
  // of the documented shape, and return exactly its fields.
  const anyValue = fc.constantFrom<unknown>(0, 1.5, -3, 'k', '', null, true, [], ['a:b'], ['a:b', 7], [{}], [null], [{ x: null }], [[]], {}, { n: 1 });
  // Each field is absent, of the documented type (most of the time, so valid rows are common), or anything.
  const field = (name: string, typical: fc.Arbitrary<unknown>) =>
    fc.option(fc.tuple(fc.constant(name), fc.oneof({ arbitrary: typical, weight: 4 }, anyValue)), { nil: undefined, freq: 8 });
  const ids = fc.array(fc.constantFrom('a:b', 'c:d'), { maxLength: 2 });
  const kwargs = fc.array(fc.constantFrom<unknown>(null, {}, { N: null, x: 'y' }), { maxLength: 2 });
  const rows = fc
    .tuple(field('key', fc.constantFrom(1, 'k')), field('prompt', fc.string()), field('instruction_id_list', ids), field('kwargs', kwargs), field('response', fc.string()), field('extra', anyValue))
    .map((fields) => Object.fromEntries(fields.filter((f): f is [string, unknown] => f !== undefined)));
  const isKey = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number';
  const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
  const attempt = <T>(f: () => T): T | 'refused' => {
    try {
      return f();
    } catch {
      return 'refused';
    }
  };

  it('accepts a prompt row exactly when its four fields have the documented types, and keeps only those', () => {
    fc.assert(
      fc.property(rows, (row) => {
        const { key, prompt, instruction_id_list: ids, kwargs } = row as Record<string, unknown>;
        const valid = isKey(key) && typeof prompt === 'string' && Array.isArray(ids) && ids.every((x) => typeof x === 'string') &&
          Array.isArray(kwargs) && kwargs.every((k) => k === null || isObject(k)) && ids.length === kwargs.length;
        expect(attempt(() => parsePromptRow(row))).toEqual(valid ? { key, prompt, instruction_id_list: ids, kwargs } : 'refused');
      }),
      { numRuns: 3000, seed: 4 },
    );
  });

  it('accepts a response row exactly when prompt and response are strings and a key, if any, is a number or string', () => {
    fc.assert(
      fc.property(rows, (row) => {
        const { prompt, response, key } = row as Record<string, unknown>;
        const valid = typeof prompt === 'string' && typeof response === 'string' && (key === undefined || isKey(key));
        expect(attempt(() => parseResponseRow(row))).toEqual(valid ? { prompt, response, ...(key === undefined ? {} : { key }) } : 'refused');
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});
