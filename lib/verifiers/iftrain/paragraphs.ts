/** IFTrain paragraph constraints: exactly two paragraphs, divided by `***` or by a blank line. */
import { noKwargs } from '../kwargs';
import { countPieces, STARS_DIVIDER } from '../ifeval/number-paragraphs';
import { iftrainConstraint } from './common';

export const paragraphs = iftrainConstraint({
  id: 'paragraphs:paragraphs',
  kwargs: noKwargs,
  describe: () => 'There should be 2 paragraphs. Paragraphs are separated with the markdown divider: ***',
  sampleKwargs: () => ({}),
  check: (response) => countPieces(response.split(STARS_DIVIDER)) === 2,
});

export const paragraphs2 = iftrainConstraint({
  id: 'paragraphs:paragraphs2',
  kwargs: noKwargs,
  // The trailing space is upstream's.
  describe: () =>
    'There should be 2 paragraphs. Paragraphs and only paragraphs are separated with each other by two line breaks. ',
  sampleKwargs: () => ({}),
  check: (response) => countPieces(response.split('\n\n')) === 2,
});
