import { describe, expect, it } from 'vitest';
import { IFTRAIN_CONSTRAINTS } from './index';

const byId = new Map(IFTRAIN_CONSTRAINTS.map((c) => [c.id, c]));

// Expected verdicts confirmed by running open-instruct's IFEvalG (e6c3044) under python3 + NLTK 3.8 on each row.
const UPSTREAM: Array<[string, Record<string, unknown>, string, boolean]> = [
  ["paragraphs:paragraphs", {}, "One.\n***\nTwo.", true],
  ["paragraphs:paragraphs", {}, "One.***Two.", true],
  ["paragraphs:paragraphs", {}, "One.\n***\nTwo.\n***\nThree.", false],
  ["paragraphs:paragraphs", {}, "***\nOne.\n***\nTwo.\n***", true],
  ["paragraphs:paragraphs", {}, "One.\n***\n\n***\nTwo.", false],
  ["paragraphs:paragraphs", {}, "One.\n* * *\nTwo.", false],
  ["paragraphs:paragraphs", {}, "One.", false],
  ["paragraphs:paragraphs2", {}, "One.\n\nTwo.", true],
  ["paragraphs:paragraphs2", {}, "One.\nTwo.", false],
  ["paragraphs:paragraphs2", {}, "\n\nOne.\n\nTwo.\n\n", true],
  ["paragraphs:paragraphs2", {}, "One.\n\n\n\nTwo.", false],
  ["paragraphs:paragraphs2", {}, "One.\n\n\nTwo.", true],
];

describe('IFTrain paragraphs checkers (upstream semantics)', () => {
  it.each(UPSTREAM)('%s %j on %j is %s', (id, kwargs, response, expected) => {
    expect(byId.get(id)!.prepare(kwargs)(response)).toBe(expected);
  });
});
