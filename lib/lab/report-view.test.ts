import { describe, expect, it } from 'vitest';
import { judgeClaim } from '../stats/claims';
import type { ExperimentReport } from './experiments/define';
import { getExperiment } from './experiments/registry';
import { armsTable, claimsTable, reportTable, verdictsMarkdown } from './report-view';
import type { ExperimentRun } from './run-or-load';

// values 0.1, 0.2, 0.3: mean 0.2, half-width t(0.975, 2) · 0.1 / √3 = 0.248414 → [−0.048, 0.448]: not decided.
const report: ExperimentReport = {
  claims: [
    judgeClaim({ name: 'a', statement: 'A beats B', expect: 'positive' }, [0.1, 0.2, 0.3]),
    judgeClaim({ name: 'b', statement: 'C within D', expect: { within: 0.5 } }, [0.1, 0.12, 0.08]),
  ],
  tables: [{ name: 'arms', description: '', rows: [{ arm: 'x', metric: 'pass', estimate: 0.123456, lo: NaN, hi: NaN, seeds: 1 }] }],
};

describe('claims view', () => {
  it('a row per claim: estimate and interval rounded, expectation and verdict spelled out', () => {
    const rows = claimsTable(report).objects() as Record<string, unknown>[];
    expect(rows[0]).toEqual({ claim: 'a', statement: 'A beats B', expected: 'positive', estimate: 0.2, lo: -0.048, hi: 0.448, seeds: 3, verdict: 'not reproduced at this scale' });
    expect(rows[1]).toMatchObject({ expected: 'within ±0.5', verdict: 'reproduced' });
  });

  it('a report table by name, rounded; an unknown name lists the known ones', () => {
    expect(reportTable(report, 'arms').objects()[0]).toMatchObject({ arm: 'x', estimate: 0.123, lo: 'n/a', seeds: 1 });
    expect(() => reportTable(report, 'nope')).toThrow(/its tables are arms/);
  });

  it("an experiment's arms with their seeds at a size", () => {
    const rows = armsTable(getExperiment('constraint-count'), 'full').objects() as Record<string, unknown>[];
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ arm: 'k1.oracle', description: 'training prompts of exactly 1 constraint; a perfect judge', seeds: '1, 2, 3' });
  });

  it('the closing summary reads every verdict off the report', () => {
    const run = { experiment: { name: 'demo' }, size: 'full', report } as unknown as ExperimentRun;
    const md = verdictsMarkdown([run]);
    expect(md).toContain('**demo** (full size, 3 seeds): 1 of 2 claims reproduced, 0 contradicted, 1 not reproduced at this scale.');
    expect(md).toContain('- A beats B: +0.200 [−0.048, +0.448] over 3 seeds → not reproduced at this scale');
    expect(md).not.toContain('one seed per arm');
    const one = { ...run, report: { ...report, claims: [judgeClaim({ name: 'a', statement: 'A', expect: 'positive' }, [0.1])] } } as ExperimentRun;
    expect(verdictsMarkdown([one])).toContain('**demo** (full size, 1 seed): 1 claim, no verdicts. With one seed per arm there is no interval');
    expect(verdictsMarkdown([one])).toContain('- A: +0.100 [n/a, n/a] over 1 seed → no verdict (one seed)');
  });
});
