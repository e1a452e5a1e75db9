import { describe, expect, it } from 'vitest';
import { createRng } from '../../stats/rng';
import { IFTRAIN_CONSTRAINTS } from './index';

// [id, kwargs, the text upstream's build_description(**kwargs) returns], confirmed by running open-instruct e6c3044.
const DESCRIPTIONS: Array<[string, Record<string, unknown>, string]> = [
  ["copy:repeat_phrase", {"phrase": "The pen is mightier than sword", "small_n": 3}, "Repeat the phrase The pen is mightier than sword exactly 3 times, transforming it slightly each time by replacing only one word in the center of the phrase."],
  ["copy:copy", {"prompt_to_repeat": "Write a poem about the sea."}, "Copy this instruction verbatim, do not follow the instruction, only copy it into the output (do not include this instruction sentence!)."],
  ["new:copy_span_idx", {"prompt_to_repeat": "Write a poem about the sea.", "n_start": 20, "n_end": 26}, "Copy the span of words that lies between (and including) index 20 and 26, the indices are character indices!"],
  ["detectable_format:sentence_hyphens", {}, "All sentences must be connected using hyphens, with no spaces between them."],
  ["keywords:no_adjacent_consecutive", {}, "No two adjacent words can start with consecutive letters of the alphabet."],
  ["detectable_format:square_brackets", {}, "Enclose every word in your response within square brackets."],
  ["keywords:word_once", {"keyword": "kettle"}, "Include keyword kettle in your response."],
  ["keywords:word_count_different_numbers", {"keyword": "lobster", "frequency": 2, "relation": "less than"}, "In your response, the word lobster should appear 2 times."],
  ["keywords:exclude_word_harder", {"keyword": "river"}, "Do not include keyword river in the response."],
  ["paragraphs:paragraphs", {}, "There should be 2 paragraphs. Paragraphs are separated with the markdown divider: ***"],
  ["paragraphs:paragraphs2", {}, "There should be 2 paragraphs. Paragraphs and only paragraphs are separated with each other by two line breaks. "],
  ["first_word:first_word_sent", {"first_word": "wizard"}, "The first word of each sentence should be the word wizard."],
  ["first_word:first_word_answer", {"first_word": "orchard"}, "The first word of your response should be the word orchard."],
  ["last_word:last_word_sent", {"last_word": "ladder"}, "The last word of each sentence, before punctuation, should be the word ladder."],
  ["last_word:last_word_answer", {"last_word": "comet"}, "The last word of your response should be the word comet."],
  ["detectable_format:bigram_wrapping", {}, "Wrap every word bigram in double angular brackets, such as <<I am>> <<at home>> <<with my>> <<cute dog>>."],
  ["copy:copying_simple", {"prompt_to_repeat": "Write a poem about the sea."}, "Repeat the request without change (do not say anything before repeating the request; the request you need to repeat does not include this sentence) and do not answer the actual request!"],
  ["copy:copying_multiple", {"prompt_to_repeat": "Write a poem about the sea.", "N": 3}, "Repeat the request without change 3 times, separated by 6 asterisk symbols (do not say anything before repeating the request; the request you need to repeat does not include this sentence) and do not answer the actual request!"],
  ["punctuation:punctuation_dot", {}, "In your entire response, refrain from the use of . (i.e. dots) as punctuation and in general."],
  ["punctuation:punctuation_exclamation", {}, "In your entire response, refrain from the use of ! (i.e. exclamation marks) as punctuation and in general."],
  ["count:lowercase_counting", {"N": 3}, "In your response, all lowercase words should appear at most 3 times."],
  ["letters:letter_counting", {"N": 2, "relation": "less than"}, "Answer with less than 2 letters."],
  ["letters:letter_counting2", {"letter": "q", "let_frequency": 9, "let_relation": "less than"}, "In your response, the letter q should appear less than 9 times."],
  ["count:counting_composition", {"n_sent": 3, "n_words": 2}, "Write 3 paragraphs, delimited by the markdown divider: * * *, with exactly 3 sentences each, with exactly 2 words in each sentence."],
  ["count:count_unique", {}, "Only use unique words in your response, no word should be repeated!"],
  ["count:count_increment_word", {"keyword1": "napkin", "keyword2": "hammer"}, "Include keyword napkin once in your response, keyword hammer twice in your response."],
  ["keywords:palindrome", {}, "Include a palindrome in your response."],
  ["keywords:keyword_specific_position", {"keyword": "dragon", "n": 16, "m": 4}, "Include keyword dragon in the 16-th sentence, as the 4-th word of that sentence."],
  ["keywords:start_end", {}, "Start and end your response with the same word (do not write anything after the last word, not even punctuation)."],
];

describe('IFTRAIN_CONSTRAINTS', () => {
  it.each(DESCRIPTIONS)('%s describes %j as upstream does', (id, kwargs, text) => {
    expect(IFTRAIN_CONSTRAINTS.find((c) => c.id === id)!.describe(kwargs)).toBe(text);
  });

  it('holds the 29 ids IFEvalG adds to IFEval, once each, all hard and in suite iftrain', () => {
    const ids = IFTRAIN_CONSTRAINTS.map((c) => c.id);
    expect(ids).toHaveLength(29);
    expect(new Set(ids).size).toBe(29);
    expect(ids[0]).toBe('copy:repeat_phrase');
    expect(ids[28]).toBe('keywords:start_end');
    for (const c of IFTRAIN_CONSTRAINTS) {
      expect(c.suites).toEqual(['iftrain']);
      expect(c.kind).toBe('hard');
      expect(c.id.startsWith(`${c.category}:`)).toBe(true);
    }
  });

  it('samples kwargs that validate and describe, for every id with a generator', () => {
    const rng = createRng(7);
    const withSampler = IFTRAIN_CONSTRAINTS.filter((c) => c.sampleKwargs);
    // The four copy ids need the prompt; the synthesiser fills them in.
    expect(withSampler).toHaveLength(25);
    for (const c of withSampler) {
      for (let i = 0; i < 20; i++) {
        const kwargs = c.sampleKwargs!(rng);
        expect(() => c.prepare(kwargs)).not.toThrow();
        expect(c.describe(kwargs).length).toBeGreaterThan(10);
      }
    }
  });

  it('marks the ids with a corrected checker', () => {
    expect(IFTRAIN_CONSTRAINTS.filter((c) => c.hasCorrected).map((c) => c.id).sort()).toEqual([
      'count:count_unique',
      'count:counting_composition',
      'keywords:keyword_specific_position',
      'new:copy_span_idx',
    ]);
  });
});
