import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { posTag, wordTokenize } from './nltk';
import { normalizeWord, perceptronTag } from './pos-tagger';
import { loadPerceptronModel } from './pos-tagger-model';

function tinyModel(weights: object, classes: string[], tagdict: object = {}): ReturnType<typeof loadPerceptronModel> {
  const dir = mkdtempSync(join(tmpdir(), 'ifkit-tagger-'));
  writeFileSync(join(dir, 'm.weights.json'), JSON.stringify(weights));
  writeFileSync(join(dir, 'm.classes.json'), JSON.stringify(classes));
  writeFileSync(join(dir, 'm.tagdict.json'), JSON.stringify(tagdict));
  try {
    return loadPerceptronModel(dir, 'm');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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

describe('perceptronTag on a hand-made model', () => {
  // NLTK 3.8: max(classes, key=lambda c: (score[c], c)), so a tie goes to the greater tag name whatever
  // the order of the classes, and classes without weights score 0.
  it('breaks ties by the greater tag name', () => {
    const model = tinyModel({ bias: { NN: 1.5, VB: 1.5 } }, ['VB', 'DT', 'NN']);
    expect(perceptronTag(['x'], model)).toEqual([['x', 'VB']]);
  });
  it('lets unweighted classes win at 0 when every weighted class is negative', () => {
    const model = tinyModel({ bias: { NN: -1 } }, ['NN', 'DT', 'CC']);
    expect(perceptronTag(['x'], model)).toEqual([['x', 'DT']]);
  });
  it('sums the features of the word and its context, and feeds the previous tag forward', () => {
    const model = tinyModel(
      { bias: { NN: 0.5 }, 'i word run': { VB: 1 }, 'i-1 tag NN': { DT: 2 }, 'i+1 word !DIGITS': { NN: 0.1 } },
      ['NN', 'VB', 'DT'],
      { The: 'DT' },
    );
    // "The": tagdict. "run": 0.5 NN vs 1 VB → VB. "dogs": bias NN 0.5, "i-1 tag VB" absent → NN.
    // "x": previous tag NN → DT 2.
    expect(perceptronTag(['The', 'run', 'dogs', 'x'], model).map(([, t]) => t)).toEqual(['DT', 'VB', 'NN', 'DT']);
  });
  it('names the file and the bad entry when the model is damaged', () => {
    expect(() => tinyModel({ bias: { XX: 1 } }, ['NN'])).toThrow(/m\.weights\.json.*"XX"/);
  });
});
