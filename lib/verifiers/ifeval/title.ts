import { pyLstrip, pyRstrip, pyStrip } from '../nlp/pytext';
import { noKwargs } from '../kwargs';
import { ifevalConstraint } from './schemas';

/**
 * Python `findall(r"<<[^\n]+>>")`, by hand (the greedy regex is quadratic on a long line of `<`): on each line the
 * only match runs from the first `<<` to the last `>>`, if at least one character lies between them.
 */
export function findTitles(text: string): string[] {
  const titles: string[] = [];
  for (let open = text.indexOf('<<'); open !== -1; ) {
    let lineEnd = text.indexOf('\n', open);
    if (lineEnd === -1) lineEnd = text.length;
    let close = lineEnd - 2;
    while (close >= open + 3 && !(text[close] === '>' && text[close + 1] === '>')) close--;
    if (close >= open + 3) titles.push(text.slice(open, close + 2));
    open = lineEnd < text.length ? text.indexOf('<<', lineEnd + 1) : -1;
  }
  return titles;
}

/** detectable_format:title: some `<<title>>` on one line is non-blank once `<`, `>` and whitespace are stripped. */
export const title = ifevalConstraint({
  id: 'detectable_format:title',
  kwargs: noKwargs,
  describe: () => 'Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>.',
  sampleKwargs: () => ({}),
  check: (response) => findTitles(response).some((t) => pyStrip(pyRstrip(pyLstrip(t, '<'), '>')) !== ''),
});
