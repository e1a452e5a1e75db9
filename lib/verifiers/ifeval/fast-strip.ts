import { pyIsSpaceChar } from '../nlp/pytext';

/**
 * Python `s.strip()` by scanning the two ends (every Python whitespace character is a single UTF-16 unit).
 * Same result as pytext's regex-based `pyStrip`, but O(whitespace) instead of O(length), which matters because
 * the checkers strip each loose-mode variant of every response.
 */
export function stripEnds(s: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && pyIsSpaceChar(s[i]!)) i++;
  while (j > i && pyIsSpaceChar(s[j - 1]!)) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}
