import { describe, expect, it } from 'vitest';
import { oddTexts } from './fixtures/oracle-rows';
import { detectLanguage, detectLanguages } from './index';

describe('detectLanguage / detectLanguages', () => {
  it.each([[''], ['   \n'], ['******'], ['1234567890'], ['😀😃😄'], ['https://example.com/a?b=1']])(
    'is null where Python raises "No features in text": %j',
    (text) => {
      expect(detectLanguage(text)).toBeNull();
      expect(detectLanguages(text)).toBeNull();
    },
  );

  it.each([
    ['The weather today is pleasant, and we are going for a long walk in the park.', 'en'],
    ["Le temps est agréable aujourd'hui et nous allons faire une longue promenade.", 'fr'],
    ['Сегодня приятная погода, и мы идём на долгую прогулку в парк.', 'ru'],
    ['今日は天気が良いので、公園で長い散歩をします。', 'ja'],
    ['THIS RESPONSE IS WRITTEN ENTIRELY IN CAPITAL LETTERS ABOUT THE WEATHER.', 'en'],
  ])('detects %j as %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('lists languages above 0.1, most probable first, and agrees with detectLanguage', () => {
    for (const [name, text] of oddTexts()) {
      const guesses = detectLanguages(text);
      const top = detectLanguage(text);
      if (guesses === null) {
        expect(top, name).toBeNull();
        continue;
      }
      expect(guesses.every((g) => g.prob > 0.1), name).toBe(true);
      expect(guesses.map((g) => g.prob), name).toEqual([...guesses.map((g) => g.prob)].sort((a, b) => b - a));
      expect(top, name).toBe(guesses[0]?.lang ?? 'unknown');
    }
  });

  it('is deterministic: the same text gives the same answer every time, remembered or recomputed', () => {
    const text = 'Dzisiaj pogoda jest przyjemna i idziemy na długi spacer do parku.';
    expect(detectLanguages(text)).toEqual(detectLanguages(text));
    const first = detectLanguage(text);
    for (let i = 0; i < 20; i++) detectLanguage(`filler text number ${i} to push the first one out`);
    expect([first, detectLanguage(text), detectLanguage(text)]).toEqual(['pl', 'pl', 'pl']);
  });
});
