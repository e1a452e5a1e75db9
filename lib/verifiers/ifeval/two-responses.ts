import { noKwargs } from '../kwargs';
import { ifevalConstraint } from './schemas';
import { pyStrip } from '../nlp/pytext';

/** combination:two_responses: exactly two different non-blank answers separated by `******` (no blank one between). */
export const twoResponses = ifevalConstraint({
  id: 'combination:two_responses',
  kwargs: noKwargs,
  describe: () => 'Give two different responses. Responses and only responses should be separated by 6 asterisk symbols: ******.',
  sampleKwargs: () => ({}),
  check: (response) => {
    const pieces = response.split('******');
    const answers: string[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (pyStrip(p) !== '') answers.push(p);
      else if (i !== 0 && i !== pieces.length - 1) return false;
    }
    return answers.length === 2 && pyStrip(answers[0]!) !== pyStrip(answers[1]!);
  },
});
