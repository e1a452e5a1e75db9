import { describe, expect, it } from 'vitest';
import { twoResponses } from './two-responses';

const check = (response: string) => twoResponses.prepare({})(response);

describe('combination:two_responses', () => {
  // Upstream instructions_test.py: test_two_responses.
  it.each([
    ['two different', '\n  This is response 1.\n  ******\n  This is response 2.\n  ', true],
    ['two identical', '\n  This is response 1.\n  ******\n  This is response 1.\n  ', false],
    ['three', '\n  This is response 1.\n  ******\n  This is response 2.\n  ******\n  This is response 3.\n  ', false],
    ['blank piece between separators', '\n  ******\n  Response 1.\n  ******\n  ******\n  Response 2.\n  ******\n  ', false],
    ['outer separators allowed', '\n  ******\n  Response 1\n  ******\n  Response 2\n  ******\n  ', true],
    ['identical after strip', 'A\n******\n A \r\n', false],
    ['seven stars leave a * in the second answer', 'A\n*******\nB', true],
    ['empty response', '', false],
  ])('%s', (_label, response, expected) => {
    expect(check(response)).toBe(expected);
  });
});
