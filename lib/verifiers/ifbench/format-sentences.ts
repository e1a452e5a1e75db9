import { isEmoji } from '../nlp/emoji';
import { sentTokenize, wordTokenize } from '../nlp/nltk';
import { pyIsLower, pyIsUpper, pyStrip } from '../nlp/pytext';
import { fixedText } from './spec';
import { chars, deletePunct } from './text';

/** format:* ids built on NLTK's sentences and tokens (ifbench/instructions.py @db69a6f). */

export const emoji = fixedText('format:emoji', 'Please use an emoji at the end of every sentence.', (r) => {
  const sentences = sentTokenize(r);
  for (let i = 0; i < sentences.length; i++) {
    const cs = chars(pyStrip(deletePunct(sentences[i]!)));
    if (cs.length === 0) return false;
    // One code point at a time: a sequence such as ❤️ (U+2764 U+FE0F) passes through its second-to-last character.
    const last = cs[cs.length - 1]!;
    const secondLast = cs.length > 1 ? cs[cs.length - 2]! : last;
    if (isEmoji(last) || isEmoji(secondLast)) continue;
    // Otherwise the next sentence must start with an emoji (punkt often splits "Done. 🎉 Next" after the period).
    if (i === sentences.length - 1) return false;
    const next = chars(pyStrip(deletePunct(sentences[i + 1]!)));
    if (next.length === 0 || !isEmoji(next[0]!)) return false;
  }
  return true;
});

/** Sentences then bullets; `blankLinesStop` keeps upstream's bug where a line without sentences ends the text part. */
function isSentencesThenBullets(r: string, blankLinesStop: boolean): boolean {
  // Upstream reuses one variable as a flag and as the last line's sentence list: a line without sentences
  // (a blank line) makes it falsy, and the next non-bullet line then fails the response.
  let collecting = true;
  let nSentences = 0;
  let nBullets = 0;
  for (const line of r.split('\n')) {
    if (pyStrip(line).startsWith('*')) {
      collecting = false;
      if (nSentences < 2) return false;
      nBullets++;
    } else if (collecting) {
      const sentences = sentTokenize(pyStrip(line));
      nSentences += sentences.length;
      collecting = !blankLinesStop || sentences.length > 0;
    } else if (blankLinesStop || pyStrip(line) !== '') return false;
  }
  return nBullets >= 2;
}
export const noBulletsBullets = fixedText(
  'format:no_bullets_bullets',
  'Your answer must contain at least two sentences ending in a period followed by at least two bullet points denoted by *.',
  (r) => isSentencesThenBullets(r, true),
  // Corrected: blank lines between paragraphs (or after the bullets) are allowed.
  { checkCorrected: (r) => isSentencesThenBullets(r, false) },
);

const LETTER = /^\p{L}$/u;
export const titleCase = fixedText(
  'format:title_case',
  'Write the entire response in title case (capitalize the first letter of every major word).',
  (r) => {
    for (const token of wordTokenize(r)) {
      const [head, ...tail] = chars(token);
      if (head === undefined || !LETTER.test(head)) continue;
      const rest = tail.join('');
      if (rest === '') {
        if (pyIsLower(head)) return false;
        continue;
      }
      if (pyIsUpper(head) && pyIsLower(rest)) continue;
      // "word" and "wORD" fail; "Word", "USA", "McDonald" and even "iPhone" pass.
      if (pyIsLower(head) && (pyIsUpper(rest) || pyIsLower(rest))) return false;
    }
    return true;
  },
);
