import { z } from 'zod';
import { countSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';

/**
 * Python `len(re.findall(r"\[.*?\]", text))`, scanned by hand: the regex is quadratic on a long run of `[`
 * without `]`. A match is a `[` followed by the nearest `]` with no `\n` in between.
 */
export function countPlaceholders(text: string): number {
  let n = 0;
  let i = text.indexOf('[');
  while (i !== -1) {
    let j = i + 1;
    while (j < text.length && text[j] !== ']' && text[j] !== '\n') j++;
    if (text[j] === ']') {
      n++;
      i = text.indexOf('[', j + 1);
    } else {
      // No `]` before the line ends: no `[` up to j can match either.
      i = text.indexOf('[', j);
    }
  }
  return n;
}

/** detectable_content:number_placeholders: at least N `[...]` placeholders on one line each (`[]` counts). */
export const numberPlaceholders = ifevalConstraint({
  id: 'detectable_content:number_placeholders',
  kwargs: z.object({ num_placeholders: countSchema }),
  describe: ({ num_placeholders }) =>
    `The response must contain at least ${num_placeholders} placeholders represented by square brackets, such as [address].`,
  sampleKwargs: (rng) => ({ num_placeholders: rng.int(1, 4) }),
  check: (response, { num_placeholders }) => countPlaceholders(response) >= num_placeholders,
});
