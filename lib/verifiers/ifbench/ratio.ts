import { z } from 'zod';
import { englishStopwords, sentTokenize } from '../nlp/nltk';
import { countWords, pyLen, pyStrip, wordTokens } from '../nlp/pytext';
import { countSchema } from '../kwargs';
import { fixedText, ifbench } from './spec';
import { trigramSet, type TrigramSet } from './trigram-set';

/** ratio:* ids (ifbench/instructions.py @db69a6f). Sentences are nltk.sent_tokenize's. */

const percentKwargs = z.object({ percentage: countSchema });
export const stopWords = ifbench<z.infer<typeof percentKwargs>>({
  id: 'ratio:stop_words',
  kwargs: percentKwargs,
  describe: (k) => `Ensure that stop words constitute no more than ${k.percentage}% of the total words in your response.`,
  sampleKwargs: (rng) => ({ percentage: rng.int(1, 100) }),
  check: (r, k) => {
    const n = countWords(r);
    if (n === 0) return false;
    const stop = englishStopwords();
    const nStop = wordTokens(r).filter((t) => stop.has(t.toLowerCase())).length;
    return (nStop / n) * 100 <= k.percentage;
  },
});

/** Counts of sentences ending in `.`, `?` and `!` (by their last character, as upstream's endswith). */
function endings(sentences: readonly string[]): { dot: number; question: number; exclamation: number } {
  const count = (mark: string): number => sentences.filter((s) => s.endsWith(mark)).length;
  return { dot: count('.'), question: count('?'), exclamation: count('!') };
}

/**
 * Corrected sentence endings: punkt keeps closing quotes and brackets after the terminator ('He said "No."' ends
 * with '"'), so look at the sentence with those (and whitespace) stripped from its end.
 */
function correctedSentences(text: string): string[] {
  return sentTokenize(text).map((s) => pyStrip(s, ' \t\n"\')]}\u201d\u2019*_'));
}

const sentenceTypeText = 'Maintain a 2:1 ratio of declarative to interrogative sentences.';
function isTwoToOne(sentences: readonly string[]): boolean {
  const e = endings(sentences);
  return e.dot === 2 * e.question;
}
// No question and no statement passes too (0 == 2 * 0), as upstream.
export const sentenceType = fixedText('ratio:sentence_type', sentenceTypeText, (r) => isTwoToOne(sentTokenize(r)), {
  checkCorrected: (r) => isTwoToOne(correctedSentences(r)),
});

function isBalanced(sentences: readonly string[]): boolean {
  const e = endings(sentences);
  return e.dot === e.question && e.question === e.exclamation;
}
export const sentenceBalance = fixedText(
  'ratio:sentence_balance',
  'Ensure that the ratio of sentence types (declarative, interrogative, exclamatory) is balanced.',
  (r) => isBalanced(sentTokenize(r)),
  { checkCorrected: (r) => isBalanced(correctedSentences(r)) },
);

const overlapKwargs = z.object({ reference_text: z.string({ error: 'must be a string' }), percentage: countSchema });
// Loose mode checks up to 8 variants of a response against the same reference text: its trigrams are built once.
let lastReference: string | undefined;
let lastReferenceTrigrams: TrigramSet = trigramSet('');
function referenceTrigrams(text: string): TrigramSet {
  if (text !== lastReference) (lastReferenceTrigrams = trigramSet(text)), (lastReference = text);
  return lastReferenceTrigrams;
}

export const overlap = ifbench<z.infer<typeof overlapKwargs>>({
  id: 'ratio:overlap',
  kwargs: overlapKwargs,
  describe: (k) => `Maintain a trigram overlap of ${k.percentage}% (±2%) with the provided reference text.`,
  check: (r, k) => {
    const mine = trigramSet(r);
    if (mine.size === 0) return false;
    const pct = (mine.sharedWith(referenceTrigrams(k.reference_text)) / mine.size) * 100;
    return k.percentage - 2 <= pct && pct <= k.percentage + 2;
  },
});

export const sentenceWords = fixedText(
  'ratio:sentence_words',
  'Respond with three sentences, all containing the same number of characters but using all different words.',
  // Only the count and the equal lengths are checked; "all different words" is not.
  (r) => {
    const sentences = sentTokenize(r);
    if (sentences.length !== 3) return false;
    const n = pyLen(pyStrip(sentences[0]!));
    return sentences.every((s) => pyLen(pyStrip(s)) === n);
  },
);
