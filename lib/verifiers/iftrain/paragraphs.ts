/** IFTrain paragraph constraints: exactly two paragraphs, divided by `***` or by a blank line. */
import { z } from 'zod';
import { defineConstraint } from '../define';
import { countPieces, STARS_DIVIDER } from './common';

export const paragraphs = defineConstraint({
  id: 'paragraphs:paragraphs',
  suites: ['iftrain'],
  category: 'paragraphs',
  kind: 'hard',
  kwargs: z.object({}),
  describe: () => 'There should be 2 paragraphs. Paragraphs are separated with the markdown divider: ***',
  sampleKwargs: () => ({}),
  check: (response) => countPieces(response.split(STARS_DIVIDER)) === 2,
});

export const paragraphs2 = defineConstraint({
  id: 'paragraphs:paragraphs2',
  suites: ['iftrain'],
  category: 'paragraphs',
  kind: 'hard',
  kwargs: z.object({}),
  // The trailing space is upstream's.
  describe: () =>
    'There should be 2 paragraphs. Paragraphs and only paragraphs are separated with each other by two line breaks. ',
  sampleKwargs: () => ({}),
  check: (response) => countPieces(response.split('\n\n')) === 2,
});
