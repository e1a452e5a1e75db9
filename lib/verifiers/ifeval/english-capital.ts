import { pyIsUpper } from '../nlp/pytext';
import { detectedAs } from './response-language';
import { noKwargs } from '../kwargs';
import { ifevalConstraint } from './schemas';

/** change_case:english_capital: Python `isupper()` and langdetect says English (undetectable counts, as upstream). */
export const englishCapital = ifevalConstraint({
  id: 'change_case:english_capital',
  kwargs: noKwargs,
  describe: () => 'Your entire response should be in English, and in all capital letters.',
  sampleKwargs: () => ({}),
  check: (response) => (pyIsUpper(response) ? detectedAs(response, 'en') : false),
});
