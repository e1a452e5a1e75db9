import { describe, expect, it } from 'vitest';
import { rewardExposure } from './reward-exposure';
import type { VerdictRecord } from './run-audit';
import type { JudgeVerdict } from './types';
import type { Verdict } from '../verifiers/types';

const v = (key: string, truth: Verdict, verdict: JudgeVerdict): VerdictRecord => ({ key, instruction_index: 0, instruction_id: 'a:b', category: 'a', truth, verdict });

describe('rewardExposure', () => {
  it('splits prompts by truth and counts those the judge passes entirely', () => {
    const e = rewardExposure([
      // p1 compliant, judged pass; p2 compliant, one invalid verdict (a fail)
      v('p1', true, true), v('p1', 'unverifiable', true),
      v('p2', true, true), v('p2', true, 'invalid'),
      // p3 violates one of two, judge misses it; p4 violates, judge catches; p5 violates both, judge misses both
      v('p3', true, true), v('p3', false, true),
      v('p4', false, false),
      v('p5', false, true), v('p5', false, true),
    ]);
    expect(e).toEqual({ compliantPrompts: 2, compliantRewarded: 0.5, nonCompliantPrompts: 3, nonCompliantRewarded: 2 / 3 });
  });

  it('is NaN for a side with no prompts', () => {
    expect(rewardExposure([v('p', true, true)]).nonCompliantRewarded).toBeNaN();
  });
});
