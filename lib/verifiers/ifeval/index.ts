import type { Constraint } from '../define';
import { capitalWordFrequency } from './capital-word-frequency';
import { constrainedResponse } from './constrained-response';
import { endChecker } from './end-checker';
import { englishCapital } from './english-capital';
import { englishLowercase } from './english-lowercase';
import { forbiddenWords } from './forbidden-words';
import { jsonFormat } from './json-format';
import { keywordsExistence } from './keywords-existence';
import { keywordsFrequency } from './keywords-frequency';
import { letterFrequency } from './letter-frequency';
import { multipleSections } from './multiple-sections';
import { noComma } from './no-comma';
import { nthParagraphFirstWord } from './nth-paragraph-first-word';
import { numberBulletLists } from './number-bullet-lists';
import { numberHighlightedSections } from './number-highlighted-sections';
import { numberParagraphs } from './number-paragraphs';
import { numberPlaceholders } from './number-placeholders';
import { numberSentences } from './number-sentences';
import { numberWords } from './number-words';
import { postscript } from './postscript';
import { quotation } from './quotation';
import { repeatPrompt } from './repeat-prompt';
import { responseLanguage } from './response-language';
import { title } from './title';
import { twoResponses } from './two-responses';

/** Every ifeval constraint id, in upstream registry order (instructions_registry.INSTRUCTION_DICT). */
export const IFEVAL_CONSTRAINTS: readonly Constraint[] = [
  keywordsExistence,
  keywordsFrequency,
  forbiddenWords,
  letterFrequency,
  responseLanguage,
  numberSentences,
  numberParagraphs,
  numberWords,
  nthParagraphFirstWord,
  numberPlaceholders,
  postscript,
  numberBulletLists,
  constrainedResponse,
  numberHighlightedSections,
  multipleSections,
  jsonFormat,
  title,
  twoResponses,
  repeatPrompt,
  endChecker,
  capitalWordFrequency,
  englishCapital,
  englishLowercase,
  noComma,
  quotation,
];
