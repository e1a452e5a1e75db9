import { readFileSync } from 'node:fs';
import { dataPath } from '../../data/paths';
import { pyRstripLength } from './punkt-chars';

// Python `str.splitlines()` boundaries, which NLTK's WordListCorpusReader (line_tokenize) splits on.
const PY_LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

/** NLTK `stopwords.words(<file>)`: the non-blank lines of a stopword list file (absolute path). */
export function loadStopwords(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(PY_LINE_BREAK)
    .filter((line) => pyRstripLength(line) > 0);
}

let english: ReadonlySet<string> | undefined;

/** NLTK `set(stopwords.words('english'))` from `nltk/corpora/stopwords/english` (198 words), read once. */
export function englishStopwordSet(): ReadonlySet<string> {
  english ??= new Set(loadStopwords(dataPath('nltk/corpora/stopwords/english')));
  return english;
}
