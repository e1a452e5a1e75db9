/** IFTrain counting constraints: paragraph/sentence/word composition, unique words, keyword increments. */
import { z } from 'zod';
import { splitIntoSentences, wordTokenize } from '../nlp/nltk';
import { PY_WHITESPACE, pyStrip } from '../nlp/pytext';
import { sampleKeywords } from '../word-pool';
import { noKwargs } from '../kwargs';
import { compileKwargPattern, countMatches } from '../ifeval/kwarg-regex';
import { STARS_DIVIDER } from '../ifeval/number-paragraphs';
import { iftrainConstraint, isWordToken, nonZeroInt, regexText } from './common';

interface Composition {
  n_sent: number;
  n_words: number;
}

/**
 * Upstream: split on `***` (the instruction says `* * *`), and every piece, even an empty first or last one, must
 * hold n_sent regex sentences of n_words word_tokenize tokens, punctuation tokens included.
 */
function checkCountingComposition(response: string, k: Composition): boolean {
  const pieces = response.split(STARS_DIVIDER);
  let n = pieces.length;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (pyStrip(piece) === '') {
      if (i === 0 || i === pieces.length - 1) n--;
      else return false;
    }
    if (!sentencesFit(piece, k, (t) => t)) return false;
  }
  return n === 3;
}

function sentencesFit(paragraph: string, k: Composition, keep: (tokens: string[]) => string[]): boolean {
  const sentences = splitIntoSentences(paragraph);
  return sentences.length === k.n_sent && sentences.every((s) => keep(wordTokenize(s)).length === k.n_words);
}

const WS = `[${[...PY_WHITESPACE].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('')}]`;
/** `***` or the `* * *` the instruction names (single spaces or tabs between the stars). */
const EITHER_DIVIDER = new RegExp(`${WS}?\\*[ \\t]?\\*[ \\t]?\\*${WS}?`, 'u');

/** Corrected: either divider, empty edge pieces skipped, and only tokens with a letter or digit count as words. */
function checkCountingCompositionCorrected(response: string, k: Composition): boolean {
  const pieces = response.split(EITHER_DIVIDER);
  let n = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (pyStrip(piece) === '') {
      if (i === 0 || i === pieces.length - 1) continue;
      return false;
    }
    if (!sentencesFit(piece, k, (t) => t.filter(isWordToken))) return false;
    n++;
  }
  return n === 3;
}

export const countingComposition = iftrainConstraint({
  id: 'count:counting_composition',
  // 0 is a random draw upstream; a negative count is kept and never met.
  kwargs: z.object({ n_sent: nonZeroInt, n_words: nonZeroInt }),
  describe: (k) =>
    `Write 3 paragraphs, delimited by the markdown divider: * * *, with exactly ${k.n_sent} sentences each, with exactly ${k.n_words} words in each sentence.`,
  sampleKwargs: (rng) => ({ n_sent: rng.int(2, 3), n_words: rng.int(2, 3) }),
  check: checkCountingComposition,
  checkCorrected: checkCountingCompositionCorrected,
});

export const countUnique = iftrainConstraint({
  id: 'count:count_unique',
  kwargs: noKwargs,
  describe: () => 'Only use unique words in your response, no word should be repeated!',
  sampleKwargs: () => ({}),
  // Upstream counts punctuation tokens too, so any two sentences ending in '.' fail.
  check: (response) => {
    const words = wordTokenize(response);
    return new Set(words).size === words.length;
  },
  checkCorrected: (response) => {
    const words = wordTokenize(response).filter(isWordToken);
    return new Set(words).size === words.length;
  },
});

const countCi = (keyword: string, text: string): number => countMatches(compileKwargPattern(keyword, { ignoreCase: true }), text);

// Upstream replaces an empty keyword by generate_keywords' list (not its first word), and re.findall then raises TypeError.
const incrementKeyword = z
  .string({ error: 'must be a string' })
  .min(1, "is empty: upstream puts a list of keywords in its place and re.findall raises TypeError")
  .pipe(regexText);

export const countIncrementWord = iftrainConstraint({
  id: 'count:count_increment_word',
  kwargs: z.object({ keyword1: incrementKeyword, keyword2: incrementKeyword }),
  describe: (k) => `Include keyword ${k.keyword1} once in your response, keyword ${k.keyword2} twice in your response.`,
  sampleKwargs: (rng) => {
    const [keyword1, keyword2] = sampleKeywords(rng, 2);
    return { keyword1: keyword1!, keyword2: keyword2! };
  },
  check: (response, k) => countCi(k.keyword1, response) === 1 && countCi(k.keyword2, response) === 2,
});
