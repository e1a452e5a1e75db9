import { z } from 'zod';
import { pyLstrip, pySplit, pyStrip } from '../nlp/pytext';
import { countSchema, positiveSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';
import { sampleKeyword } from '../word-pool';

const STOP = new Set(['.', ',', '?', '!', "'", '"']);

/** The first word as upstream reads it: left-strip `'` then `"`, cut at the first of `. , ? ! ' "`, lowercase per character. */
function firstWordOf(paragraph: string): string {
  const word = pyLstrip(pyLstrip(pyStrip(pySplit(paragraph)[0] ?? ''), "'"), '"');
  let out = '';
  for (const ch of word) {
    if (STOP.has(ch)) break;
    out += ch.toLowerCase();
  }
  return out;
}

/** length_constraints:nth_paragraph_first_word: N `\n\n` paragraphs, and paragraph `nth` starts with `first_word`. */
export const nthParagraphFirstWord = ifevalConstraint({
  id: 'length_constraints:nth_paragraph_first_word',
  kwargs: z
    .object({ num_paragraphs: countSchema, nth_paragraph: positiveSchema, first_word: z.string() })
    .refine((k) => k.nth_paragraph <= k.num_paragraphs, {
      path: ['nth_paragraph'],
      message: 'must be <= num_paragraphs (upstream replaces it by a random paragraph otherwise)',
    }),
  describe: ({ num_paragraphs, nth_paragraph, first_word }) =>
    `There should be ${num_paragraphs} paragraphs. Paragraphs and only paragraphs are separated with each other by ` +
    `two new lines as if it was '\\n\\n' in python. Paragraph ${nth_paragraph} must start with word ${first_word.toLowerCase()}.`,
  sampleKwargs: (rng) => {
    const num_paragraphs = rng.int(1, 5);
    return { num_paragraphs, nth_paragraph: rng.int(1, num_paragraphs), first_word: sampleKeyword(rng) };
  },
  check: (response, { num_paragraphs, nth_paragraph, first_word }) => {
    // The count skips blank pieces but the index does not: upstream's own quirk, kept.
    const pieces = response.split('\n\n');
    const count = pieces.filter((p) => pyStrip(p) !== '').length;
    if (nth_paragraph > count) return false;
    const paragraph = pyStrip(pieces[nth_paragraph - 1]!);
    if (paragraph === '') return false;
    return count === num_paragraphs && firstWordOf(paragraph) === first_word.toLowerCase();
  },
});
