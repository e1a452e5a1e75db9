import { describe, expect, it } from 'vitest';
import { quotation } from './quotation';

const check = (response: string) => quotation.prepare({})(response);

describe('startend:quotation', () => {
  // Upstream instructions_test.py: test_quotation.
  it.each([
    ['wrapped', '\n  "This entire message is wrapped in double quotation marks."\n  ', true],
    ['text after the closing quote', '\n  "This message is wrapped in double quotation marks." But not everything.\n  ', false],
    ['a lone quote is too short', '"', false],
    ['two quotes suffice', '""', true],
    ['curly quotes are not ASCII quotes', '“hi”', false],
    ['CRLF around', '\r\n"hi"\r\n', true],
    ['empty response', '', false],
  ])('%s', (_label, response, expected) => {
    expect(check(response)).toBe(expected);
  });
});
