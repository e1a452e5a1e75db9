import { describe, expect, it } from 'vitest';
import type { AuditRow } from './audit';
import { auditJudge } from './audit-ci';
import { auditTable, judgeComparisonTable } from './audit-table';

const rows: AuditRow[] = [
  { key: '1', constraintId: 'a:x', category: 'a', truth: false, verdict: false },
  { key: '2', constraintId: 'a:x', category: 'a', truth: false, verdict: true },
  { key: '3', constraintId: 'b:y', category: 'b', truth: true, verdict: true },
];

describe('audit tables (arquero)', () => {
  const report = auditJudge(rows, { seed: 0, resamples: 50 });

  it('has one row per slice with counts and rounded metrics', () => {
    const t = auditTable(report.byCategory);
    expect(t.numRows()).toBe(2);
    expect(t.objects()[0]).toMatchObject({ group: 'a', prompts: 2, violations: 2, caught: 1, missed: 1, recall_violation: 0.5 });
    expect((t.objects()[1] as Record<string, number>).recall_violation).toBeNaN();
    expect(t.toHTML()).toContain('<table');
  });

  it('compares judges by their overall audit', () => {
    const t = judgeComparisonTable([{ judge: 'j', verdicts: [], report }]);
    expect(t.columnNames().slice(0, 2)).toEqual(['judge', 'prompts']);
    expect(t.objects()[0]).toMatchObject({ judge: 'j', prompts: 3, recall_violation: 0.5, recall_compliant: 1 });
  });
});
