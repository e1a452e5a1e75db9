import { describe, expect, it } from 'vitest';
import { createWindowScan, extractNgramRows, scanWindows } from './features';
import { profileFromArrays } from './profile-json';
import { buildProfileModel } from './profiles';

// A two-language toy model; n_words make every probability count / 10.
const model = buildProfileModel([
  profileFromArrays('xx', ['a', 'b', 'c', 'A', ' a', ' A', 'ab', 'b ', ' ab', 'ab '], [5, 4, 3, 2, 1, 1, 2, 1, 1, 1], [10, 10, 10]),
  profileFromArrays('yy', ['a', 'ab'], [1, 1], [10, 10, 10]),
]);

/** The n-grams Python's _extract_ngrams would list for `text` (already appended and cleaned). */
function collect(text: string): string[] {
  const cps = Int32Array.from(Array.from(text, (c) => c.codePointAt(0)!));
  const scan = scanWindows(cps, cps.length, model, createWindowScan(cps.length));
  const rows = new Int32Array(3 * cps.length);
  return Array.from(rows.subarray(0, extractNgramRows(model, scan, rows)), (r) => model.grams[r]!);
}

describe('n-gram extraction (NGram.add_char + Detector._extract_ngrams)', () => {
  it.each([
    ['1-, 2- and 3-grams ending at each character, shortest first', 'ab', ['a', ' a', 'b', 'ab', ' ab']],
    ['a space ends a word: its grams keep the space, the lone space is no gram', 'ab c', ['a', ' a', 'b', 'ab', ' ab', 'b ', 'ab ', 'c']],
    ['inside a word in capitals nothing is collected after the first letter', 'ABa', ['A', ' A', 'a']],
    ['digits normalise to a space and split words', 'a1b', ['a', ' a', 'b']],
    ['two normalised spaces in a row reset the window once', 'a..b', ['a', ' a', 'b']],
    ['an astral character is one window slot found in no profile', 'a😀b', ['a', ' a', 'b']],
    ['nothing at all for digits only', '12345', []],
  ])('%s', (_, text, expected) => {
    expect(collect(text)).toEqual(expected);
  });

  it('reports unigram hits as a lower bound on the features', () => {
    const cps = Int32Array.from([0x61, 0x42, 0x43, 0x20, 0x31]); // 'aBC 1': a counts, B/C are in no profile
    expect(scanWindows(cps, 5, model, createWindowScan(5)).unigramHits).toBe(1);
  });

  it('counts the slots that pass every rule but the lookup: an upper bound on the features', () => {
    // 'ab c': a -> 'a',' a'; b -> 3; the space -> 'b ','ab ' (no lone ' '); c -> 'c',' c'. 9 slots, 8 features.
    const cps = Int32Array.from([0x61, 0x62, 0x20, 0x63]);
    expect(scanWindows(cps, 4, model, createWindowScan(4)).candidateSlots).toBe(9);
    expect(collect('ab c')).toHaveLength(8);
  });
});

describe('buildProfileModel', () => {
  it('stores P(gram | lang) = count / n_words[len - 1] sparsely, languages sorted by name', () => {
    expect(model.langs).toEqual(['xx', 'yy']);
    const row = model.grams.indexOf('ab');
    const entries = [];
    for (let k = model.rowStart[row]!; k < model.rowStart[row + 1]!; k++) entries.push([model.langIndex[k], model.prob[k]]);
    expect(entries).toEqual([[0, 0.2], [1, 0.1]]);
  });
});
