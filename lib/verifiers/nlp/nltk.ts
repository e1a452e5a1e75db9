import { englishPerceptronModel } from './pos-tagger-model';
import { perceptronTag } from './pos-tagger';
import { englishPunktParams } from './punkt-model';
import { punktSentences, punktSpans } from './punkt';
import { regexSentences } from './regex-sentences';
import { englishStopwordSet } from './stopwords';
import { treebankTokens } from './treebank';

/**
 * The NLTK functions the official IFEval/IFBench/IFEvalG checkers call, ported exactly from NLTK 3.8
 * with the English models of `data/nltk` (loaded lazily, once per process; docs/data-sources.md).
 */

/**
 * `nltk.sent_tokenize(text)`: English Punkt sentences.
 * @example sentTokenize('Mr. Smith left. He was tired.') // ['Mr. Smith left.', 'He was tired.']
 */
export function sentTokenize(text: string): string[] {
  return punktSentences(text, englishPunktParams());
}

/**
 * `PunktSentenceTokenizer.span_tokenize(text)`: `[start, end)` per sentence, in UTF-16 offsets
 * (JS string indices; Python's code point offsets differ only after characters outside the BMP).
 * @example sentenceSpans('Hi there. Bye.') // [[0, 9], [10, 14]]
 */
export function sentenceSpans(text: string): Array<[number, number]> {
  return punktSpans(text, englishPunktParams());
}

/**
 * `nltk.word_tokenize(text)`: Punkt sentences, then the Treebank (`NLTKWordTokenizer`) tokens of each.
 * @example wordTokenize("Don't stop.") // ['Do', "n't", 'stop', '.']
 */
export function wordTokenize(text: string): string[] {
  // A push loop: Array.prototype.flatMap measured ~15x slower on Node 20 for lists of token lists.
  const tokens: string[] = [];
  for (const sentence of sentTokenize(text)) for (const token of sentenceTokens(sentence)) tokens.push(token);
  return tokens;
}

// Loose mode tokenizes up to 8 variants of one response (first or last line dropped, asterisks removed), which share
// most of their sentences. A sentence's tokens are a pure function of it, so remembering the last few dozen is
// exact; few enough that one response's sentences are long gone by the time a scoring pass comes back to it.
const SENTENCE_MEMO_SIZE = 64;
const sentenceMemo = new Map<string, readonly string[]>();

function sentenceTokens(sentence: string): readonly string[] {
  let tokens = sentenceMemo.get(sentence);
  if (tokens === undefined) {
    tokens = treebankTokens(sentence);
    if (sentenceMemo.size >= SENTENCE_MEMO_SIZE) sentenceMemo.delete(sentenceMemo.keys().next().value!);
    sentenceMemo.set(sentence, tokens);
  }
  return tokens;
}

/**
 * `nltk.pos_tag(tokens)`: Penn Treebank tags from the English averaged perceptron tagger.
 * @example posTag(['The', 'cat', 'sat']) // [['The', 'DT'], ['cat', 'NN'], ['sat', 'VBD']]
 */
export function posTag(tokens: readonly string[]): Array<[string, string]> {
  return perceptronTag(tokens, englishPerceptronModel());
}

/**
 * `set(nltk.corpus.stopwords.words('english'))`: the 198 English stopwords.
 * @example englishStopwords().has('the') // true
 */
export function englishStopwords(): ReadonlySet<string> {
  return englishStopwordSet();
}

/**
 * `instructions_util.split_into_sentences(text)`: the regex heuristic of google IFEval / IFEvalG.
 * @example splitIntoSentences('Hello Mr. Bond. Bye!') // ['Hello Mr. Bond.', 'Bye!']
 */
export function splitIntoSentences(text: string): string[] {
  return regexSentences(text);
}
