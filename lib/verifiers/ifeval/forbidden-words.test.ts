import { describe, expect, it } from 'vitest';
import { forbiddenWords } from './forbidden-words';

const check = (forbidden_words: string[], response: string) => forbiddenWords.prepare({ forbidden_words })(response);

// Upstream instructions_test.py: test_forbidden_words (messages shortened to the sentences that decide).
const NAZIS = 'The Nazis quickly consolidated their power by passing laws. By 1934, Hitler had become dictator of Germany.';
const DINOS = 'Dinosaurs dominated the Earth for over 160 million years; their extinction is still unknown.';
const GPT = 'GPT models are trained on a massive dataset of text and code, used by organizations like Google.';

describe('keywords:forbidden_words', () => {
  it.each([
    ['power and become used', ['HOUSE', 'POWER', 'BECOME'], NAZIS, false],
    ['none used', ['HOUSE', 'POWER', 'BECOME'], DINOS, true],
    ['none used (GPT)', ['HOUSE', 'POWER', 'BECOME'], GPT, true],
    ['google and text absent', ['GOOGLE', 'TEXT'], NAZIS, true],
    ['Google used', ['GOOGLE', 'TEXT'], GPT, false],
    ['whole words only: generative is not gene', ['GENE', 'TRANSFORM'], GPT, true],
    ['Python \\b is Unicode: "na" is not a word inside "naïve"', ['na'], 'a naïve plan', true],
    ['Unicode letters extend words: café inside cafés', ['café'], 'two cafés', true],
    ['Unicode case-insensitive whole word', ['über'], 'Über.', false],
    ['empty response', ['cat'], '', true],
    ['CRLF around the word', ['cat'], 'a\r\ncat\r\n', false],
  ])('%s', (_label, words, response, expected) => {
    expect(check(words, response)).toBe(expected);
  });

  it('describes the deduplicated, sorted words', () => {
    expect(forbiddenWords.describe({ forbidden_words: ['b', 'a', 'b'] })).toBe("Do not include keywords ['a', 'b'] in the response.");
  });
});
