import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialJsonl, officialJsonlFiles, pyJsonDumps } from './official-format';

// Python's ensure_ascii rule written out unit by unit: ' '..'~' as is (but " and \\), the short escapes, else \uXXXX.
function pyDumpStringByScan(s: string): string {
  const short: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
  let out = '"';
  for (const ch of s.split('')) {
    const c = ch.charCodeAt(0);
    out += short[ch] ?? (c >= 0x20 && c <= 0x7e ? ch : '\\u' + c.toString(16).padStart(4, '0'));
  }
  return out + '"';
}

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

  it('escapes every UTF-16 unit as the scan does (lone surrogates, controls, DEL, astral, ASCII)', () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff }));
    const text = fc.array(unit, { maxLength: 64 }).map((units) => String.fromCharCode(...units));
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (s) => pyJsonDumps(s) === pyDumpStringByScan(s)), { numRuns: 1000 });
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

describe('officialJsonlFiles', () => {
  it('writes both files as officialJsonl does, row for row', () => {
    const scored = [
      { key: 1, prompt: 'p "é"', response: 'r\n😀', instructionIds: ['a:b', 'c:d'], strict: [true, false] as const, loose: [true, 'unverifiable'] as const },
      { key: 2, prompt: 'q', response: null, instructionIds: ['a:b'], strict: [false] as const, loose: [false] as const },
    ];
    const files = officialJsonlFiles(scored);
    expect(files).toEqual({ strict: officialJsonl(scored, 'strict'), loose: officialJsonl(scored, 'loose') });
    expect(files.loose.split('\n')[0]).toBe(
      '{"follow_all_instructions": true, "follow_instruction_list": [true, true], "instruction_id_list": ["a:b", "c:d"], "prompt": "p \\"\\u00e9\\"", "response": "r\\n\\ud83d\\ude00"}',
    );
  });
});
