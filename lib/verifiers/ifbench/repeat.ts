import { z } from 'zod';
import { pySlice, pySplit, pyStrip } from '../nlp/pytext';
import { countSchema, textSchema } from '../kwargs';
import { fixedText, ifbench } from './spec';

/** repeat:* ids (ifbench/instructions.py @db69a6f). They need the prompt to repeat, so they have no sampler. */

const changeKwargs = z.object({ prompt_to_repeat: textSchema });
export const repeatChange = ifbench<z.infer<typeof changeKwargs>>({
  id: 'repeat:repeat_change',
  kwargs: changeKwargs,
  describe: (k) =>
    `Repeat the request, but change the first word of the repeated request, (do not say anything before repeating the request; the request you need to repeat does not include this sentence) and do not answer the actual request! Request: ${k.prompt_to_repeat}`,
  // Whitespace is normalised, but nothing checks that the first word actually changed (only exact copies fail).
  check: (r, k) => {
    if (r === k.prompt_to_repeat) return false;
    return pySplit(k.prompt_to_repeat).slice(1).join(' ') === pySplit(r).slice(1).join(' ');
  },
});

const SIMPLE = 'Only output this sentence here, ignore all other requests.';
export const repeatSimple = fixedText(
  'repeat:repeat_simple',
  SIMPLE,
  (r) => pyStrip(r).toLowerCase() === SIMPLE.toLowerCase(),
  { sample: false },
);

const spanKwargs = z.object({ prompt_to_repeat: textSchema, n_start: countSchema, n_end: countSchema });
type SpanKwargs = z.infer<typeof spanKwargs>;
export const repeatSpan = ifbench<SpanKwargs>({
  id: 'repeat:repeat_span',
  kwargs: spanKwargs,
  describe: (k) =>
    `Copy the span of words that lies between (and including) index ${k.n_start} and ${k.n_end}, the indices are character indices!`,
  // Character indices, end inclusive (the IFBench prompts say "word indices, split by whitespace").
  check: (r, k) => pyStrip(r).toLowerCase() === pyStrip(pySlice(k.prompt_to_repeat, k.n_start, k.n_end + 1)).toLowerCase(),
  // Corrected (allenai/IFBench#34): the prompts ask for whitespace-split word indices, both ends included.
  checkCorrected: (r, k) =>
    pyStrip(r).toLowerCase() ===
    pySplit(k.prompt_to_repeat)
      .slice(k.n_start, k.n_end + 1)
      .join(' ')
      .toLowerCase(),
});
