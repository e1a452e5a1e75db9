import { describe, expect, it } from 'vitest';
import { getConstraint } from '../registry';
import { GENERAL_WORDS, LAB_TOPICS, LEXICON, lexiconEntry, topicWords } from './lexicon';
import { isCheerful, isFormal, mentionsAnimal, responseWords, staysOnTopic } from './soft';

describe('the lab lexicon', () => {
  it('gives every topic the same shape: 14 words, 2 animals, 2 positive, 2 negative, 1 formal, 1 casual', () => {
    expect(LAB_TOPICS).toHaveLength(8);
    for (const topic of LAB_TOPICS) {
      const es = LEXICON.filter((e) => e.topic === topic);
      expect(es).toHaveLength(14);
      expect(es.filter((e) => e.animal)).toHaveLength(2);
      expect(es.filter((e) => e.sentiment === 'positive')).toHaveLength(2);
      expect(es.filter((e) => e.sentiment === 'negative')).toHaveLength(2);
      expect(es.filter((e) => e.register === 'formal')).toHaveLength(1);
      expect(es.filter((e) => e.register === 'casual')).toHaveLength(1);
    }
    expect(GENERAL_WORDS).toHaveLength(8);
  });

  it('lists every word once, none of them a topic name, all single lowercase letter runs', () => {
    const words = LEXICON.map((e) => e.word);
    expect(new Set(words).size).toBe(words.length);
    expect(words.filter((w) => LAB_TOPICS.includes(w))).toEqual([]);
    expect(words.filter((w) => !/^[a-z]+$/.test(w))).toEqual([]);
    expect(topicWords('ocean')).toContain('whale');
    expect(() => topicWords('moon')).toThrow(/unknown topic "moon"; use one of ocean/);
    expect(lexiconEntry('WHALE')?.animal).toBe(true);
  });
});

describe('the oracle of the soft constraints', () => {
  it('reads words as runs of letters, lowercased', () => {
    expect(responseWords('"Sunny, calm reef"')).toEqual(['sunny', 'calm', 'reef']);
    expect(responseWords('')).toEqual([]);
  });

  it.each([
    // response, cheerful, animal, on topic (ocean), formal
    ['sunny reef whale', true, true, true, false],
    ['sunny storm reef', false, false, true, false], // a negative word spoils cheer
    ['reef tide', false, false, true, false], // cheer needs a positive word
    ['happy dog reef', true, true, false, false], // general words are off every topic
    ['maritime calm wave', true, false, true, true],
    ['maritime gnarly wave', false, false, true, false], // a casual word spoils formality
    ['ocean reef', false, false, true, false], // the topic's name is on topic
    ['"Maritime, whale."', false, true, true, true], // punctuation and case do not matter
    ['owl tree', false, true, false, false], // forest words are off the ocean topic
    ['', false, false, false, false],
    ['zebra', false, false, false, false], // unknown words: neutral, no animal, off topic
  ])('%j', (response, cheerful, animal, onTopic, formal) => {
    expect(isCheerful(response)).toBe(cheerful);
    expect(mentionsAnimal(response)).toBe(animal);
    expect(staysOnTopic(response, 'ocean')).toBe(onTopic);
    expect(isFormal(response)).toBe(formal);
  });

  it('is registered as soft constraints whose check is the oracle', () => {
    const c = getConstraint('lab:on_topic');
    expect([c.kind, c.truth, c.suites]).toEqual(['soft', 'oracle', ['lab']]);
    expect(c.prepare({ topic: 'forest' })('owl tree')).toBe(true);
    expect(c.describe({ topic: 'forest' })).toBe('The response should stay on the topic of forest: every word should belong to it.');
    expect(() => c.prepare({ topic: 'moon' })).toThrow(/kwargs.topic/);
    expect(() => getConstraint('lab:cheerful').prepare({ tone: 'happy' })).toThrow(/cheerful/);
    expect(getConstraint('keywords:existence').truth).toBe('rule');
  });
});
