import { z } from 'zod';
import { pick } from '../../stats/rng';
import { detectLanguage } from '../nlp/langdetect/index';
import type { Verdict } from '../types';
import { LANGUAGE_CODES, LANGUAGE_NAMES } from './language-codes';
import { ifevalConstraint } from './schemas';

/** langdetect's verdict for one expected language; no detectable letters is 'unverifiable' (upstream: a pass). */
export function detectedAs(text: string, language: string): Verdict {
  const found = detectLanguage(text);
  return found === null ? 'unverifiable' : found === language;
}

/** language:response_language: langdetect names the expected language. */
export const responseLanguage = ifevalConstraint({
  id: 'language:response_language',
  kwargs: z.object({
    language: z.enum(LANGUAGE_CODES, { error: `must be one of the IFEval language codes: ${LANGUAGE_CODES.join(', ')}` }),
  }),
  describe: ({ language }) =>
    `Your ENTIRE response should be in ${LANGUAGE_NAMES[language]} language, no other language is allowed.`,
  sampleKwargs: (rng) => ({ language: pick(LANGUAGE_CODES, rng) }),
  check: (response, { language }) => detectedAs(response, language),
});
