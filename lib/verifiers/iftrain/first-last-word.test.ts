import { describe, expect, it } from 'vitest';
import { IFTRAIN_CONSTRAINTS } from './index';

const byId = new Map(IFTRAIN_CONSTRAINTS.map((c) => [c.id, c]));

// Expected verdicts confirmed by running open-instruct's IFEvalG (e6c3044) under python3 + NLTK 3.8 on each row.
const UPSTREAM: Array<[string, Record<string, unknown>, string, boolean]> = [
  ["first_word:first_word_sent", {"first_word": "Yes"}, "Yes it is. yes, really!", false],
  ["first_word:first_word_sent", {"first_word": "Yes"}, "Yes it is. No way.", false],
  ["first_word:first_word_sent", {"first_word": "Yes"}, "Yes", true],
  ["first_word:first_word_sent", {"first_word": "Yes"}, "", true],
  ["first_word:first_word_sent", {"first_word": "Yes"}, "Yes. Yes.", false],
  ["first_word:first_word_sent", {"first_word": ["cat", "dog"]}, "Cat runs. cat sleeps.", true],
  ["first_word:first_word_answer", {"first_word": "Hello"}, "hello there", true],
  ["first_word:first_word_answer", {"first_word": "Hello"}, "Hello, there", false],
  ["first_word:first_word_answer", {"first_word": "Hello"}, "  Hello there", true],
  ["first_word:first_word_answer", {"first_word": "Hello"}, "Hi", false],
  ["last_word:last_word_sent", {"last_word": "now"}, "Do it now. Go now!", true],
  ["last_word:last_word_sent", {"last_word": "now"}, "Do it now. Go later.", false],
  ["last_word:last_word_sent", {"last_word": "now"}, "Stop now...", true],
  ["last_word:last_word_sent", {"last_word": "now"}, "now", true],
  ["last_word:last_word_sent", {"last_word": "now"}, "It is (now).", true],
  ["last_word:last_word_answer", {"last_word": "end"}, "This is the end.", true],
  ["last_word:last_word_answer", {"last_word": "end"}, "The END!!!", true],
  ["last_word:last_word_answer", {"last_word": "end"}, "end of story", false],
  ["last_word:last_word_answer", {"last_word": "end"}, "the end-", true],
  ["last_word:last_word_answer", {"last_word": "end"}, "x en-d", true],
];

describe('IFTrain first-last-word checkers (upstream semantics)', () => {
  it.each(UPSTREAM)('%s %j on %j is %s', (id, kwargs, response, expected) => {
    expect(byId.get(id)!.prepare(kwargs)(response)).toBe(expected);
  });
});
