import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyBoundedLiteral, pyContainsBounded } from './text';

describe('pyContainsBounded', () => {
  it('finds a name only as a whole word, by hand', () => {
    expect(pyContainsBounded('Emma, Emmanuel', 'Emma')).toBe(true);
    expect(pyContainsBounded('Emmanuel and Gemma', 'Emma')).toBe(false);
    expect(pyContainsBounded('x_Emma', 'Emma')).toBe(false); // _ is a word character
    expect(pyContainsBounded('éEmma', 'Emma')).toBe(false); // so is é (Python's \w is Unicode)
    expect(pyContainsBounded('😀Emma!', 'Emma')).toBe(true);
    expect(pyContainsBounded('EmmaEmma Emma', 'Emma')).toBe(true); // the third occurrence
    expect(pyContainsBounded('a-b', '-')).toBe(true); // around a non-word literal \b wants word characters
    expect(pyContainsBounded('a - b', '-')).toBe(false);
  });

  it('answers as the lookaround regex does, on random texts and literals', () => {
    const unit = fc.constantFrom('a', 'b', 'é', '_', '1', ' ', '-', '.', '😀', '\ud83d', '\ude00', '\u0301', '𝐀');
    const literal = fc.string({ unit, minLength: 1, maxLength: 3 });
    const text = fc.string({ unit, maxLength: 24 });
    fc.assert(
      fc.property(text, literal, (t, l) => pyContainsBounded(t, l) === new RegExp(pyBoundedLiteral(l), 'u').test(t)),
      { numRuns: 5000 },
    );
  });
});
