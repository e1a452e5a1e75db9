import { z } from 'zod';
import { textSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';
import { pyStrip } from '../nlp/pytext';

/** combination:repeat_prompt: the response starts with the request, case-insensitively (both stripped). */
export const repeatPrompt = ifevalConstraint({
  id: 'combination:repeat_prompt',
  kwargs: z.object({ prompt_to_repeat: textSchema }),
  describe: () =>
    'First repeat the request word for word without change, then give your answer (1. do not say any words or ' +
    'characters before repeating the request; 2. the request you need to repeat does not include this sentence)',
  check: (response, { prompt_to_repeat }) =>
    pyStrip(response).toLowerCase().startsWith(pyStrip(prompt_to_repeat).toLowerCase()),
});
