import { describe, expect, it } from 'vitest';
import { looseVariants } from './variants';

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
});
