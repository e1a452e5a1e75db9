import { describe, expect, it } from 'vitest';
import { postscript } from './postscript';

const check = (postscript_marker: string, response: string) => postscript.prepare({ postscript_marker })(response);

// Upstream instructions_test.py: test_postscript_checker.
const MSG_1 = '\n  I will do my best to follow your instructions.\n\n  P.S. I hope this is what you were looking for.';
const MSG_2 = '\n  Sure, here is my response.\n\n  P.P.S. I am always happy to answer.\n\n  Do you have any other questions for me?';
const MSG_3 = '\n  The radius of a unit circle is 1. (not starting a new line) P.S. I hope you enjoyed\n  my joke!';
const MSG_4 = '\n  If the length of a square is one, the area is one.\n  p.p.s what if the entire response was lower case letters?\n  ';
const MSG_5 = '\n  The mysteries of space and time are mysterious.\n  P. S. Sometimes there are even spaces between P. and S..\n  ';

describe('detectable_content:postscript', () => {
  it.each([
    ['P.S.', 'P.S.', MSG_1, true],
    ['PS: is not P.S.', 'PS:', MSG_1, false],
    ['P.P.S', 'P.P.S', MSG_2, true],
    ['mid-line P.S.', 'P.S.', MSG_3, true],
    ['lowercase p.p.s', 'P.P.S', MSG_4, true],
    ['"P. S." with a space', 'P.S.', MSG_5, true],
    ['a custom marker is a lowercased regex', 'Note:', 'x\nNOTE: bye', true],
    ['marker absent', 'P.S.', 'no postscript', false],
    ['empty response', 'P.S.', '', false],
    ['CRLF before the marker', 'P.S.', 'hi\r\nP.S. bye\r\n', true],
  ])('%s', (_label, marker, response, expected) => {
    expect(check(marker, response)).toBe(expected);
  });

  it('rejects a blank marker', () => {
    expect(() => check('  ', 'x')).toThrow(/kwargs\.postscript_marker/);
  });
});
