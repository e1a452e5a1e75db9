import { describe, expect, it } from 'vitest';
import { findTitles, title } from './title';

const check = (response: string) => title.prepare({})(response);

describe('detectable_format:title', () => {
  // Upstream instructions_test.py: test_title_checker.
  it.each([
    ['title first', '\n  <<Song of Joy>>\n  La la la. Happy song.\n  ', true],
    ['title at the end', '\n  Is it fine for title to be at the end?\n  <<This is the title>>\n  ', true],
    ['blank title', '\n  << >>\n  There is no title.\n  ', false],
    ['a title cannot span lines', '\n  <<This is not a title.\n  This is a paragraph.>>\n  ', false],
    ['<<<x>>> still has content', '<<<x>>>', true],
    ['CRLF after the title', '<<T>>\r\nbody', true],
    ['empty response', '', false],
  ])('%s', (_label, response, expected) => {
    expect(check(response)).toBe(expected);
  });

  it('is greedy within a line, like findall(r"<<[^\\n]+>>")', () => {
    expect(findTitles('x <<a>> and <<b>>\n<< >>')).toEqual(['<<a>> and <<b>>', '<< >>']);
    expect(findTitles('<<>>')).toEqual([]);
  });
});
