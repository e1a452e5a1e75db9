import { readFileSync } from 'node:fs';
import { dataPath } from '../../data/paths';
import { PY_PUNCTUATION, pyStrip } from './pytext';

/**
 * syllapy 0.7.2's `count(word)`: the word list `syllapy/data.csv` first, then its compound rule
 * (split at the first `-`, 0 if either part counts 0), then a vowel-group heuristic.
 * IFBench `words:odd_even_syllables` depends on every quirk, so each one is kept.
 */

let wordList: ReadonlyMap<string, number> | undefined;

function loadWordList(): ReadonlyMap<string, number> {
  if (wordList) return wordList;
  const path = dataPath('syllapy/data.csv');
  const map = new Map<string, number>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line === '') return;
      const comma = line.lastIndexOf(',');
      const n = Number(line.slice(comma + 1));
      if (comma < 1 || !Number.isInteger(n)) {
        throw new Error(`${path}:${i + 1}: expected "word,syllables", got ${JSON.stringify(line)}; re-download the syllapy word list`);
      }
      map.set(line.slice(0, comma), n);
    });
  wordList = map;
  return map;
}

// Python's re `\d` is any Unicode decimal digit.
const HAS_DIGIT = /\p{Nd}/u;
const VOWELS = 'aeiouy';

/** syllapy's fallback for words missing from its list (code points, as Python indexes them). */
function vowelGroups(word: string): number {
  const cps = [...word];
  let n = VOWELS.includes(cps[0]!) ? 1 : 0;
  for (let i = 1; i < cps.length; i++) if (VOWELS.includes(cps[i]!) && !VOWELS.includes(cps[i - 1]!)) n++;
  if (word.endsWith('e')) n--;
  if (word.endsWith('le') && cps.length > 2 && !VOWELS.includes(cps[cps.length - 3]!)) n++;
  return n === 0 ? 1 : n;
}

/**
 * Number of syllables in `word`, exactly as syllapy 0.7.2 counts them (0 for empty words and words with digits).
 * @example countSyllables('International') // 5 (word list); countSyllables('ostentatious') // 4 (heuristic)
 */
export function countSyllables(word: string): number {
  const w = pyStrip(pyStrip(word).toLowerCase(), PY_PUNCTUATION);
  if (w === '' || HAS_DIGIT.test(w)) return 0;
  const known = loadWordList().get(w);
  if (known !== undefined) return known;
  const dash = w.indexOf('-');
  // syllapy matches ([^-]+)-(.+): a compound needs a non-empty head and a non-empty tail.
  if (dash > 0 && dash < w.length - 1) {
    const head = countSyllables(w.slice(0, dash));
    const tail = countSyllables(w.slice(dash + 1));
    return head === 0 || tail === 0 ? 0 : head + tail;
  }
  return vowelGroups(w);
}
