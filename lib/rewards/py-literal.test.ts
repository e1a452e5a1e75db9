import { describe, expect, it } from 'vitest';
import { parsePyLiteral, PyLiteralError } from './py-literal';

// [Python repr (str(obj) in CPython 3.11), the same object as JSON]
const REPRS: Array<[string, unknown]> = [
  ["[{'instruction_id': ['punctuation:no_comma', 'keywords:word_once'], 'kwargs': [None, {'keyword': 'it\\'s \"quoted\"'}]}]", [{"instruction_id": ["punctuation:no_comma", "keywords:word_once"], "kwargs": [null, {"keyword": "it's \"quoted\""}]}]],
  ["['{\"instruction_id\": [\"count:count_unique\"], \"kwargs\": [{}]}']", ["{\"instruction_id\": [\"count:count_unique\"], \"kwargs\": [{}]}"]],
  ["[{'a': 1.5, 'b': -2, 'c': True, 'd': (1, 2), 'e': \"tab\\there\\nnew 'q' \\\\ back\", 'f': 'é東😀\\x07\\x00'}]", [{"a": 1.5, "b": -2, "c": true, "d": [1, 2], "e": "tab\there\nnew 'q' \\ back", "f": "é東😀\u0007\u0000"}]],
  ["[{'instruction_id': [], 'kwargs': []}]", [{"instruction_id": [], "kwargs": []}]],
  ["['line1\\nline2', 'both \\' and \"', 1e-05, 100000000000000000000]", ["line1\nline2", "both ' and \"", 1e-05, 100000000000000000000]],
];

describe('parsePyLiteral', () => {
  it.each(REPRS)('reads %s', (src, expected) => {
    expect(parsePyLiteral(src)).toEqual(expected);
  });

  it('reads sets, raw strings, triple quotes, octal escapes and adjacent literals', () => {
    expect(parsePyLiteral("{1, 2}")).toEqual([1, 2]);
    expect(parsePyLiteral("r'a\\nb'")).toBe('a\\nb');
    expect(parsePyLiteral("'''x\ny'''")).toBe('x\ny');
    expect(parsePyLiteral("'\\101' 'b'")).toBe('Ab');
    expect(parsePyLiteral("[1, 2,]  # comment")).toEqual([1, 2]);
  });

  it('rejects what literal_eval rejects, with the offset', () => {
    expect(() => parsePyLiteral('[null]')).toThrow(PyLiteralError);
    expect(() => parsePyLiteral("{'a': 1")).toThrow(/offset 7/);
    expect(() => parsePyLiteral('[1] 2')).toThrow(/trailing text/);
    expect(() => parsePyLiteral("'abc")).toThrow(/unterminated string/);
  });
});
