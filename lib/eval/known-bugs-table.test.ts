import { describe, expect, it } from 'vitest';
import { KNOWN_BUGS } from '../verifiers/known-bugs';
import { knownBugsTable, replayKnownBugs } from './known-bugs-table';

describe('known bugs replayed', () => {
  const replays = replayKnownBugs();

  it('reproduces every catalogued upstream verdict, and every corrected checker accepts its example', () => {
    expect(replays).toHaveLength(KNOWN_BUGS.length);
    for (const { bug, upstream, corrected } of replays) {
      if (bug.upstreamVerdict !== 'random') expect(upstream, bug.id).toBe(bug.upstreamVerdict);
      else expect(upstream, bug.id).toBe(bug.ifkit === 'rejects-kwargs' ? 'kwargs rejected' : true);
      if (bug.hasCorrected) expect(corrected, bug.id).toBe(true);
    }
  });

  it('says when an id has no corrected checker', () => {
    const palindrome = replays.find((r) => r.bug.id === 'keywords:palindrome')!;
    expect([palindrome.upstream, palindrome.corrected]).toEqual([true, 'no corrected checker']);
  });

  it('tabulates one row per bug with both verdicts', () => {
    const t = knownBugsTable();
    expect(t.numRows()).toBe(KNOWN_BUGS.length);
    expect(t.columnNames()).toEqual(['id', 'suite', 'effect', 'what_goes_wrong', 'kwargs', 'response', 'upstream', 'corrected', 'link']);
    const random = t.array('upstream').filter((v) => String(v).startsWith('random draw'));
    expect(random).toHaveLength(KNOWN_BUGS.filter((b) => b.upstreamVerdict === 'random').length);
  });
});
