import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConstraint } from '../registry';
import { kwargPatternProblem } from './kwarg-regex';
import { pyRegexError } from './py-regex-syntax';

// [pattern, str(re.error) or null], produced by CPython 3.11.7 running re.compile on each pattern.
const ROWS = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'py-regex-errors.json'), 'utf8')) as Array<[string, string | null]>;

describe('which patterns CPython 3.11 compiles', () => {
  it('gives re.error exactly where CPython does, with its message', () => {
    expect(ROWS.map(([p]) => [p, pyRegexError(p) ?? null])).toEqual(ROWS);
  });
});

describe('refusals that say the truth', () => {
  it.each<[string, RegExp]>([
    // Python rejects these: upstream's re call raises.
    ['{,}', /not a valid Python pattern \(re\.error: nothing to repeat at position 0\); upstream's re call raises on it/],
    ['\\b*a', /re\.error: nothing to repeat at position 2/],
    ['a**', /re\.error: multiple repeat at position 2/],
    ['(?<=a+)b', /re\.error: look-behind requires fixed-width pattern/],
    // Python 3.11 accepts these; ifkit does not run them, and says which feature and why.
    ['c++', /uses the possessive repeat "\+\+" \(valid in Python 3\.11\+\)/],
    ['(?>ab)', /uses the atomic group "\(\?>…\)" \(Python 3\.11\+\)/],
    ['(?i:ab)', /uses scoped inline flags/],
    ['a{,}', /uses the unbounded repeat "\{,\}" \(Python reads a\{,\} as a\*\)/],
    ['x{,2}?', /lazy repeat in a pattern that can match the empty string, which ifkit does not run because Python's findall and JavaScript's count/],
  ])('%j', (pattern, message) => {
    expect(kwargPatternProblem(pattern)).toMatch(message);
    expect(() => getConstraint('keywords:word_once').prepare({ keyword: pattern })).toThrow(message);
  });
});
