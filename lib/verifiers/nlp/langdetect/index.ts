import { appendText, dropLatinIfMinority } from './clean';
import { DETECTOR, languageProbabilities } from './detector';
import { extractNgramRows } from './features';
import { profileModel } from './profiles';

/** A candidate language and its probability, as in Python's `Language`. */
export interface LanguageGuess {
  lang: string;
  prob: number;
}

/** What Python's `detect` returns when no language passes PROB_THRESHOLD. */
export const UNKNOWN_LANG = 'unknown';

let scratchRows = new Int32Array(0);

/** Python `detect_langs(text)` with a fixed seed; null where Python raises LangDetectException (no features). */
export function detectLanguages(text: string): LanguageGuess[] | null {
  const model = profileModel();
  const codePoints = dropLatinIfMinority(appendText(text));
  if (scratchRows.length < 3 * codePoints.length) scratchRows = new Int32Array(3 * codePoints.length);
  const count = extractNgramRows(codePoints, model, scratchRows);
  if (count === 0) return null;
  const prob = languageProbabilities(model, scratchRows, count);
  const guesses: LanguageGuess[] = [];
  prob.forEach((p, i) => {
    if (p > DETECTOR.probThreshold) guesses.push({ lang: model.langs[i]!, prob: p });
  });
  // Array.prototype.sort is stable, like Python's list.sort(reverse=True) on ties.
  return guesses.sort((a, b) => b.prob - a.prob);
}

/**
 * Python `langdetect.detect(text)`: the most probable language code ('unknown' when none passes 0.1), or null
 * where Python raises LangDetectException. Deterministic: the random trials use a fixed seed.
 * @example detectLanguage('The weather is pleasant today.') // 'en'
 */
export function detectLanguage(text: string): string | null {
  const guesses = detectLanguages(text);
  if (guesses === null) return null;
  return guesses[0]?.lang ?? UNKNOWN_LANG;
}
