import { describe, expect, it } from 'vitest';
import { constrainedResponse } from './constrained-response';

const check = (response: string) => constrainedResponse.prepare({})(response);

describe('detectable_format:constrained_response', () => {
  // Upstream instructions_test.py: test_constrained_response (the three true cases).
  it.each([
    ['surrounded by newlines', '\n My answer is no.\n', true],
    ['trailing spaces', 'My answer is no.   ', true],
    ['followed by more text', '\n  My answer is no. I am still under development.', true],
    ['maybe', 'Well. My answer is maybe.', true],
    ['case-sensitive', 'my answer is yes.', false],
    ['the period is required', 'My answer is yes', false],
    ['empty response', '', false],
    ['CRLF around', '\r\nMy answer is yes.\r\n', true],
  ])('%s', (_label, response, expected) => {
    expect(check(response)).toBe(expected);
  });

  it('describes the options as a Python tuple and rejects kwargs', () => {
    expect(constrainedResponse.describe({})).toBe(
      "Answer with one of the following options: ('My answer is yes.', 'My answer is no.', 'My answer is maybe.')",
    );
    expect(() => constrainedResponse.prepare({ extra: 1 })).toThrow(/constrained_response/);
  });
});
