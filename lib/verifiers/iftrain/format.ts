/** IFTrain format constraints: hyphen-joined sentences, bracketed words, bigrams in double angle brackets. */
import { splitIntoSentences } from '../nlp/nltk';
import { pySplit, pyStrip } from '../nlp/pytext';
import { noKwargs } from '../kwargs';
import { iftrainConstraint } from './common';

/**
 * Upstream pairs the `-`-separated pieces with the regex sentences of the text with `-` read as a space, stopping at
 * the shorter list (Python zip), so a text without any hyphen passes when it is one sentence.
 */
function checkSentenceHyphens(response: string): boolean {
  const gold = splitIntoSentences(response.replaceAll('-', ' '));
  const pieces = response.split('-');
  const n = Math.min(gold.length, pieces.length);
  for (let i = 0; i < n; i++) {
    const piece = pieces[i]!;
    if (pyStrip(piece) !== piece || piece !== gold[i]) return false;
  }
  return true;
}

export const sentenceHyphens = iftrainConstraint({
  id: 'detectable_format:sentence_hyphens',
  kwargs: noKwargs,
  describe: () => 'All sentences must be connected using hyphens, with no spaces between them.',
  sampleKwargs: () => ({}),
  check: checkSentenceHyphens,
});

export const squareBrackets = iftrainConstraint({
  id: 'detectable_format:square_brackets',
  kwargs: noKwargs,
  describe: () => 'Enclose every word in your response within square brackets.',
  sampleKwargs: () => ({}),
  check: (response) => pySplit(response).every((w) => w.startsWith('[') && w.endsWith(']')),
});

/** Tokens (0,1), (2,3), …: the first opens with `<<`, the second closes with `>>`; an odd last token is free. */
function checkBigramWrapping(response: string): boolean {
  const words = pySplit(response);
  for (let i = 0; i + 1 < words.length; i += 2) {
    if (!(words[i]!.startsWith('<<') && words[i + 1]!.endsWith('>>'))) return false;
  }
  return true;
}

export const bigramWrapping = iftrainConstraint({
  id: 'detectable_format:bigram_wrapping',
  kwargs: noKwargs,
  describe: () =>
    'Wrap every word bigram in double angular brackets, such as <<I am>> <<at home>> <<with my>> <<cute dog>>.',
  sampleKwargs: () => ({}),
  check: checkBigramWrapping,
});
