import { describe, expect, it } from 'vitest';
import { KwargsError } from './define';
import { KNOWN_BUGS } from './known-bugs';
import { getConstraint, listConstraints } from './registry';

const label = (b: (typeof KNOWN_BUGS)[number]): string => `${b.id} (${b.effect})`;

describe('known upstream verifier bugs', () => {
  // getConstraint throws for an unregistered id, so a row ahead of its checker fails here instead of being skipped.
  it.each(KNOWN_BUGS.map((b) => [label(b), b] as const))('%s: the example shows the bug', (_, bug) => {
    const c = getConstraint(bug.id);
    expect(c.suites).toContain(bug.suite);
    if (bug.hasCorrected) expect(c.hasCorrected).toBe(true);
    if (bug.upstreamVerdict === 'random') {
      if (bug.ifkit === 'rejects-kwargs') expect(() => c.prepare(bug.example.kwargs)).toThrow(KwargsError);
      // Taken literally, the example is compliant.
      else expect(c.prepare(bug.example.kwargs)(bug.example.response)).toBe(true);
      return;
    }
    expect(c.prepare(bug.example.kwargs, 'upstream')(bug.example.response)).toBe(bug.upstreamVerdict);
    if (bug.hasCorrected) {
      expect(bug.effect).toBe('false-rejection');
      expect(c.prepare(bug.example.kwargs, 'corrected')(bug.example.response)).toBe(true);
    }
  });

  it('lists every id that has a corrected checker, and links every row', () => {
    const catalogued = new Set(KNOWN_BUGS.filter((b) => b.hasCorrected).map((b) => b.id));
    for (const c of listConstraints()) if (c.hasCorrected) expect(catalogued).toContain(c.id);
    for (const b of KNOWN_BUGS) expect(b.link).toMatch(/^https:\/\/github\.com\//);
  });

  it('marks the random-kwargs rows with what ifkit does instead', () => {
    for (const b of KNOWN_BUGS) expect(b.upstreamVerdict === 'random').toBe(b.ifkit !== undefined);
  });
});
