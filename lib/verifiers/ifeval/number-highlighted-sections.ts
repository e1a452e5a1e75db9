import { z } from 'zod';
import { pyStrip } from '../nlp/pytext';
import { countSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';

// Both regexes stop at the next `*` or newline, so they are linear.
const SINGLE = /\*[^\n*]*\*/g;
const DOUBLE = /\*\*[^\n*]*\*\*/g;

/** Upstream's count: non-blank `*x*` matches plus non-blank `**x**` matches (a bold span counts once or twice). */
export function countHighlights(text: string): number {
  let n = 0;
  for (const m of text.matchAll(SINGLE)) if (pyStrip(pyStrip(m[0], '*')) !== '') n++;
  for (const m of text.matchAll(DOUBLE)) if (pyStrip(m[0].slice(2, -2)) !== '') n++;
  return n;
}

/** detectable_format:number_highlighted_sections: at least N markdown highlights on single lines. */
export const numberHighlightedSections = ifevalConstraint({
  id: 'detectable_format:number_highlighted_sections',
  kwargs: z.object({ num_highlights: countSchema }),
  describe: ({ num_highlights }) =>
    `Highlight at least ${num_highlights} sections in your answer with markdown, i.e. *highlighted section*.`,
  sampleKwargs: (rng) => ({ num_highlights: rng.int(1, 4) }),
  check: (response, { num_highlights }) => countHighlights(response) >= num_highlights,
});
