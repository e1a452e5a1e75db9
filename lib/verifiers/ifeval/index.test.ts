import { describe, expect, it } from 'vitest';
import { createRng } from '../../stats/rng';
import { IFEVAL_CONSTRAINTS } from './index';

// instructions_registry.INSTRUCTION_DICT, in order.
const UPSTREAM_ORDER = [
  'keywords:existence', 'keywords:frequency', 'keywords:forbidden_words', 'keywords:letter_frequency',
  'language:response_language', 'length_constraints:number_sentences', 'length_constraints:number_paragraphs',
  'length_constraints:number_words', 'length_constraints:nth_paragraph_first_word',
  'detectable_content:number_placeholders', 'detectable_content:postscript', 'detectable_format:number_bullet_lists',
  'detectable_format:constrained_response', 'detectable_format:number_highlighted_sections',
  'detectable_format:multiple_sections', 'detectable_format:json_format', 'detectable_format:title',
  'combination:two_responses', 'combination:repeat_prompt', 'startend:end_checker',
  'change_case:capital_word_frequency', 'change_case:english_capital', 'change_case:english_lowercase',
  'punctuation:no_comma', 'startend:quotation',
];

describe('IFEVAL_CONSTRAINTS', () => {
  it('holds the 25 upstream ids in registry order, hard, categorised by prefix', () => {
    expect(IFEVAL_CONSTRAINTS.map((c) => c.id)).toEqual(UPSTREAM_ORDER);
    for (const c of IFEVAL_CONSTRAINTS) {
      expect(c.kind).toBe('hard');
      expect(c.category).toBe(c.id.split(':')[0]);
      expect(c.suites).toContain('ifeval');
    }
  });

  it('samples kwargs that validate and describe deterministically (all but repeat_prompt)', () => {
    const rng = createRng(7);
    const withoutSampler = IFEVAL_CONSTRAINTS.filter((c) => !c.sampleKwargs).map((c) => c.id);
    expect(withoutSampler).toEqual(['combination:repeat_prompt']);
    for (const c of IFEVAL_CONSTRAINTS) {
      if (!c.sampleKwargs) continue;
      for (let i = 0; i < 20; i++) {
        const kwargs = c.sampleKwargs(rng);
        expect(() => c.prepare(kwargs)).not.toThrow();
        expect(c.describe(kwargs)).toBe(c.describe(structuredClone(kwargs)));
      }
    }
  });

  it('drops null kwargs as IFBench does (HF rows carry every kwarg name)', () => {
    const words = IFEVAL_CONSTRAINTS.find((c) => c.id === 'length_constraints:number_words')!;
    expect(words.prepare({ num_words: 2, relation: 'at least', keywords: null, language: null })('a b')).toBe(true);
  });
});
