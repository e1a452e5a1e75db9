import { z } from 'zod';
import { pick } from '../../stats/rng';
import { compileKwargPattern, hasMatch, kwargPatternProblem } from './kwarg-regex';
import { textSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';
import { pyStrip } from '../nlp/pytext';

// Upstream searches `\s*<marker>.*$` (MULTILINE) in the lowercased text. `\s*` may match nothing and `.*$` always
// reaches the line end, so a match exists exactly where the marker itself matches: we search the marker alone,
// which is linear where the wrapped pattern is quadratic on long whitespace runs.
const FIXED: Readonly<Record<string, string>> = { 'P.P.S': 'p\\.\\s?p\\.\\s?s', 'P.S.': 'p\\.\\s?s\\.' };

function markerPattern(marker: string): string {
  const m = pyStrip(marker);
  return FIXED[m] ?? m.toLowerCase();
}

const markerSchema = textSchema.superRefine((s, ctx) => {
  if (pyStrip(s) === '') return void ctx.addIssue({ code: 'custom', message: 'must not be blank' });
  const problem = kwargPatternProblem(markerPattern(s));
  if (problem) ctx.addIssue({ code: 'custom', message: `lowercased marker ${JSON.stringify(markerPattern(s))} ${problem}` });
});

/** detectable_content:postscript: the marker (P.S., P.P.S, or a raw regex, lowercased) appears, even mid-line. */
export const postscript = ifevalConstraint({
  id: 'detectable_content:postscript',
  kwargs: z.object({ postscript_marker: markerSchema }),
  describe: ({ postscript_marker }) =>
    `At the end of your response, please explicitly add a postscript starting with ${pyStrip(postscript_marker)}`,
  sampleKwargs: (rng) => ({ postscript_marker: pick(['P.S.', 'P.P.S'], rng) }),
  check: (response, { postscript_marker }) =>
    hasMatch(compileKwargPattern(markerPattern(postscript_marker), { ignoreCase: false }), response.toLowerCase()),
});
