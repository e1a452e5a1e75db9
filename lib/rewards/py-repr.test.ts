import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parsePyLiteral } from './py-literal';
import { pyRepr } from './py-repr';

const VALUES: unknown[] = [
  [{ instruction_id: ['length_constraints:number_paragraphs', 'keywords:word_once'], kwargs: [{ num_paragraphs: 4 }, { keyword: 'flight' }] }],
  [{ instruction_id: ['punctuation:no_comma'], kwargs: [null] }],
  { s: "it's", d: 'say "hi"', both: `it's "x"`, esc: 'a\\b\nc\td\re', ctl: '\x00\x7f\u200b\u2028', wide: 'é東京😀', t: true, f: false, n: -3, x: 0.25 },
];

describe('pyRepr', () => {
  it('writes open-instruct labels as upstream stores them', () => {
    expect(pyRepr(VALUES[0])).toBe("[{'instruction_id': ['length_constraints:number_paragraphs', 'keywords:word_once'], 'kwargs': [{'num_paragraphs': 4}, {'keyword': 'flight'}]}]");
    expect(pyRepr(VALUES[1])).toBe("[{'instruction_id': ['punctuation:no_comma'], 'kwargs': [None]}]");
  });

  it('picks quotes as Python does', () => {
    expect(pyRepr({ a: "it's", b: `it's "x"` })).toBe(`{'a': "it's", 'b': 'it\\'s "x"'}`);
  });

  it.each(VALUES)('reads back with our literal parser: %#', (v) => {
    expect(parsePyLiteral(pyRepr(v))).toEqual(v);
  });

  it('equals Python 3 repr(ast.literal_eval(text)) byte for byte', () => {
    const texts = VALUES.map(pyRepr);
    const script = 'import ast, json, sys\nfor t in json.load(sys.stdin): print(repr(ast.literal_eval(t)))';
    const out = execFileSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8' });
    expect(out.split('\n').slice(0, -1)).toEqual(texts);
  });
});
