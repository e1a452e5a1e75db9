import { describe, expect, it } from 'vitest';
import { multipleSections } from './multiple-sections';

const check = (section_spliter: string, num_sections: number, response: string) =>
  multipleSections.prepare({ section_spliter, num_sections })(response);

// Upstream instructions_test.py: test_section_checker.
const S1 = `
  Your response must have multiple sections. Mark the beginning of each section
  with "Section X", such as:
  Section 1
  [content of section 1]
  Section 2
  [content of section 2]`;
const S2 = 'SECTION 1\n  [content of section 1]\n  SECTION 2\n  [content of section 2]';

describe('detectable_format:multiple_sections', () => {
  it.each([
    ['two sections are not three', 'Section', 3, S1, false],
    ['two SECTIONs', 'SECTION', 2, S2, true],
    ['case-sensitive', 'Section', 1, 'SECTION 1', false],
    ['no space needed before the number', 'Section', 2, 'Section1 a Section2 b', true],
    ['a number is required', 'Section', 1, 'Section A', false],
    ['Unicode digits are \\d in Python', 'Day', 1, 'Day ٣', true],
    ['splitter is stripped', ' Day ', 1, 'Day 1', true],
    ['CRLF around markers', 'Section', 2, 'Section 1\r\na\r\nSection 2\r\nb', true],
    ['empty response', 'Section', 1, '', false],
  ])('%s', (_label, splitter, n, response, expected) => {
    expect(check(splitter, n, response)).toBe(expected);
  });

  it('describes like upstream', () => {
    expect(multipleSections.describe({ section_spliter: 'SECTION', num_sections: 2 })).toBe(
      'Your response must have 2 sections. Mark the beginning of each section with SECTION X, such as:\nSECTION 1\n[content of section 1]\nSECTION 2\n[content of section 2]',
    );
  });
});
