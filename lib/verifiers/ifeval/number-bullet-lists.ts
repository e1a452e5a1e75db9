import { z } from 'zod';
import { countSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';
import { isPyWhitespaceCode } from '../nlp/pytext';

/**
 * Python's MULTILINE `len(findall(r"^\s*\*[^\*].*$")) + len(findall(r"^\s*-.*$"))`, scanned by hand.
 * `\s*` crosses newlines, so a match can start on a blank line and swallow the lines below it; and the regexes are
 * quadratic on long whitespace runs. At a line start p, with q the end of the whitespace run from p, `*` bullets
 * match when text[q] is `*` and text[q+1] exists and is not `*` (it may be `\n`); `-` bullets when text[q] is `-`.
 * The match then runs to the end of its line, and the next match can only start at a later line.
 */
export function countBullets(text: string): number {
  const n = text.length;
  // wsEnd[i]: first index >= i that is not Python whitespace (surrogate halves are never whitespace).
  const wsEnd = new Int32Array(n + 1);
  wsEnd[n] = n;
  for (let i = n - 1; i >= 0; i--) wsEnd[i] = isPyWhitespaceCode(text.charCodeAt(i)) ? wsEnd[i + 1]! : i;
  const scan = (isBullet: (q: number) => number): number => {
    let count = 0;
    for (let p = 0; p <= n; ) {
      const tail = isBullet(wsEnd[p]!);
      if (tail >= 0) {
        count++;
        const eol = text.indexOf('\n', tail);
        if (eol === -1) break;
        // An empty `.*` right after a newline ends the match at a line start, where the next one may begin.
        p = eol === tail && text[eol - 1] === '\n' ? eol : eol + 1;
      } else {
        const eol = text.indexOf('\n', p);
        if (eol === -1) break;
        p = eol + 1;
      }
    }
    return count;
  };
  // Each returns where the trailing `.*` starts, or -1 for no match.
  const star = scan((q) => (text[q] === '*' && q + 1 < n && text[q + 1] !== '*' ? (text[q + 1] === '\n' ? q + 2 : q + 1) : -1));
  const dash = scan((q) => (text[q] === '-' ? q + 1 : -1));
  return star + dash;
}

/** detectable_format:number_bullet_lists: exactly N lines starting with `*` or `-` bullets (`---` counts, `**x` does not). */
export const numberBulletLists = ifevalConstraint({
  id: 'detectable_format:number_bullet_lists',
  kwargs: z.object({ num_bullets: countSchema }),
  describe: ({ num_bullets }) =>
    `Your answer must contain exactly ${num_bullets} bullet points. Use the markdown bullet points such as:\n` +
    '* This is point 1. \n* This is point 2',
  sampleKwargs: (rng) => ({ num_bullets: rng.int(1, 5) }),
  check: (response, { num_bullets }) => countBullets(response) === num_bullets,
});
