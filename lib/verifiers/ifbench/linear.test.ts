import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpuMsOf } from '../fuzz/run';
import { getConstraint } from '../registry';
import { dropBlankLinesLikeUpstream } from './format';
import { stripPunct } from './text';

/** Python's loop, transcribed step by step (quadratic: a splice(indexOf) per blank line). The linear version must agree. */
function dropBlankLinesReference(lines: readonly string[]): string[] {
  const out = lines.slice();
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    if (line.trim() === '') out.splice(out.indexOf(line), 1);
  }
  return out;
}

describe('dropBlankLinesLikeUpstream', () => {
  // Hand-run in CPython 3.11: `for line in lines: if line.strip() == '': lines.remove(line)`.
  it.each<[string[], string[]]>([
    [['', '', 'x', ''], ['x', '']],
    [['a', '', '', 'b'], ['a', '', 'b']],
    [['', ' ', '', ' ', 'c'], [' ', ' ', 'c']],
    [['', '', '', ''], ['', '']],
  ])('%j → %j', (lines, expected) => expect(dropBlankLinesLikeUpstream(lines)).toEqual(expected));

  it('agrees with the step-by-step transcription on random line lists', () => {
    const line = fc.constantFrom('', ' ', '  ', '\t', 'a', '  a', 'b');
    fc.assert(fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      expect(dropBlankLinesLikeUpstream(lines)).toEqual(dropBlankLinesReference(lines));
    }), { numRuns: 2000, seed: 3 });
  });
});

describe('stripPunct', () => {
  it.each([['!!a, b!! ', 'a, b'], ['...', ''], ['', ''], ['¡hola!', '¡hola'], [' \t x \t', '\t x \t']])('%j → %j', (s, expected) => {
    expect(stripPunct(s)).toBe(expected);
  });
});

// Inputs that were quadratic (issue 16): each must now take well under a second of CPU even on a loaded machine.
const QUADRATIC: Array<[string, unknown, string, string]> = [
  ['format:line_indent', {}, '400k newlines', '\n'.repeat(400_000)],
  ['format:options', { options: 'yes/no/maybe' }, '80k "!"', `maybe ${'!'.repeat(80_000)} yes`],
  ['words:paragraph_last_first', {}, '80k "!"', `start ${'!'.repeat(80_000)} end`],
  ['custom:reverse_newline', {}, '80k "."', `a ${'.'.repeat(80_000)} b`],
  ['count:conjunctions', { small_n: 2 }, '40k "["', 'and ' + '['.repeat(40_000) + ' or'],
  ['format:options', { options: 'yes/no/maybe' }, '2 MB of words and punctuation', 'Yes, maybe! No... '.repeat(116_000)],
  ['words:alphabet', {}, '2 MB of words and punctuation', 'Apple, banana! Cherry... '.repeat(84_000)],
];

describe('linear time on the inputs that used to be quadratic', () => {
  it.each(QUADRATIC)('%s on %s (was seconds to minutes)', (id, kwargs, _label, text) => {
    const check = getConstraint(id as string).prepare(kwargs);
    const ms = cpuMsOf(() => check(text));
    expect(ms).toBeLessThan(1000);
  });
});
