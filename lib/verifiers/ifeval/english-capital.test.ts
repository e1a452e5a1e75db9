import { describe, expect, it } from 'vitest';
import { englishCapital } from './english-capital';

const check = (response: string) => englishCapital.prepare({})(response);

describe('change_case:english_capital', () => {
  // Upstream instructions_test.py: test_english_capital_checker.
  it.each([
    ['all capitals, English', '\n  THIS IS AN ENGLISH SENTENCE. EVERY LETTER IS CAPITALIZED!!! AMAZING.\n  ', true],
    ['title case', '\n  Every Word Is Capitalized.\n  ', false],
    ['capital German is not English', 'DAS IST EIN GANZ NORMALER DEUTSCHER SATZ ÜBER DAS WETTER UND DIE STADT.', false],
    ['no cased character: isupper() is false', '12345 !!!', false],
    ['empty response', '', false],
    ['CRLF lines', 'THIS IS THE FIRST LINE.\r\nAND THIS IS THE SECOND LINE OF THE ANSWER.\r\n', true],
  ])('%s', (_label, response, expected) => {
    expect(check(response)).toBe(expected);
  });
});
