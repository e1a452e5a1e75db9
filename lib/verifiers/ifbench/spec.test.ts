import { describe, expect, it } from 'vitest';
import { createRng } from '../../stats/rng';
import { KwargsError } from '../define';
import { IFBENCH_CONSTRAINTS } from './index';

const byId = new Map(IFBENCH_CONSTRAINTS.map((c) => [c.id, c]));
const get = (id: string) => byId.get(id)!;

describe('IFBench specs', () => {
  it('drop the null kwargs that IFBench data carries for unused names', () => {
    const raw = { N: 2, keyword: null, min_words: null, options: null, small_n: null };
    expect(get('count:numbers').prepare(raw)('1 and 2')).toBe(true);
    expect(get('format:no_whitespace').prepare({ N: null, word: null })('x')).toBe(true);
  });

  it('refuse missing or invalid kwargs instead of drawing them at random as upstream does', () => {
    expect(() => get('count:numbers').prepare({ N: null })).toThrow(KwargsError);
    expect(() => get('count:words_japanese').prepare({ N: 0 })).toThrow(/kwargs\.N/);
    expect(() => get('count:word_count_range').prepare({ min_words: 10, max_words: -1 })).toThrow(/max_words/);
    expect(() => get('repeat:repeat_change').prepare({ prompt_to_repeat: '' })).toThrow(/prompt_to_repeat/);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['count:word_count_range', { min_words: 24, max_words: 28 }, 'The response must contain between 24 and 28 words.'],
    ['count:words_japanese', { N: 21 }, 'Every 21st of your response must be in Japanese.'],
    ['count:words_japanese', { N: 5 }, 'Every 5th word of your response must be in Japanese.'],
    ['sentence:keyword', { word: 'eat', N: 3 }, 'The response must include keyword "eat" in the 3-th sentence.'],
    ['format:list', { sep: 'SEPARATOR' }, 'Answer with a list of items, instead of bullet points use SEPARATOR.'],
    ['words:start_verb', {}, 'The response must start with a verb.'],
  ])('%s describes %j as upstream', (id, kwargs, text) => {
    expect(get(id).describe(kwargs)).toBe(text);
  });

  it('sample valid kwargs, the same for the same seed', () => {
    for (const c of IFBENCH_CONSTRAINTS) {
      if (!c.sampleKwargs) continue;
      const a = c.sampleKwargs(createRng(7));
      expect(c.sampleKwargs(createRng(7))).toEqual(a);
      expect(typeof c.prepare(a)('Some response text.')).toBe('boolean');
      expect(c.describe(a).length).toBeGreaterThan(10);
    }
    // custom:* and repeat:* are whole prompts or need one, so they have no sampler.
    const unsampled = IFBENCH_CONSTRAINTS.filter((c) => !c.sampleKwargs).map((c) => c.id);
    expect(unsampled.every((id) => id.startsWith('custom:') || id.startsWith('repeat:') || id === 'ratio:overlap')).toBe(true);
  });

  it('belong to the ifbench suite with the id prefix as category', () => {
    for (const c of IFBENCH_CONSTRAINTS) {
      expect(c.suites).toEqual(['ifbench']);
      expect(c.category).toBe(c.id.split(':')[0]);
      expect(c.kind).toBe('hard');
    }
  });
});
