import { describe, expect, it } from 'vitest';
import { nthParagraphFirstWord } from './nth-paragraph-first-word';

const check = (num_paragraphs: number, nth_paragraph: number, first_word: string, response: string) =>
  nthParagraphFirstWord.prepare({ num_paragraphs, nth_paragraph, first_word })(response);

// Upstream instructions_test.py: test_paragraph_first_word.
const T1 = '\n  paragraph 1\n\n  I paragraph 2\n\n  paragraph 3';
const T2 = '\n  paragraph 1\n\n  I paragraph 2';
const T3 = '\n  paragraph 1\n\n  fail paragraph 2\n\n  paragraph 3';
const LONG = (third: string): string =>
  `\n  Wow this is a very long response.\n\n  I can't believe there is more than three paragraphs.\n\n  ${third}\n\n  I can't believe it but I guess I am living proof.\n\n  Haha, you go that right.`;

describe('length_constraints:nth_paragraph_first_word', () => {
  it.each([
    ['paragraph 2 starts with I', 3, 2, 'I', T1, true],
    ['only two paragraphs', 3, 2, 'I', T2, false],
    ['wrong first word', 3, 2, 'I', T3, false],
    ['fifth paragraph, punctuation cut: "Haha,"', 5, 5, 'haha', LONG('Really more than three? No way!'), true],
    ['leading quote stripped, cut at "?"', 5, 3, 'Really', LONG('"Really?! more than three? No way!"'), true],
    ['cut at "!" inside the word', 5, 3, 'Really', LONG('Rea!lly more than three? No way!'), false],
    ['CRLF blank lines are not "\\n\\n"', 2, 2, 'b', 'a\r\n\r\nb', false],
    ['Unicode first word, lowercased per character', 2, 2, 'école', 'x\n\nÉcole est finie.', true],
    ['empty response', 1, 1, 'a', '', false],
    ['the index counts blank pieces, the total does not', 2, 2, 'b', '\n\na\n\nb', false],
  ])('%s', (_label, num, nth, word, response, expected) => {
    expect(check(num, nth, word, response)).toBe(expected);
  });

  it('rejects nth_paragraph beyond num_paragraphs', () => {
    expect(() => check(2, 3, 'a', 'x')).toThrow(/kwargs\.nth_paragraph: must be <= num_paragraphs/);
  });

  it('describes like upstream, with a literal \\n\\n', () => {
    expect(nthParagraphFirstWord.describe({ num_paragraphs: 2, nth_paragraph: 1, first_word: 'Elm' })).toBe(
      "There should be 2 paragraphs. Paragraphs and only paragraphs are separated with each other by two new lines as if it was '\\n\\n' in python. Paragraph 1 must start with word elm.",
    );
  });
});
