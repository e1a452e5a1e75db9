/** One language profile as langdetect stores it: n-gram counts and the total count per n. */
export interface Profile {
  name: string;
  /** Each n-gram with its count, in file order. */
  grams: string[];
  counts: number[];
  /** Total count of 1-, 2- and 3-grams (`n_words`). */
  nWords: readonly [number, number, number];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Parse a profile file `{"freq": {gram: count, ...}, "n_words": [a, b, c], "name": "xx"}`.
 * The freq object is read with a small scanner: JSON.parse would build a 5,000-key object per language only for
 * us to walk it, which made loading several times slower. Anything unexpected throws, naming the file and offset.
 */
export function parseProfile(text: string, file: string): Profile {
  const fail = (what: string, at: number): never => {
    throw new Error(`langdetect: profile ${file} at offset ${at}: ${what}; restore the file from langdetect 1.0.9`);
  };
  const open = text.indexOf('"freq"');
  if (open < 0) fail('no "freq" object', 0);
  let i = text.indexOf('{', open);
  if (i < 0) fail('no "{" after "freq"', open);
  i++;
  const grams: string[] = [];
  const counts: number[] = [];
  const skipSpace = (): void => {
    while (i < text.length && text.charCodeAt(i) <= 0x20) i++;
  };
  skipSpace();
  if (text.charCodeAt(i) === 0x7d) i++;
  else {
    for (;;) {
      skipSpace();
      if (text.charCodeAt(i) !== QUOTE) fail('expected a quoted n-gram', i);
      let end = i + 1;
      let escaped = false;
      for (let c = text.charCodeAt(end); c !== QUOTE; c = text.charCodeAt(end)) {
        if (Number.isNaN(c)) fail('unterminated string', i);
        if (c === BACKSLASH) ((escaped = true), end++);
        end++;
      }
      grams.push(escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end));
      i = end + 1;
      skipSpace();
      if (text.charCodeAt(i) !== 0x3a) fail('expected ":"', i);
      i++;
      skipSpace();
      let value = 0;
      const start = i;
      for (let c = text.charCodeAt(i); c >= 0x30 && c <= 0x39; c = text.charCodeAt(++i)) value = value * 10 + (c - 0x30);
      if (i === start) fail('expected a non-negative integer count', i);
      counts.push(value);
      skipSpace();
      const sep = text.charCodeAt(i++);
      if (sep === 0x7d) break;
      if (sep !== 0x2c) fail('expected "," or "}"', i - 1);
    }
  }
  const rest = text.slice(0, open) + text.slice(i);
  const nWords = /"n_words"\s*:\s*\[\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\]/.exec(rest);
  const name = /"name"\s*:\s*"([^"\\]+)"/.exec(rest);
  if (!nWords) fail('no "n_words": [n1, n2, n3] with three integers', 0);
  if (!name) fail('no "name"', 0);
  const totals = [Number(nWords![1]), Number(nWords![2]), Number(nWords![3])] as const;
  if (totals.some((n) => n <= 0)) fail(`"n_words" must be positive, got ${totals.join(',')}`, 0);
  return { name: name![1]!, grams, counts, nWords: totals };
}
