import { noKwargs } from '../kwargs';
import { ifevalConstraint } from './schemas';
import { pyStrip } from '../nlp/pytext';

/** startend:quotation: the stripped response has 2+ characters and starts and ends with an ASCII `"`. */
export const quotation = ifevalConstraint({
  id: 'startend:quotation',
  kwargs: noKwargs,
  describe: () => 'Wrap your entire response with double quotation marks.',
  sampleKwargs: () => ({}),
  check: (response) => {
    const v = pyStrip(response);
    return v.length > 1 && v.startsWith('"') && v.endsWith('"');
  },
});
