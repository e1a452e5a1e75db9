import { noKwargs } from '../kwargs';
import { ifevalConstraint } from './schemas';

/** punctuation:no_comma: no ASCII comma (full-width `，` and `、` are allowed, as upstream). */
export const noComma = ifevalConstraint({
  id: 'punctuation:no_comma',
  kwargs: noKwargs,
  describe: () => 'In your entire response, refrain from the use of any commas.',
  sampleKwargs: () => ({}),
  check: (response) => !response.includes(','),
});
