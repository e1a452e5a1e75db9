import { describe, expect, it } from 'vitest';
import { englishLowercase } from './english-lowercase';

const check = (response: string) => englishLowercase.prepare({})(response);

describe('change_case:english_lowercase', () => {
  // Upstream instructions_test.py: test_english_lowercase_checker.
  it.each([
    ['all lowercase, English', '\n  every letter is lowercase.\n  ', true],
    ['one capital', '\n  Almost every letter is lowercase.\n  ', false],
    ['lowercase Spanish is not English', 'hoy desayunamos en la cafetería de la universidad con mis amigos.', false],
    ['no cased character: islower() is false', '123 ...', false],
    ['empty response', '', false],
    ['CRLF lines', 'this is the first line.\r\nand this is the second line of the answer.\r\n', true],
  ])('%s', (_label, response, expected) => {
    expect(check(response)).toBe(expected);
  });
});
