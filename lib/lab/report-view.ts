import type * as Aq from 'arquero';
import type { AuditReport } from '../judge/audit-ci';
import type { Interval } from '../stats/bootstrap';
import { formatClaim, type Claim } from '../stats/claims';
import type { Experiment, ExperimentReport, Size } from './experiments/define';
import type { ExperimentRun } from './run-or-load';

/*
 * An experiment as a reader sees it: its arms, the claims as a table (estimate, 95% interval over seeds, verdict), a report table
 * with its numbers rounded, and a closing summary that states each verdict by reading it from the report. Nothing
 * here decides a verdict: stats/claims.ts does, from the interval.
 */

// arquero is ESM-only; Node ≥ 20.19 loads it through require(), and the type-only import keeps full typing.
const aq = require('arquero') as typeof Aq;

/** A number for a reader: 3 decimals, or 'n/a' when there is none (one seed has no interval), as claims.md writes it. */
const round = (x: number): number | string => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 'n/a');

/**
 * The claims of a report, one row each.
 * @example showTable(claimsTable(run.report))
 */
export function claimsTable(report: ExperimentReport): Aq.ColumnTable {
  return aq.from(
    report.claims.map((c) => ({
      claim: c.name,
      statement: c.statement,
      expected: typeof c.expect === 'string' ? c.expect : `within ±${c.expect.within}`,
      estimate: round(c.estimate),
      lo: round(c.lo),
      hi: round(c.hi),
      seeds: c.values.length,
      verdict: c.verdict,
    })),
  );
}

/**
 * One of the report's tables by name, numbers rounded to 3 decimals; the error lists the names.
 * @example showTable(reportTable(run.report, 'pass-by-k'))
 */
export function reportTable(report: ExperimentReport, name: string): Aq.ColumnTable {
  const t = report.tables.find((x) => x.name === name);
  if (!t) throw new Error(`the report has no table ${JSON.stringify(name)}; its tables are ${report.tables.map((x) => x.name).join(', ')}`);
  return aq.from(t.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? round(v) : v]))));
}

/**
 * The arms of an experiment with what each changes, and the seeds each runs at a size.
 * @example showTable(armsTable(getExperiment('diversity'), 'quick'))
 */
export function armsTable(e: Experiment, size: Size): Aq.ColumnTable {
  return aq.from(e.arms.map((a) => ({ arm: a.name, description: a.description, seeds: e.seeds[size].join(', ') })));
}

const count = (claims: readonly Claim[], verdict: Claim['verdict']): number => claims.filter((c) => c.verdict === verdict).length;

/**
 * Markdown stating every claim's estimate, interval and verdict per experiment, with the tally, read from the
 * reports (and a note when one seed per arm gave no intervals, hence no verdicts).
 * @example showMarkdown(verdictsMarkdown([count, diversity]))
 */
export function verdictsMarkdown(runs: readonly ExperimentRun[]): string {
  return runs
    .map((run) => {
      const claims = run.report.claims;
      const seeds = Math.max(0, ...claims.map((c) => c.values.length));
      const tally =
        seeds < 2
          ? `${claims.length} claim${claims.length === 1 ? '' : 's'}, no verdicts`
          : `${count(claims, 'reproduced')} of ${claims.length} claims reproduced, ${count(claims, 'contradicted')} contradicted, ${count(claims, 'not reproduced at this scale')} not reproduced at this scale`;
      const note = seeds < 2 ? ' With one seed per arm there is no interval, so no claim can be decided at this size: run the full size (`make reproduce`, 3 seeds) for verdicts.' : '';
      return [`**${run.experiment.name}** (${run.size} size, ${seeds} seed${seeds === 1 ? '' : 's'}): ${tally}.${note}`, '', ...claims.map((c) => `- ${formatClaim(c)}`)].join('\n');
    })
    .join('\n\n');
}

/**
 * Judge audits as a table: recall and precision on violations (violations are the positive class) and recall on
 * compliant responses, each with its 95% bootstrap interval over prompts.
 * @example showTable(judgeAuditTable(await auditWorldJudges(['oracle', 'sim:lenient'], { prompts: 600, seed: 1 })))
 */
export function judgeAuditTable(audits: readonly { judge: string; report: AuditReport }[]): Aq.ColumnTable {
  const ci = (i: Interval): string => (Number.isFinite(i.estimate) ? `${round(i.estimate)} [${round(i.lo)}, ${round(i.hi)}]` : 'n/a');
  return aq.from(
    audits.map(({ judge, report }) => {
      const m = report.overall.metrics;
      const c = report.overall.confusion;
      return { judge, violations: c.tp + c.fn, 'recall on violations': ci(m.recallViolation), 'precision on violations': ci(m.precisionViolation), 'recall on compliant': ci(m.recallCompliant) };
    }),
  );
}
