import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyStrip } from './nlp/pytext';
import { looseVariants } from './variants';

/** Upstream's definition, line lists and all (evaluation_lib.test_instruction_following_loose). */
function byLines(r: string): Array<string | null> {
  const lines = r.split('\n');
  const [first, last, both] = [lines.slice(1), lines.slice(0, -1), lines.slice(1, -1)].map((l) => pyStrip(l.join('\n')));
  const star = (s: string): string => s.replaceAll('*', '');
  return [r, star(r), first!, last!, both!, star(first!), star(last!), star(both!)].map((t) => (pyStrip(t) === '' ? null : t));
}

describe('looseVariants', () => {
  it('builds the 8 upstream variants in order', () => {
    const v = looseVariants('Sure, here it is:\n*Title*\nbody text\nHope this helps!');
    expect(v.map((x) => x.text)).toEqual([
      'Sure, here it is:\n*Title*\nbody text\nHope this helps!',
      'Sure, here it is:\nTitle\nbody text\nHope this helps!',
      '*Title*\nbody text\nHope this helps!',
      'Sure, here it is:\n*Title*\nbody text',
      '*Title*\nbody text',
      'Title\nbody text\nHope this helps!',
      'Sure, here it is:\nTitle\nbody text',
      'Title\nbody text',
    ]);
  });

  it('marks variants that are empty after strip as skipped, and splits on \\n only', () => {
    const v = looseVariants('one line\r\n');
    // "one line\r\n".split("\n") = ["one line\r", ""]: dropping the last line leaves "one line" after strip.
    expect(v[3]!.text).toBe('one line');
    // dropping the first line leaves "" → skipped
    expect(v[2]!.text).toBeNull();
    expect(v[4]!.text).toBeNull();
    expect(looseVariants('***')[1]!.text).toBeNull();
  });

  it('equals the line-list definition on random texts of newlines, stars and spaces', () => {
    const text = fc.string({ unit: fc.constantFrom('\n', '*', ' ', 'a', 'b', '\r', '\u00a0'), maxLength: 16 });
    fc.assert(
      fc.property(text, (r) => {
        expect(looseVariants(r).map((v) => v.text)).toEqual(byLines(r));
      }),
      { numRuns: 3000 },
    );
  });
});
