import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlError } from '../data/jsonl';
import { readPrompts } from './input';

const dir = mkdtempSync(join(tmpdir(), 'ifkit-eval-input-'));
const file = (name: string, lines: unknown[]): string => {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
};
const ROW = { key: 1, prompt: 'p', instruction_id_list: ['punctuation:no_comma'], kwargs: [{}] };

describe('readPrompts', () => {
  it('accepts IFEval rows and IFBench conventions (string keys, null kwargs)', () => {
    const rows = readPrompts(
      file('ok.jsonl', [ROW, { key: 'b2', prompt: 'q', instruction_id_list: ['length_constraints:number_words'], kwargs: [{ num_words: 2, relation: 'at least', keywords: null }] }]),
    );
    expect(rows.map((r) => r.key)).toEqual([1, 'b2']);
    expect(rows[1]!.checks[0]!('one two')).toBe(true);
  });

  it('names file:line for malformed JSON, an unknown id (with the nearest ids) and bad kwargs (with the field)', () => {
    const bad = (name: string, row: unknown): string => {
      try {
        readPrompts(file(name, [ROW, row]));
      } catch (e) {
        expect(e).toBeInstanceOf(JsonlError);
        return (e as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(bad('json.jsonl', '{"key": 1,')).toMatch(/json\.jsonl:2: invalid JSON/);
    expect(bad('id.jsonl', { ...ROW, instruction_id_list: ['punctuation:no_comas'] })).toMatch(
      /id\.jsonl:2: unknown instruction id "punctuation:no_comas"; nearest registered ids: punctuation:no_comma/,
    );
    expect(bad('kw.jsonl', { ...ROW, instruction_id_list: ['length_constraints:number_words'], kwargs: [{ num_words: -3, relation: 'at least' }] })).toMatch(
      /kw\.jsonl:2: constraint length_constraints:number_words: kwargs\.num_words: must be >= 0 \(got -3\)/,
    );
    expect(bad('len.jsonl', { ...ROW, kwargs: [] })).toMatch(/len\.jsonl:2: kwargs and instruction_id_list must have the same length/);
    expect(bad('key.jsonl', { ...ROW, key: null })).toMatch(/key\.jsonl:2: key/);
  });
});
