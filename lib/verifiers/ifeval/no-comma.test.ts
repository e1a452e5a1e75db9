import { describe, expect, it } from 'vitest';
import { noComma } from './no-comma';

const check = (response: string) => noComma.prepare({})(response);

describe('punctuation:no_comma', () => {
  // Upstream instructions_test.py: test_comma.
  it.each([
    ['no comma', '\n  Every sentence is short. There is no need for a comma.\n  ', true],
    ['a comma', '\n  Since the start of time, people have always found a way to punctuate.\n  ', false],
    ['full-width and ideographic commas are not ASCII commas', '一，二、三', true],
    ['empty response', '', true],
    ['CRLF', 'a\r\nb', true],
  ])('%s', (_label, response, expected) => {
    expect(check(response)).toBe(expected);
  });
});
