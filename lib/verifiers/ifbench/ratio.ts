import { z } from 'zod';
import { englishStopwords, sentTokenize } from '../nlp/nltk';
import { countWords, pyLen, pyStrip, wordTokens } from '../nlp/pytext';
import { countSchema } from '../kwargs';
import { fixedText, ifbench } from './spec';

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
/**
 * The set of character trigrams (nltk.ngrams over a str walks its characters, not its words), each as one key: three
 * BMP code points packed into a number (48 bits, exact), a trigram with an astral code point as its string. Numbers
 * and strings never collide in a Set, so the set has one key per distinct trigram, as Python's set of tuples.
 */
function trigrams(s: string): Set<number | string> {
  const out = new Set<number | string>();
  let a = -1;
  let b = -1;
  for (let i = 0; i < s.length; ) {
    const c = s.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
    if (a >= 0) out.add(a <= 0xffff && b <= 0xffff && c <= 0xffff ? (a * 0x10000 + b) * 0x10000 + c : String.fromCodePoint(a, b, c));
    a = b;
    b = c;
  }
  return out;
}

// Loose mode checks up to 8 variants of a response against the same reference text: its trigrams are built once.
let lastReference: string | undefined;
let lastReferenceTrigrams = new Set<number | string>();
function referenceTrigrams(text: string): Set<number | string> {
  if (text !== lastReference) (lastReferenceTrigrams = trigrams(text)), (lastReference = text);
  return lastReferenceTrigrams;
}

export const overlap = ifbench<z.infer<typeof overlapKwargs>>({
  id: 'ratio:overlap',
  kwargs: overlapKwargs,
  describe: (k) => `Maintain a trigram overlap of ${k.percentage}% (±2%) with the provided reference text.`,
  check: (r, k) => {
    const mine = trigrams(r);
    if (mine.size === 0) return false;
    const ref = referenceTrigrams(k.reference_text);
    let shared = 0;
    for (const t of mine) if (ref.has(t)) shared++;
    const pct = (shared / mine.size) * 100;
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
