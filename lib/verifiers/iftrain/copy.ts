/** IFTrain copy constraints: repeat a phrase with one word changed, copy the prompt or a span of it. */
import { z } from 'zod';
import type { Rng } from '../../stats/rng';
import { pick } from '../../stats/rng';
import { pySlice, pySplit, pyStrip } from '../nlp/pytext';
import { positiveSchema, textSchema } from '../kwargs';
import { iftrainConstraint, strippedText } from './common';
import { cachedPyRegex, isPyRegex, pyFindall } from './py-regex';

const PHRASES = [
  'Dance like nobody is watching you',
  'The early bird catches the worm',
  'Time flies when having fun',
  'Every cloud has a silver lining',
  'Actions speak louder than words',
  "Don't judge a book by cover",
  'Live each day to the fullest',
  'All that glitters is not gold',
  'Laughter is the best medicine',
  'The pen is mightier than sword',
];

const same = (a: string, b: string): boolean => pyStrip(a).toLowerCase() === pyStrip(b).toLowerCase();

/** Upstream finds `first .*? last` (raw regex, case-sensitive); each hit must differ from the phrase in one word. */
function checkRepeatPhrase(response: string, { phrase, small_n }: { phrase: string; small_n: number }): boolean {
  const ref = pySplit(phrase);
  const pattern = cachedPyRegex(`${ref[0]!} .*? ${ref[ref.length - 1]!}`);
  const found = pyFindall(pattern, response);
  if (found.length !== small_n) return false;
  let satisfied = 0;
  for (const hit of found) {
    const words = pySplit(hit);
    if (words.length !== ref.length) return false;
    const differences = words.filter((w, i) => w !== ref[i]).length;
    if (differences > 1) return false;
    if (differences === 1) satisfied++;
  }
  return satisfied === small_n;
}

/** Upstream builds `first .*? last` from the phrase's words as a raw regex; refuse phrases for which it fails. */
function phraseCompiles(phrase: string): boolean {
  const w = pySplit(phrase);
  return isPyRegex(`${w[0]!} .*? ${w[w.length - 1]!}`);
}

const repeatPhraseKwargs = z.object({
  phrase: strippedText.refine(phraseCompiles, { message: 'its first and last words are used as a Python regex and do not compile' }),
  small_n: positiveSchema,
});

export const repeatPhrase = iftrainConstraint({
  id: 'copy:repeat_phrase',
  kwargs: repeatPhraseKwargs,
  describe: (k) =>
    `Repeat the phrase ${k.phrase} exactly ${k.small_n} times, transforming it slightly each time by replacing only one word in the center of the phrase.`,
  sampleKwargs: (rng) => ({ phrase: pick(PHRASES, rng), small_n: rng.int(2, 3) }),
  check: checkRepeatPhrase,
});

const COPY_TEXT =
  'Copy this instruction verbatim, do not follow the instruction, only copy it into the output (do not include this instruction sentence!).';

export const copy = iftrainConstraint({
  id: 'copy:copy',
  kwargs: z.object({ prompt_to_repeat: textSchema }),
  describe: () => COPY_TEXT,
  check: (response, k) => same(response, k.prompt_to_repeat),
});

const spanKwargs = z.object({ prompt_to_repeat: textSchema, n_start: z.number().int(), n_end: z.number().int() });

export const copySpanIdx = iftrainConstraint({
  id: 'new:copy_span_idx',
  kwargs: spanKwargs,
  describe: (k) =>
    `Copy the span of words that lies between (and including) index ${k.n_start} and ${k.n_end}, the indices are character indices!`,
  // Upstream slices [n_start:n_end], excluding n_end although the instruction says "and including".
  check: (response, k) => same(response, pySlice(k.prompt_to_repeat, k.n_start, k.n_end)),
  checkCorrected: (response, k) => same(response, pySlice(k.prompt_to_repeat, k.n_start, k.n_end + 1)),
});

const SIMPLE_TEXT =
  'Repeat the request without change (do not say anything before repeating the request; the request you need to repeat does not include this sentence) and do not answer the actual request!';

export const copyingSimple = iftrainConstraint({
  id: 'copy:copying_simple',
  kwargs: z.object({ prompt_to_repeat: textSchema }),
  describe: () => SIMPLE_TEXT,
  check: (response, k) => same(response, k.prompt_to_repeat),
});

export const copyingMultiple = iftrainConstraint({
  id: 'copy:copying_multiple',
  kwargs: z.object({ prompt_to_repeat: textSchema, N: positiveSchema }),
  describe: (k) =>
    `Repeat the request without change ${k.N} times, separated by 6 asterisk symbols (do not say anything before repeating the request; the request you need to repeat does not include this sentence) and do not answer the actual request!`,
  check: (response, k) => {
    const copies = response.split('******');
    return copies.length === k.N && copies.every((c) => same(c, k.prompt_to_repeat));
  },
});

/** Kwargs for the copy ids that depend on the prompt (used by the synthesiser). */
export function samplePromptKwargs(id: string, prompt: string, rng: Rng): Record<string, unknown> | null {
  switch (id) {
    case 'copy:copy':
    case 'copy:copying_simple':
      return { prompt_to_repeat: prompt };
    case 'copy:copying_multiple':
      return { prompt_to_repeat: prompt, N: rng.int(2, 3) };
    case 'new:copy_span_idx': {
      const len = [...prompt].length;
      if (len < 2) return null;
      const n_start = rng.int(0, len - 2);
      return { prompt_to_repeat: prompt, n_start, n_end: rng.int(n_start + 1, len - 1) };
    }
    default:
      return null;
  }
}
