import type * as Aq from 'arquero';
import type { AuditSummary } from './audit-ci';
import { rewardExposure } from './reward-exposure';
import type { JudgeAuditResult } from './run-audit';

// arquero is ESM-only; Node ≥ 20.19 loads it through require(), and the type-only import keeps full typing.
const aq = require('arquero') as typeof Aq;

const r3 = (v: number): number => (Number.isNaN(v) ? NaN : Math.round(v * 1000) / 1000);

function summaryRow(s: AuditSummary): Record<string, string | number> {
  const { confusion: c, metrics: m } = s;
  return {
    group: s.group,
    prompts: s.prompts,
    violations: c.tp + c.fn + c.invalidViolation,
    caught: c.tp,
    missed: c.fn,
    false_alarms: c.fp,
    recall_violation: r3(m.recallViolation.estimate),
    recall_violation_lo: r3(m.recallViolation.lo),
    recall_violation_hi: r3(m.recallViolation.hi),
    precision_violation: r3(m.precisionViolation.estimate),
    recall_compliant: r3(m.recallCompliant.estimate),
    accuracy: r3(m.accuracy.estimate),
    kappa: r3(m.kappa.estimate),
    invalid_rate: r3(m.invalidRate.estimate),
  };
}

/**
 * One row per audit slice (overall, constraint ids or categories), rounded to 3 decimals for display; NaN = undefined.
 * @example auditTable(report.byCategory).orderby('recall_violation')
 */
export function auditTable(summaries: readonly AuditSummary[]): Aq.ColumnTable {
  return aq.from(summaries.map(summaryRow));
}

/** One row per judge: its overall audit. */
export function judgeComparisonTable(results: readonly JudgeAuditResult[]): Aq.ColumnTable {
  return aq.from(
    results.map((r) => {
      const { group: _all, ...rest } = summaryRow(r.report.overall);
      return { judge: r.judge, ...rest };
    }),
  );
}

/** One row per judge: the product-rule reward it pays truly compliant and truly non-compliant prompts. */
export function rewardExposureTable(results: readonly JudgeAuditResult[]): Aq.ColumnTable {
  return aq.from(
    results.map((r) => {
      const e = rewardExposure(r.verdicts);
      return {
        judge: r.judge,
        compliant_prompts: e.compliantPrompts,
        reward_compliant: r3(e.compliantRewarded),
        non_compliant_prompts: e.nonCompliantPrompts,
        reward_non_compliant: r3(e.nonCompliantRewarded),
      };
    }),
  );
}
