import { describe, expect, it } from 'vitest';
import { appendText, dropLatinIfMinority } from './clean';

const cps = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0)!);
const append = (s: string, max?: number): string => {
  const buf = new Int32Array(20000);
  return String.fromCodePoint(...buf.subarray(0, appendText(s, buf, max)));
};
const drop = (s: string): string => {
  const buf = Int32Array.from(cps(s));
  return String.fromCodePoint(...buf.subarray(0, dropLatinIfMinority(buf, buf.length)));
};

describe('appendText (Detector.append)', () => {
  it.each([
    ['URLs become a space, then space runs collapse', 'see http://a.b/c?x=1 now', 'see now'],
    ['https too; the URL class stops at a comma', 'go https://x.org/p, ok', 'go , ok'],
    ['e-mail addresses become a space', 'mail me@x.org ok', 'mail ok'],
    ['only U+0020 runs collapse', 'a\u00a0\u00a0b\n\nc  d', 'a\u00a0\u00a0b\n\nc d'],
    ['a leading space run keeps one space', '   a', ' a'],
    ['Vietnamese letter + combining acute is composed', 'a\u0301', '\u00e1'],
    ['a mark after a non-Vietnamese letter stays', 'x\u0301', 'x\u0301'],
  ])('%s', (_, input, expected) => {
    expect(append(input)).toBe(expected);
  });

  it('reads at most maxLength input code points, counting the collapsed spaces', () => {
    expect(append('a  bc', 3)).toBe('a ');
    expect(append('😀ab', 2)).toBe('😀a'); // an astral character is one code point, as in Python
  });

  it('keeps the first 10000 code points by default', () => {
    expect(append('ab'.repeat(6000)).length).toBe(10000);
  });
});

describe('dropLatinIfMinority (Detector.cleaning_text)', () => {
  it.each([
    ['Latin letters fewer than half the non-Latin ones are dropped', 'Привет hi', 'Привет '],
    ['enough Latin letters stay', 'Привет hello', 'Привет hello'],
    ["'A'..'z' includes [ \\ ] ^ _ and the backtick", 'Привет_', 'Привет'],
    ['characters below U+0300 count as neither (é)', 'éééé a', 'éééé a'],
    ['Latin Extended Additional counts as non-Latin (upstream compares a number with a name)', 'ḀḀḀ a', 'ḀḀḀ '],
    ['a tie keeps the Latin letters (latin * 2 < nonLatin is strict)', 'ab Прив', 'ab Прив'],
  ])('%s', (_, input, expected) => {
    expect(drop(input)).toBe(expected);
  });
});
