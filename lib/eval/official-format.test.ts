import { describe, expect, it } from 'vitest';
import { officialJsonl, pyJsonDumps } from './official-format';

describe('pyJsonDumps (Python json.dumps defaults)', () => {
  it.each([
    ['separators', { a: [1, 2], b: {} }, '{"a": [1, 2], "b": {}}'],
    ['booleans and null', [true, false, null], '[true, false, null]'],
    ['ensure_ascii escapes non-ASCII per UTF-16 unit', 'é😀', '"\\u00e9\\ud83d\\ude00"'],
    ['short escapes', '"\\\n\r\t\b\f', '"\\"\\\\\\n\\r\\t\\b\\f"'],
    ['other control characters and DEL', '\u0001\u007f', '"\\u0001\\u007f"'],
    ['slash is not escaped', 'a/b', '"a/b"'],
    ['empty list', [], '[]'],
  ])('%s', (_label, value, expected) => {
    expect(pyJsonDumps(value)).toBe(expected);
  });
});

describe('officialJsonl', () => {
  it('writes the attributes in dir() order with unverifiable as true and a missing response as ""', () => {
    const text = officialJsonl(
      [
        { key: 1, prompt: 'p', response: 'r', instructionIds: ['a:b', 'c:d'], strict: [true, 'unverifiable'], loose: [true, true] },
        { key: 2, prompt: 'q', response: null, instructionIds: ['a:b'], strict: [false], loose: [false] },
      ],
      'strict',
    );
    expect(text).toBe(
      '{"follow_all_instructions": true, "follow_instruction_list": [true, true], "instruction_id_list": ["a:b", "c:d"], "prompt": "p", "response": "r"}\n' +
        '{"follow_all_instructions": false, "follow_instruction_list": [false], "instruction_id_list": ["a:b"], "prompt": "q", "response": ""}\n',
    );
  });
});
