import { describe, expect, it } from 'vitest';
import { posTag, wordTokenize } from './nltk';
import { normalizeWord } from './pos-tagger';

// Expected values from NLTK 3.8 `PerceptronTagger` with the averaged_perceptron_tagger_eng weights.
describe('posTag', () => {
  it.each([
    ['The quick brown fox jumps over the lazy dog.', 'DT JJ NN NN VBZ IN DT JJ NN .'],
    ["John's big idea isn't all that bad.", 'NNP POS JJ NN VBZ RB PDT DT JJ .'],
    ['In 1990, 25 well-known people met -5 times.', 'IN CD , CD JJ NNS VBD JJ NNS .'],
    ['I saw ²³ and 𝟙𝟚𝟛𝟜 items, ۱۲۳۴ too.', 'PRP VBD CD CC CD NNS , CD RB .'],
  ])('%s', (text, tags) => {
    const tokens = wordTokenize(text);
    const tagged = posTag(tokens);
    expect(tagged.map(([w]) => w)).toEqual(tokens);
    expect(tagged.map(([, t]) => t).join(' ')).toBe(tags);
  });

  it('tags an empty list as empty', () => {
    expect(posTag([])).toEqual([]);
  });
});

describe('normalizeWord (PerceptronTagger.normalize)', () => {
  it.each([
    ['Hello', 'hello'],
    ['well-known', '!HYPHEN'],
    ['-x', '-x'],
    ['1990', '!YEAR'],
    ['199', '!DIGITS'],
    // Python str.isdigit accepts superscripts and other Numeric_Type=Digit characters.
    ['²³⁴⁵', '!YEAR'],
    // Four code points (eight UTF-16 units): still a year.
    ['𝟙𝟚𝟛𝟜', '!YEAR'],
    ['3rd', '!DIGITS'],
    ['', ''],
    ['ΣΑΣ', 'σας'],
  ])('%j → %j', (word, normalized) => {
    expect(normalizeWord(word)).toBe(normalized);
  });
});
