import { pyIsLower } from '../nlp/pytext';
import { detectedAs } from './response-language';
import { noKwargs } from '../kwargs';
import { ifevalConstraint } from './schemas';

/** change_case:english_lowercase: Python `islower()` and langdetect says English (undetectable counts, as upstream). */
export const englishLowercase = ifevalConstraint({
  id: 'change_case:english_lowercase',
  kwargs: noKwargs,
  describe: () => 'Your entire response should be in English, and in all lowercase letters. No capital letters are allowed.',
  sampleKwargs: () => ({}),
  check: (response) => (pyIsLower(response) ? detectedAs(response, 'en') : false),
});
