import type { Constraint } from '../define';
import { copy, copyingMultiple, copyingSimple, copySpanIdx, repeatPhrase } from './copy';
import { countingComposition, countIncrementWord, countUnique } from './count';
import { firstWordAnswer, firstWordSent, lastWordAnswer, lastWordSent } from './first-last-word';
import { bigramWrapping, sentenceHyphens, squareBrackets } from './format';
import {
  excludeWordHarder,
  keywordSpecificPosition,
  noAdjacentConsecutive,
  palindrome,
  startEnd,
  wordCountDifferentNumbers,
  wordOnce,
} from './keywords';
import { paragraphs, paragraphs2 } from './paragraphs';
import { letterCounting, letterCounting2, lowercaseCounting, punctuationDot, punctuationExclamation } from './punctuation-letters';

/**
 * The 29 ids open-instruct's IFEvalG adds to IFEval's 25, in upstream registry order. The IFTrain set is these plus
 * the IFEval entries (which list suite 'iftrain' themselves).
 */
export const IFTRAIN_CONSTRAINTS: readonly Constraint[] = [
  repeatPhrase,
  copy,
  copySpanIdx,
  sentenceHyphens,
  noAdjacentConsecutive,
  squareBrackets,
  wordOnce,
  wordCountDifferentNumbers,
  excludeWordHarder,
  paragraphs,
  paragraphs2,
  firstWordSent,
  firstWordAnswer,
  lastWordSent,
  lastWordAnswer,
  bigramWrapping,
  copyingSimple,
  copyingMultiple,
  punctuationDot,
  punctuationExclamation,
  lowercaseCounting,
  letterCounting,
  letterCounting2,
  countingComposition,
  countUnique,
  countIncrementWord,
  palindrome,
  keywordSpecificPosition,
  startEnd,
];
