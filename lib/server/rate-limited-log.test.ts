import { describe, expect, it } from 'vitest';
import { rateLimitedLog } from './rate-limited-log';

describe('rateLimitedLog', () => {
  it('writes the first lines of each window, then one line counting the rest', () => {
    let t = 0;
    const out: string[] = [];
    const log = rateLimitedLog((l) => out.push(l), { perWindow: 2, windowMs: 1000, now: () => t, what: '4xx replies' });
    for (let i = 0; i < 5; i++) log(`line ${i}`);
    expect(out).toEqual(['line 0', 'line 1']);
    t = 999;
    log('line 5');
    expect(out).toHaveLength(2);
    t = 1000;
    log('line 6');
    expect(out).toEqual(['line 0', 'line 1', '... 4 more 4xx replies not logged in 1 s', 'line 6']);
    t = 5000;
    log('line 7');
    expect(out.at(-1)).toBe('line 7');
  });
});
