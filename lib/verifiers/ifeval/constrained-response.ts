import { pyReprTuple } from './pyrepr';
import { noKwargs } from '../kwargs';
import { ifevalConstraint } from './schemas';
import { pyStrip } from '../nlp/pytext';

const OPTIONS = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'] as const;

/** detectable_format:constrained_response: one of the three "My answer is …." sentences appears (case-sensitive). */
export const constrainedResponse = ifevalConstraint({
  id: 'detectable_format:constrained_response',
  kwargs: noKwargs,
  describe: () => `Answer with one of the following options: ${pyReprTuple(OPTIONS)}`,
  sampleKwargs: () => ({}),
  check: (response) => {
    const text = pyStrip(response);
    return OPTIONS.some((o) => text.includes(o));
  },
});
