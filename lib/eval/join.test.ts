import { describe, expect, it } from 'vitest';
import type { PreparedPrompt } from './input';
import { joinResponses } from './join';

const prompt = (key: number | string, text: string): PreparedPrompt => ({ key, prompt: text, instructionIds: [], kwargs: [], checks: [] });

describe('joinResponses', () => {
  it('joins by exact prompt text, then stripped text, then key, and reports the rest as missing', () => {
    const prompts = [prompt(1, 'Say hi.'), prompt(2, ' Say bye. '), prompt('k3', 'renamed'), prompt(4, 'nobody')];
    const joined = joinResponses(prompts, [
      { prompt: 'Say hi.', response: 'hi' },
      { prompt: 'Say bye.', response: 'bye' },
      { prompt: 'old text', response: 'by key', key: 'k3' },
    ]);
    expect(joined.responses).toEqual(['hi', 'bye', 'by key', null]);
    expect(joined.joinedBy).toEqual(['prompt', 'stripped_prompt', 'key', 'missing']);
    expect(joined.missing).toEqual([4]);
  });

  it('lets the later of two rows with the same prompt win, as upstream dict() does', () => {
    const joined = joinResponses([prompt(1, 'p')], [{ prompt: 'p', response: 'first' }, { prompt: 'p', response: 'second' }]);
    expect(joined.responses).toEqual(['second']);
  });

  it('matches a numeric key to a string key', () => {
    expect(joinResponses([prompt(2785, 'new text')], [{ prompt: 'old text', response: 'r', key: '2785' }]).responses).toEqual(['r']);
  });
});
