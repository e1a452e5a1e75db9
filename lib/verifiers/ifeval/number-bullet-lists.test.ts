import { describe, expect, it } from 'vitest';
import { countBullets, numberBulletLists } from './number-bullet-lists';

const check = (num_bullets: number, response: string) => numberBulletLists.prepare({ num_bullets })(response);

// Upstream instructions_test.py: test_number_bullet_lists.
const B1 = `
  A Markdown bullet point is a way of formatting text to create a list. To
  create a bullet point, start each line with an asterisk (*). For example:
  * This is a bullet point.
  *(no space required)Another bullet point.
  * (no newline ending required)Another bullet point.
  markdown bullet points are often used to create to-do lists or to list items
  in a step-by-step guide.`;
const B2 = `
  Check that inline asterisk (*), *, will not be counted. Only * that starts a
  bullet list will be counted:
    * This is a bullet point.
    * Another bullet point.
    . dot is not counted`;
const B4 = `
  Here are three markdown bullets:
  - I am a large language model, also known as a conversational AI.
  - I am trained on a massive amount of text data, and I am able to communicate.
  -I am still under development, but I am learning new things every day.`;
const B5 = `
  Paragraph 1
  ***
  Paragraph 2
  ***
  Paragraph 3
  * only one bullet point
  `;

describe('detectable_format:number_bullet_lists', () => {
  it.each([
    ['three * bullets', 3, B1, true],
    ['inline asterisks do not count', 2, B2, true],
    ['three - bullets', 3, B4, true],
    ['*** dividers are not bullets', 1, B5, true],
    ['**bold** lines are not bullets', 0, '**Title**\ntext', true],
    ['--- rules count as - bullets', 1, 'a\n---\nb', true],
    ['CRLF lines', 2, '* a\r\n* b\r\n', true],
    ['empty response', 0, '', true],
    ['whitespace-only response', 1, ' \n ', false],
  ])('%s', (_label, n, response, expected) => {
    expect(check(n, response)).toBe(expected);
  });

  it('follows MULTILINE findall: \\s* crosses blank lines, a bare * takes the next line', () => {
    expect(countBullets('\n\n* a\n**bold** x\n*\n*\nb')).toBe(2); // Python: ['\n\n* a', '*\n*']
    expect(countBullets('---\n - x\n-')).toBe(3);
    expect(countBullets('*\n\n* a')).toBe(2); // '*\n' (empty .*) then '* a' on the next line start
  });
});
