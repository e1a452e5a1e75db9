import { z } from 'zod';
import { sampleKeyword } from '../word-pool';
import { posTag, sentTokenize, wordTokenize } from '../nlp/nltk';
import { PY_PUNCTUATION, pyLstrip, pyRstrip, pySplit, pyStrip } from '../nlp/pytext';
import { positiveSchema, textSchema } from '../kwargs';
import { fixedText, ifbench } from './spec';
import { hasAlnum } from './text';

/** Python `string.punctuation + ' '`, built once (a strip set per call costs a hash of it per word). */
const PUNCT_SPACE = PY_PUNCTUATION + ' ';

/** words:* ids built on NLTK's tokenizers and tagger (ifbench/instructions.py @db69a6f). */

export const startVerb = fixedText('words:start_verb', 'The response must start with a verb.', (r) => {
  const tokens = wordTokenize(r);
  if (tokens.length === 0) return false;
  // The perceptron tags token 0 from tokens 0-2 only (its features look two words ahead), so tagging those three
  // gives the same first tag as tagging the whole response, at a fraction of the cost.
  const tagged = posTag(tokens.slice(0, 3));
  return tagged.length > 0 && tagged[0]![1].includes('VB');
});

export const lastFirst = fixedText(
  'words:last_first',
  'The last word of each sentence must become the first word of the next sentence.',
  (r) => {
    const sentences = sentTokenize(r);
    for (let i = 0; i + 1 < sentences.length; i++) {
      const last = pySplit(pyRstrip(sentences[i]!, PUNCT_SPACE)).pop();
      const first = pySplit(pyLstrip(sentences[i + 1]!, PUNCT_SPACE))[0];
      // Only the outer ends are stripped of punctuation: 'the end."' gives 'end', 'Next,' stays 'Next,'.
      if (last === undefined || first === undefined || last.toLowerCase() !== first.toLowerCase()) return false;
    }
    return true;
  },
);

/** word_tokenize tokens holding at least one letter or digit (IFBench's `_word_tokens_without_punctuation`). */
function wordsWithoutPunctuation(text: string): string[] {
  return wordTokenize(text).filter(hasAlnum);
}

const positionKwargs = z.object({ keyword: textSchema, n: positiveSchema, m: positiveSchema });
export const keywordsSpecificPosition = ifbench<z.infer<typeof positionKwargs>>({
  id: 'words:keywords_specific_position',
  kwargs: positionKwargs,
  describe: (k) => `Include keyword ${pyStrip(k.keyword)} in the ${k.n}-th sentence, as the ${k.m}-th word of that sentence.`,
  sampleKwargs: (rng) => ({ keyword: sampleKeyword(rng), n: rng.int(20, 30), m: rng.int(30, 40) }),
  check: (r, k) => {
    const sentences = sentTokenize(r);
    if (sentences.length < k.n) return false;
    const words = wordsWithoutPunctuation(sentences[k.n - 1]!);
    if (words.length < k.m) return false;
    return words[k.m - 1]!.toLowerCase() === pyStrip(k.keyword).toLowerCase();
  },
});

const keywordKwargs = z.object({ keyword: z.string({ error: 'must be a string' }) });
export const wordsPosition = ifbench<z.infer<typeof keywordKwargs>>({
  id: 'words:words_position',
  kwargs: keywordKwargs,
  describe: (k) =>
    `The second word in your response and the second to last word in your response should be the word ${pyStrip(k.keyword)}.`,
  sampleKwargs: (rng) => ({ keyword: sampleKeyword(rng) }),
  check: (r, k) => {
    const tokens = wordTokenize(r);
    const keyword = pyStrip(k.keyword).toLowerCase();
    if (tokens.length < 2) return false;
    // Only one trailing token is skipped, and only if it is a substring of string.punctuation ('.' but not '...').
    const skip = PY_PUNCTUATION.includes(tokens[tokens.length - 1]!) ? 1 : 0;
    const secondToLast = tokens[tokens.length - 2 - skip];
    if (secondToLast === undefined) return false;
    return tokens[1]!.toLowerCase() === keyword && secondToLast.toLowerCase() === keyword;
  },
  // Corrected (allenai/IFBench#22, #34): punctuation tokens are not words anywhere ("Well, whisper ... whisper!").
  checkCorrected: (r, k) => {
    const words = wordsWithoutPunctuation(r);
    const keyword = pyStrip(k.keyword).toLowerCase();
    return words.length >= 2 && words[1]!.toLowerCase() === keyword && words[words.length - 2]!.toLowerCase() === keyword;
  },
});
