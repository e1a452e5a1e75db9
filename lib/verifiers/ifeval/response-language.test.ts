import { describe, expect, it } from 'vitest';
import { responseLanguage } from './response-language';

const check = (language: string, response: string) => responseLanguage.prepare({ language })(response);

describe('language:response_language', () => {
  // Upstream instructions_test.py: test_response_language and test_response_multilanguage.
  it.each([
    ['English', 'en', 'The response is English', true],
    ['Spanish with an English brand', 'es', "Desayunamos en McDonald's hoy", true],
    ['English with a French name', 'en', 'Today we visit the Louvre', true],
    ['German is not French', 'fr', 'Das ist ein ganz normaler deutscher Satz über das Wetter.', false],
    ['Hindi', 'hi', 'यह एक हिंदी वाक्य है और इसमें कई शब्द हैं।', true],
  ])('%s', (_label, language, response, expected) => {
    expect(check(language, response)).toBe(expected);
  });

  it('is unverifiable (a pass, as upstream) when no language can be detected', () => {
    expect(check('en', '******')).toBe('unverifiable');
    expect(check('en', '')).toBe('unverifiable');
    expect(check('en', '12345 !!!')).toBe('unverifiable');
  });

  it('accepts only the 30 IFEval codes and names the language in the text', () => {
    expect(() => check('zz', 'x')).toThrow(/kwargs\.language: must be one of the IFEval language codes/);
    expect(responseLanguage.describe({ language: 'fa' })).toBe('Your ENTIRE response should be in Persian language, no other language is allowed.');
  });
});
