import { describe, expect, it } from 'vitest';
import { IFTRAIN_CONSTRAINTS } from './index';

const byId = new Map(IFTRAIN_CONSTRAINTS.map((c) => [c.id, c]));

// Expected verdicts confirmed by running open-instruct's IFEvalG (e6c3044) under python3 + NLTK 3.8 on each row.
const UPSTREAM: Array<[string, Record<string, unknown>, string, boolean]> = [
  ["count:counting_composition", {"n_sent": 2, "n_words": 2}, "Cats run. Dogs bark.\n***\nBirds fly. Fish swim.\n***\nCows moo. Pigs oink.", false],
  ["count:counting_composition", {"n_sent": 2, "n_words": 2}, "Cats run Dogs bark.\n***\nBirds fly. Fish swim.\n***\nCows moo. Pigs oink.", false],
  ["count:counting_composition", {"n_sent": 2, "n_words": 2}, "Cats run. Dogs bark.\n* * *\nBirds fly. Fish swim.\n* * *\nCows moo. Pigs oink.", false],
  ["count:counting_composition", {"n_sent": 2, "n_words": 2}, "Cats. Dogs.\n***\nBirds. Fish.\n***\nCows. Pigs.", true],
  ["count:counting_composition", {"n_sent": 2, "n_words": 2}, "***\nCats. Dogs.\n***\nBirds. Fish.\n***\nCows. Pigs.", false],
  ["count:counting_composition", {"n_sent": 1, "n_words": 3}, "Cats run.\n***\nDogs bark.\n***\nBirds fly.", true],
  ["count:counting_composition", {"n_sent": 1, "n_words": 3}, "Cats run fast.\n***\nDogs bark.\n***\nBirds fly.", false],
  ["count:count_unique", {}, "Hello world.", true],
  ["count:count_unique", {}, "Hello world. Nice day.", false],
  ["count:count_unique", {}, "Hello hello", true],
  ["count:count_unique", {}, "Hello, world, friend", false],
  ["count:count_unique", {}, "The cat saw the dog", true],
  ["count:count_increment_word", {"keyword1": "sun", "keyword2": "moon"}, "sun moon moon", true],
  ["count:count_increment_word", {"keyword1": "sun", "keyword2": "moon"}, "Sun MOON moon sunny", false],
  ["count:count_increment_word", {"keyword1": "sun", "keyword2": "moon"}, "sun moon", false],
  ["count:count_increment_word", {"keyword1": "sun", "keyword2": "moon"}, "honeymoon moon sun", true],
];

describe('IFTrain count checkers (upstream semantics)', () => {
  it.each(UPSTREAM)('%s %j on %j is %s', (id, kwargs, response, expected) => {
    expect(byId.get(id)!.prepare(kwargs)(response)).toBe(expected);
  });
});

describe('IFTrain count checkers, corrected', () => {
  const two = { n_sent: 2, n_words: 2 };
  const body = ['Cats run. Dogs bark.', 'Birds fly. Fish swim.', 'Cows moo. Pigs oink.'];
  // [id, kwargs, response, upstream, corrected]; upstream verdicts are in the oracle table above or follow from it.
  it.each<[string, Record<string, unknown>, string, boolean, boolean]>([
    ['count:counting_composition', two, body.join('\n* * *\n'), false, true],
    ['count:counting_composition', two, body.join('\n***\n'), false, true],
    ['count:counting_composition', two, `***\n${body.join('\n***\n')}`, false, true],
    ['count:counting_composition', two, body.slice(0, 2).join('\n***\n'), false, false],
    ['count:counting_composition', two, ['Cats run fast. Dogs bark.', ...body.slice(1)].join('\n***\n'), false, false],
    // With punctuation counted, "Cats run." is 3 tokens: upstream passes it for n_words 3, the fix does not.
    ['count:counting_composition', { n_sent: 1, n_words: 3 }, 'Cats run.\n***\nDogs bark.\n***\nBirds fly.', true, false],
    ['count:count_unique', {}, 'Hello world. Nice day.', false, true],
    ['count:count_unique', {}, 'Hello, world, friend', false, true],
    ['count:count_unique', {}, 'The cat saw the cat.', false, false],
    ['count:count_unique', {}, 'Hello hello', true, true],
  ])('%s %j on %j: upstream %s, corrected %s', (id, kwargs, response, upstream, corrected) => {
    const c = byId.get(id)!;
    expect(c.prepare(kwargs)(response)).toBe(upstream);
    expect(c.prepare(kwargs, 'corrected')(response)).toBe(corrected);
  });
});
