import { readFileSync } from 'node:fs';
import { dataPath } from '../../data/paths';

/**
 * `emoji.is_emoji` of the Python package emoji 2.2.0: true exactly when the string is one key of its EMOJI_DATA,
 * read from `emoji/emoji_2.2.0.txt` (one emoji a line, as hexadecimal code points). Newer emoji versions know
 * more emoji; IFBench's golden results were made with this list.
 */

let emojiSet: ReadonlySet<string> | undefined;

function loadEmoji(): ReadonlySet<string> {
  if (emojiSet) return emojiSet;
  const path = dataPath('emoji/emoji_2.2.0.txt');
  const set = new Set<string>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const cps = line.trim().split(/\s+/).map((h) => Number.parseInt(h, 16));
      if (cps.some((c) => !Number.isInteger(c) || c < 0 || c > 0x10ffff)) {
        throw new Error(`${path}:${i + 1}: expected hexadecimal code points, got ${JSON.stringify(line)}; re-download the emoji list`);
      }
      set.add(String.fromCodePoint(...cps));
    });
  emojiSet = set;
  return set;
}

/**
 * True when `s` is exactly one emoji of emoji 2.2.0 (a sequence counts only as a whole).
 * @example isEmoji('😀') // true; isEmoji('😀😀') // false; isEmoji('a') // false
 */
export function isEmoji(s: string): boolean {
  return loadEmoji().has(s);
}
