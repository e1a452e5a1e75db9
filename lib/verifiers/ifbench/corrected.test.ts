import { describe, expect, it } from 'vitest';
import { IFBENCH_CONSTRAINTS } from './index';

/**
 * Documented upstream checker bugs: for each, a response that follows the instruction, which the upstream checker
 * rejects (kept by default so benchmark numbers stay comparable) and the corrected checker accepts.
 */
const byId = new Map(IFBENCH_CONSTRAINTS.map((c) => [c.id, c]));

// 26 sentences "A word. B word. …", with D opened by a quote and H by a bracket.
const ALPHABET_STORY = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i) + ' word.')
  .map((s, i) => (i === 3 ? `"${s}"` : i === 7 ? `(${s})` : s))
  .join(' ');

const KNOWN_BUGS: ReadonlyArray<readonly [id: string, kwargs: Record<string, unknown>, compliant: string, source: string]> = [
  [
    'words:words_position',
    { keyword: 'whisper' },
    'Well, whisper softly, and I whisper it.',
    'https://github.com/allenai/IFBench/issues/22 (punctuation tokens count as words)',
  ],
  ['format:line_indent', {}, 'a\n\n\n b\n  c', 'blank lines removed while iterating: the second of two blank lines stays'],
  [
    'format:no_bullets_bullets',
    {},
    'It is cold.\n\nIt is late.\n* coat\n* hat\n',
    'a blank line ends the sentence part (a variable is reused as flag and list), and so does a final newline',
  ],
  ['ratio:sentence_type', {}, 'I run. He said "I jump." Do you?', 'punkt keeps the closing quote, so the statement ends with "'],
  ['ratio:sentence_balance', {}, 'I run. "Do you?" Wow!', 'punkt keeps the closing quote, so the question ends with "'],
  [
    'custom:sentence_alphabet',
    {},
    ALPHABET_STORY,
    'https://github.com/allenai/IFBench/pull/34 (a sentence opening with a quote or bracket)',
  ],
  [
    'repeat:repeat_span',
    { prompt_to_repeat: 'explain the context, code and theory behind the paper', n_start: 3, n_end: 6 },
    'code and theory behind',
    'https://github.com/allenai/IFBench/pull/34 (prompts say word indices, the checker slices characters)',
  ],
];

describe('corrected IFBench checkers', () => {
  it.each(KNOWN_BUGS)('%s: upstream rejects a compliant response, corrected accepts it', (id, kwargs, compliant) => {
    const c = byId.get(id)!;
    expect(c.hasCorrected).toBe(true);
    expect(c.prepare(kwargs, 'upstream')(compliant)).toBe(false);
    expect(c.prepare(kwargs, 'corrected')(compliant)).toBe(true);
  });

  it('covers exactly the ids that have a corrected checker', () => {
    const withFix = IFBENCH_CONSTRAINTS.filter((c) => c.hasCorrected).map((c) => c.id);
    expect(withFix.sort()).toEqual(KNOWN_BUGS.map((b) => b[0]).sort());
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['words:words_position', { keyword: 'whisper' }, 'Well, softly whisper it.'],
    ['format:line_indent', {}, 'a\n\n b\n c'],
    ['format:no_bullets_bullets', {}, 'It is cold.\n\n* coat\n* hat\nBye.'],
    ['ratio:sentence_type', {}, 'I run. "Do you?" Yes?'],
    ['ratio:sentence_balance', {}, 'I run. Do you?'],
    ['custom:sentence_alphabet', {}, '"Apple." Banana.'],
    ['repeat:repeat_span', { prompt_to_repeat: 'explain the context, code', n_start: 1, n_end: 2 }, 'the context'],
  ])('%s: corrected still rejects a non-compliant response', (id, kwargs, response) => {
    expect(byId.get(id)!.prepare(kwargs, 'corrected')(response)).toBe(false);
  });
});
