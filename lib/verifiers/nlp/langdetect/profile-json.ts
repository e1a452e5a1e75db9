/** One language profile: its name, total n-gram counts, and a walk over its n-grams (no string per n-gram). */
export interface ProfileSource {
  name: string;
  /** Total count of 1-, 2- and 3-grams (`n_words`). */
  nWords: readonly [number, number, number];
  /** Calls `onGram(source, start, end, count)` per n-gram, in file order; the n-gram is `source.slice(start, end)`. */
  forEachGram(onGram: (source: string, start: number, end: number, count: number) => void): void;
}

/** A profile from plain arrays (hand-made profiles in tests). */
export function profileFromArrays(name: string, grams: readonly string[], counts: readonly number[], nWords: readonly [number, number, number]): ProfileSource {
  return { name, nWords, forEachGram: (onGram) => grams.forEach((g, i) => onGram(g, 0, g.length, counts[i]!)) };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Parse a profile file `{"freq": {gram: count, ...}, "n_words": [a, b, c], "name": "xx"}`.
 * The freq object is read with a small scanner that records where each key sits: JSON.parse would build a
 * 5,000-key object per language, and a string per key, only for us to walk them; loading was several times slower
 * and mostly garbage collection. Anything unexpected throws, naming the file and offset.
 */
export function parseProfile(text: string, file: string): ProfileSource {
  const fail = (what: string, at: number): never => {
    throw new Error(`langdetect: profile ${file} at offset ${at}: ${what}; restore the file from langdetect 1.0.9`);
  };
  const open = text.indexOf('"freq"');
  if (open < 0) fail('no "freq" object', 0);
  let i = text.indexOf('{', open);
  if (i < 0) fail('no "{" after "freq"', open);
  i++;
  const starts: number[] = [];
  const ends: number[] = [];
  const counts: number[] = [];
  const decoded = new Map<number, string>(); // keys written with JSON escapes, by entry index
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
      if (escaped) decoded.set(starts.length, JSON.parse(text.slice(i, end + 1)) as string);
      starts.push(i + 1);
      ends.push(end);
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
  return {
    name: name![1]!,
    nWords: totals,
    forEachGram(onGram) {
      for (let e = 0; e < starts.length; e++) {
        const plain = decoded.size === 0 ? undefined : decoded.get(e);
        if (plain === undefined) onGram(text, starts[e]!, ends[e]!, counts[e]!);
        else onGram(plain, 0, plain.length, counts[e]!);
      }
    },
  };
}
