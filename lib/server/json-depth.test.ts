import { describe, expect, it } from 'vitest';
import { JsonDepthGuard } from './json-depth';

const fits = (text: string, max: number, chunk = text.length || 1): boolean => {
  const guard = new JsonDepthGuard(max);
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += chunk) if (!guard.feed(bytes.subarray(i, i + chunk))) return false;
  return true;
};

describe('JsonDepthGuard', () => {
  it.each<[string, number, boolean]>([
    ['[[1]]', 2, true],
    ['[[[1]]]', 2, false],
    ['{"a": {"b": [1]}}', 3, true],
    ['{"a": {"b": [1]}}', 2, false],
    // Brackets inside strings, escaped quotes and backslashes do not count.
    ['["[[[[", "\\"[[[", "\\\\", [1]]', 2, true],
    ['["\\\\", "[[["]', 1, true],
    ['["\\\\", [[1]]]', 2, false],
    // Multi-byte UTF-8 (continuation bytes are never ASCII brackets).
    ['["😀[", "é{"]', 1, true],
    // Siblings do not add up.
    ['[[1], [2], [3], [[4]]]', 3, true],
  ])('%s with limit %i → %s', (text, max, expected) => {
    expect(fits(text, max)).toBe(expected);
    // The same answer whatever the chunking (state carries across chunks, even mid-escape).
    expect(fits(text, max, 1)).toBe(expected);
    expect(fits(text, max, 3)).toBe(expected);
  });

  it('stops at the first byte past the limit of a 10 MB bracket body', () => {
    const guard = new JsonDepthGuard(64);
    expect(guard.feed(Buffer.alloc(10 * 1024 * 1024, '['))).toBe(false);
  });
});
