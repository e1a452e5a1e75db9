import { describe, expect, it } from 'vitest';
import { isEmoji } from './emoji';

// Expected values are emoji 2.2.0's `is_emoji` (checked with the Python package).
describe('isEmoji (emoji 2.2.0)', () => {
  it.each<[string, boolean]>([
    ['😀', true],
    ['❤', true],
    ['❤\ufe0f', true],
    ['#\ufe0f\u20e3', true],
    ['🏽', true],
    ['👍🏽', true],
    ['©', true],
    ['™', true],
    ['😀😀', false],
    ['a', false],
    ['1', false],
    ['', false],
  ])('%j → %s', (s, expected) => {
    expect(isEmoji(s)).toBe(expected);
  });
});
