import { describe, expect, it } from 'vitest';
import { coverageLines, responseCoverage } from './response-coverage';

const prompts = [{ key: 1, prompt: 'Write a poem.' }, { key: 2, prompt: 'Write a song.' }];

describe('responseCoverage', () => {
  it('finds responses to no prompt and repeated prompts, with their first lines', () => {
    const responses = [
      { prompt: 'Write a poem.', response: 'a', line: 1 },
      { prompt: ' Write a song. ', response: 'b', line: 2 }, // matches by stripped text
      { prompt: 'Write a limerick.', response: 'c', line: 3 },
      { prompt: 'Write a poem.', response: 'd', line: 5 },
      { prompt: 'unrelated', response: 'e', key: 2, line: 6 }, // matches by key
      { prompt: 'Write an essay.', response: 'f', line: 7 },
    ];
    const c = responseCoverage(prompts, responses);
    expect(c).toEqual({ unmatched: { count: 2, firstLines: [3, 7] }, duplicates: { count: 1, firstLines: [5] } });
    expect(coverageLines(c, 'r.jsonl')).toEqual([
      'r.jsonl: 2 response(s) answer no prompt of the input and are not scored (lines 3, 7)',
      "r.jsonl: 1 response(s) repeat an earlier response's prompt; the last one is scored, as upstream does (line 5)",
    ]);
  });

  it('says nothing about a clean file', () => {
    const c = responseCoverage(prompts, [{ prompt: 'Write a poem.', response: 'a', line: 1 }]);
    expect(coverageLines(c, 'r.jsonl')).toEqual([]);
  });
});
