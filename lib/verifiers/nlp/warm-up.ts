/**
 * Every model the checkers load lazily (Punkt, the Treebank tokenizer, the perceptron tagger, langdetect's profiles,
 * NLTK's stopwords, syllapy's word list, the emoji list), loaded now. A time-bounded check must not pay for a
 * model's first load: on a loaded machine the tagger alone can take longer than the bound, and a load that is
 * stopped starts again at the next check.
 */
import { isEmoji } from './emoji';
import { detectLanguage } from './langdetect/index';
import { englishStopwords, posTag, splitIntoSentences, wordTokenize } from './nltk';
import { countSyllables } from './syllables';

let warm = false;

/** Loads every lazily loaded NLP model once per process (about 0.5 s of CPU the first time, nothing after). */
export function warmUpModels(): void {
  if (warm) return;
  wordTokenize("Mr. Smith left. He wasn't tired.");
  posTag(['The', 'cat', 'sat', '.']);
  detectLanguage('The weather is pleasant today and the sea is calm.');
  englishStopwords();
  countSyllables('banana');
  isEmoji('😀');
  splitIntoSentences('Hello Mr. Bond. Bye!');
  warm = true;
}
