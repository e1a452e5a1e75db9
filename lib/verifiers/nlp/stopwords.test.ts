import { describe, expect, it } from 'vitest';
import { englishStopwords } from './nltk';

describe('englishStopwords', () => {
  it('holds the 198 words of the current nltk_data list (older releases had 179)', () => {
    const words = englishStopwords();
    expect(words.size).toBe(198);
    for (const w of ['i', 'the', "don't", 'mustn', "shouldn't", 'y', 'ourselves']) expect(words.has(w)).toBe(true);
    expect(words.has('The')).toBe(false);
  });
  it('is loaded once', () => {
    expect(englishStopwords()).toBe(englishStopwords());
  });
});
