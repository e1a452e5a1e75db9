import { describe, expect, it } from 'vitest';
import { endChecker } from './end-checker';

const check = (end_phrase: string, response: string) => endChecker.prepare({ end_phrase })(response);

describe('startend:end_checker', () => {
  // Upstream instructions_test.py: test_end_checker.
  it.each([
    ['ends with the phrase', '\n  Any more questions?\n  ', '\n  The answer is 7. Any more questions?\n  ', true],
    ['ends with the phrase (2)', '\n  This is the end.\n  ', '\n  At the end of this prompt I am required to say that this is the end.\n  ', true],
    ['phrase at the start only', '\n  This will fail.\n  ', '\n  This will fail. Paris is cool.\n  ', false],
    ['double quotes around the response are ignored', 'Peace!', '"Bye. PEACE!"', true],
    ['CRLF after the phrase', 'Peace!', 'Bye. Peace!\r\n', true],
    ['empty response', 'Peace!', '', false],
  ])('%s', (_label, phrase, response, expected) => {
    expect(check(phrase, response)).toBe(expected);
  });
});
