import { z } from 'zod';
import { rememberBounded } from '../../data/bounded-map';
import { sampleKeyword } from '../word-pool';
import { pyCaselessLiteral, pyLowerText } from '../nlp/py-case';
import { sentTokenize } from '../nlp/nltk';
import { PY_PUNCTUATION, pyLstrip, pySplit, pyStrip } from '../nlp/pytext';
import { countSchema, textSchema } from '../kwargs';
import { fixedText, ifbench } from './spec';
import { deletePunct, firstChar, pyBoundedLiteral } from './text';

/** Python `string.punctuation + ' '`, built once (a strip set per call costs a hash of it per word). */
const PUNCT_SPACE = PY_PUNCTUATION + ' ';

/** sentence:* ids (ifbench/instructions.py @db69a6f). Sentences are nltk.sent_tokenize's. */

/** Each run of consecutive words with the same first character scores 2, plus 1 per further word in the run. */
function alliterationScore(sentence: string): number {
  const words = pySplit(sentence.toLowerCase())
    .map((w) => pyLstrip(w, PUNCT_SPACE))
    .filter((w) => w !== '');
  let score = 0;
  let inRun = false;
  for (let i = 0; i + 1 < words.length; i++) {
    if (firstChar(words[i]!) === firstChar(words[i + 1]!)) {
      score += inRun ? 1 : 2;
      inRun = true;
    } else inRun = false;
  }
  return score;
}
export const alliterationIncrement = fixedText(
  'sentence:alliteration_increment',
  'Each sentence must have a longer sequence of consecutive alliterative words than the previous one.',
  // The score sums every run of the sentence, so two short runs beat one long one; the first sentence needs >= 0.
  (r) => {
    let prev = -1;
    for (const s of sentTokenize(r)) {
      const score = alliterationScore(s);
      if (score <= prev) return false;
      prev = score;
    }
    return true;
  },
);

const keywordKwargs = z.object({ word: textSchema, N: countSchema });
// Compiled once per keyword (a regex with Unicode classes costs more to compile than to run on one sentence, and loose
// mode asks up to 8 times per response); a few hundred keywords at most, so the map is kept small by clearing it.
const keywordPatterns = new Map<string, RegExp>();
const keywordPattern = (word: string): RegExp =>
  keywordPatterns.get(word) ?? rememberBounded(keywordPatterns, word, new RegExp(pyBoundedLiteral(word, pyCaselessLiteral(word)), 'u'), 1000);
export const keyword = ifbench<z.infer<typeof keywordKwargs>>({
  id: 'sentence:keyword',
  kwargs: keywordKwargs,
  describe: (k) => `The response must include keyword "${k.word}" in the ${k.N}-th sentence.`,
  sampleKwargs: (rng) => ({ word: sampleKeyword(rng), N: rng.int(1, 20) }),
  check: (r, k) => {
    const sentences = sentTokenize(r);
    if (sentences.length < k.N) return false;
    // Python indexing: N = 0 looks at sentences[-1], the last one.
    const sentence = sentences.at(k.N - 1);
    if (sentence === undefined) return false;
    // re.IGNORECASE is sre's rule (İ, ı and i are one letter), not JS's i flag: match in the lowered sentence.
    return keywordPattern(k.word).test(pyLowerText(sentence));
  },
});

const incrementKwargs = z.object({ small_n: countSchema });
function wordCount(sentence: string): number {
  return pySplit(pyStrip(deletePunct(sentence))).length;
}
export const increment = ifbench<z.infer<typeof incrementKwargs>>({
  id: 'sentence:increment',
  kwargs: incrementKwargs,
  describe: (k) => `Each sentence must contain exactly ${k.small_n} more words than the previous one.`,
  sampleKwargs: (rng) => ({ small_n: rng.int(1, 5) }),
  check: (r, k) => {
    const counts = sentTokenize(r).map(wordCount);
    // Upstream raises IndexError on a text without sentences; the scorers never pass one (empty responses fail).
    if (counts.length === 0) return false;
    return counts.every((n, i) => i === 0 || n === counts[i - 1]! + k.small_n);
  },
});
