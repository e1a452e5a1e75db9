import type { Constraint } from '../define';
import { conjunctions, keywordsMultiple, numbers, personNames, pronouns, punctuation, uniqueWordCount, wordCountRange, wordsJapanese } from './count';
import { csvCity, csvQuotes, csvSpecialCharacter } from './custom-csv';
import {
  characterReverse,
  dateFormatList,
  europeanCapitalsSort,
  mcqCountLength,
  multiples,
  reverseNewline,
  sentenceAlphabet,
  wordReverse,
} from './custom';
import { lineIndent, newline, options, parentheses, quotes, quoteUnquote } from './format';
import { list, noWhitespace, outputTemplate, subBullets, thesis } from './format-markup';
import { emoji, noBulletsBullets, titleCase } from './format-sentences';
import { overlap, sentenceBalance, sentenceType, sentenceWords, stopWords } from './ratio';
import { repeatChange, repeatSimple, repeatSpan } from './repeat';
import { alliterationIncrement, increment, keyword } from './sentence';
import { alphabet, consonants, noConsecutive, oddEvenSyllables, palindrome, paragraphLastFirst, primeLengths, repeats, vowel } from './words';
import { keywordsSpecificPosition, lastFirst, startVerb, wordsPosition } from './words-tokens';

/** Every ifbench constraint id, in upstream registry order (ifbench/instructions_registry.py @db69a6f). */
export const IFBENCH_CONSTRAINTS: readonly Constraint[] = [
  wordCountRange,
  uniqueWordCount,
  stopWords,
  sentenceType,
  sentenceBalance,
  conjunctions,
  personNames,
  overlap,
  numbers,
  alphabet,
  vowel,
  consonants,
  alliterationIncrement,
  palindrome,
  punctuation,
  parentheses,
  quotes,
  primeLengths,
  options,
  newline,
  emoji,
  sentenceWords,
  wordsJapanese,
  startVerb,
  repeats,
  keyword,
  pronouns,
  oddEvenSyllables,
  lastFirst,
  paragraphLastFirst,
  increment,
  noConsecutive,
  lineIndent,
  quoteUnquote,
  list,
  thesis,
  subBullets,
  noBulletsBullets,
  multiples,
  mcqCountLength,
  reverseNewline,
  wordReverse,
  characterReverse,
  sentenceAlphabet,
  europeanCapitalsSort,
  csvCity,
  csvSpecialCharacter,
  csvQuotes,
  dateFormatList,
  keywordsMultiple,
  keywordsSpecificPosition,
  wordsPosition,
  repeatChange,
  repeatSimple,
  repeatSpan,
  titleCase,
  outputTemplate,
  noWhitespace,
];
