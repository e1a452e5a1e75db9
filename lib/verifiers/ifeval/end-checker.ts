import { z } from 'zod';
import { pick } from '../../stats/rng';
import { textSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';
import { pyStrip } from '../nlp/pytext';

const ENDINGS = ['Any other questions?', 'Is there anything else I can help with?'] as const;

/** startend:end_checker: the stripped, `"`-unwrapped response ends with the phrase, case-insensitively. */
export const endChecker = ifevalConstraint({
  id: 'startend:end_checker',
  kwargs: z.object({ end_phrase: textSchema }),
  describe: ({ end_phrase }) =>
    `Finish your response with this exact phrase ${pyStrip(end_phrase)}. No other words should follow this phrase.`,
  sampleKwargs: (rng) => ({ end_phrase: pick(ENDINGS, rng) }),
  check: (response, { end_phrase }) =>
    pyStrip(pyStrip(response), '"').toLowerCase().endsWith(pyStrip(end_phrase).toLowerCase()),
});
