import type { Verdict } from '../verifiers/types';
import type { AuditRow, InvalidPolicy } from './audit';
import { type AuditReport, auditJudge } from './audit-ci';
import type { AuditCases } from './audit-input';
import { judgeAll, type JudgeProgress } from './run';
import type { Judge, JudgeVerdict } from './types';

/** One line of verdicts.jsonl. */
export interface VerdictRecord {
  readonly key: string;
  readonly instruction_index: number;
  readonly instruction_id: string;
  readonly category: string;
  /** The truth: the rule verdict (strict, upstream checker) or a human label. */
  readonly truth: Verdict;
  readonly verdict: JudgeVerdict;
}

export interface JudgeAuditResult {
  readonly judge: string;
  readonly verdicts: readonly VerdictRecord[];
  readonly report: AuditReport;
}

export interface RunAuditOptions {
  readonly seed: number;
  readonly resamples?: number;
  readonly invalid?: InvalidPolicy;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: JudgeProgress) => void;
}

/**
 * Judges every case and audits the verdicts against the rule verdicts.
 * @example const { report } = await runJudgeAudit(cases, createNoisyJudge({ recallViolation: 0.3, recallCompliant: 0.95 }), { seed: 0 })
 */
export async function runJudgeAudit(cases: AuditCases, judge: Judge, opts: RunAuditOptions): Promise<JudgeAuditResult> {
  const verdictLists = await judgeAll(judge, cases.requests, {
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const verdicts: VerdictRecord[] = cases.requests.flatMap((req, i) =>
    req.constraints.map((c, j) => ({
      key: cases.keys[i]!,
      instruction_index: j,
      instruction_id: c.id,
      category: cases.categories[i]![j]!,
      truth: c.ruleVerdict!,
      verdict: verdictLists[i]![j]!,
    })),
  );
  const rows: AuditRow[] = verdicts.map((v) => ({ key: v.key, constraintId: v.instruction_id, category: v.category, truth: v.truth, verdict: v.verdict }));
  const report = auditJudge(rows, {
    seed: opts.seed,
    ...(opts.resamples !== undefined ? { resamples: opts.resamples } : {}),
    ...(opts.invalid ? { invalid: opts.invalid } : {}),
  });
  return { judge: judge.name, verdicts, report };
}

/**
 * Audits several judges on the same cases, in order (one after another: simulated judges are instant, and real
 * ones share the server).
 * @example compareJudges(cases, [createAlwaysYesJudge(), createLenientJudge()], { seed: 0 })
 */
export async function compareJudges(cases: AuditCases, judges: readonly Judge[], opts: RunAuditOptions): Promise<JudgeAuditResult[]> {
  const out: JudgeAuditResult[] = [];
  for (const judge of judges) out.push(await runJudgeAudit(cases, judge, opts));
  return out;
}
