import { describe, expect, it } from 'vitest';
import { repeatPrompt } from './repeat-prompt';

const check = (prompt_to_repeat: string, response: string) => repeatPrompt.prepare({ prompt_to_repeat })(response);

describe('combination:repeat_prompt', () => {
  // Upstream instructions_test.py: test_prompt_repeat_answer.
  it.each([
    ['repeated first', 'Write a CL description.', 'Write a CL description. Hi, Le and TJ, please\n  check this out. Thanks.\n  ', true],
    ['not first', 'Write a CL description.', 'Hi, Le and TJ. Write a CL description. Thanks.\n  ', false],
    ['case-insensitive, both stripped', '  Écrire un texte. ', '\r\nÉCRIRE UN TEXTE. Voilà.', true],
    ['empty response', 'Write.', '', false],
  ])('%s', (_label, prompt, response, expected) => {
    expect(check(prompt, response)).toBe(expected);
  });

  it('requires prompt_to_repeat, as upstream', () => {
    expect(() => check('', 'x')).toThrow(/kwargs\.prompt_to_repeat/);
  });
});
