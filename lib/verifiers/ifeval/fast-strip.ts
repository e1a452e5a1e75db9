/** Python `str.isspace()` for one UTF-16 unit (every Python whitespace character is a single unit). */
export function isPyWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/**
 * Python `s.strip()` by scanning the two ends. Same result as pytext's regex-based `pyStrip`, but O(whitespace)
 * instead of O(length), which matters because the checkers strip each loose-mode variant of every response.
 */
export function stripEnds(s: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && isPyWhitespaceCode(s.charCodeAt(i))) i++;
  while (j > i && isPyWhitespaceCode(s.charCodeAt(j - 1))) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}

/** Python `s.strip(ch)` for one ASCII character, without splitting the text into code points. */
export function stripAsciiChar(s: string, ch: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && s[i] === ch) i++;
  while (j > i && s[j - 1] === ch) j--;
  return s.slice(i, j);
}
