import type { Verdict } from '../verifiers/types';
import type { JudgeVerdict } from './types';

/** One judged constraint with its truth (a rule verdict or a human label). */
export interface AuditRow {
  /** The prompt's key: rows of one prompt share a response, so the bootstrap resamples prompts, not rows. */
  readonly key: string;
  readonly constraintId: string;
  readonly category: string;
  /** 'unverifiable' truths are left out of every metric and counted in `unverifiable`. */
  readonly truth: Verdict;
  readonly verdict: JudgeVerdict;
}

/**
 * Counts with "violation" as the positive class: tp = violation caught, fn = violation passed (the judge's miss
 * that a policy exploits), fp = compliant response failed, tn = compliant response passed.
 */
export interface Confusion {
  readonly tp: number;
  readonly fn: number;
  readonly fp: number;
  readonly tn: number;
  readonly invalidViolation: number;
  readonly invalidCompliant: number;
  readonly unverifiable: number;
}

/**
 * What an invalid verdict counts as in the metrics: 'exclude' (default) measures the judge on the replies it
 * could give; 'violation' measures the reward, where an invalid reply fails the constraint. `invalidRate` reports
 * them either way.
 */
export type InvalidPolicy = 'exclude' | 'violation';

/** A confusion being counted. */
export type ConfusionCounter = { -readonly [K in keyof Confusion]: number };

/** All-zero counts, fresh each call. */
export function emptyConfusion(): ConfusionCounter {
  return { tp: 0, fn: 0, fp: 0, tn: 0, invalidViolation: 0, invalidCompliant: 0, unverifiable: 0 };
}

/** Sums confusions (the bootstrap sums per-prompt confusions). */
export function sumConfusions(parts: readonly Confusion[]): Confusion {
  const c = emptyConfusion();
  for (const p of parts) {
    c.tp += p.tp;
    c.fn += p.fn;
    c.fp += p.fp;
    c.tn += p.tn;
    c.invalidViolation += p.invalidViolation;
    c.invalidCompliant += p.invalidCompliant;
    c.unverifiable += p.unverifiable;
  }
  return c;
}

/** @example confusionOf([{ key: '1', constraintId: 'x', category: 'c', truth: false, verdict: true }]).fn // 1 */
export function confusionOf(rows: readonly AuditRow[]): Confusion {
  const c = emptyConfusion();
  for (const r of rows) {
    if (r.truth === 'unverifiable') c.unverifiable++;
    else if (r.verdict === 'invalid') r.truth ? c.invalidCompliant++ : c.invalidViolation++;
    else if (!r.truth) r.verdict ? c.fn++ : c.tp++;
    else r.verdict ? c.tn++ : c.fp++;
  }
  return c;
}

/** The audit metrics; see METRIC_NAMES for the order. NaN marks a ratio whose denominator is 0 (undefined). */
export interface AuditMetrics {
  readonly precisionViolation: number;
  readonly recallViolation: number;
  readonly f1Violation: number;
  readonly precisionCompliant: number;
  readonly recallCompliant: number;
  readonly f1Compliant: number;
  readonly accuracy: number;
  readonly kappa: number;
  readonly invalidRate: number;
}

export const METRIC_NAMES: readonly (keyof AuditMetrics)[] = [
  'recallViolation',
  'precisionViolation',
  'f1Violation',
  'recallCompliant',
  'precisionCompliant',
  'f1Compliant',
  'accuracy',
  'kappa',
  'invalidRate',
];

// 0/0 is NaN, not 0: "no violations to catch" is not "caught none". JSON writes NaN as null.
const ratio = (num: number, den: number): number => (den === 0 ? NaN : num / den);

/** F1 as 2tp/(2tp+fp+fn): 0 when there were positives but none caught, NaN only with no positives on either side. */
const f1 = (tp: number, fp: number, fn: number): number => ratio(2 * tp, 2 * tp + fp + fn);

/**
 * Cohen's kappa of judge vs truth on the 2×2 table: (po − pe)/(1 − pe). NaN when pe = 1 (both sides constant on
 * the same class: agreement beyond chance is undefined) or when there is nothing to compare.
 */
export function cohensKappa(tp: number, fn: number, fp: number, tn: number): number {
  const n = tp + fn + fp + tn;
  if (n === 0) return NaN;
  const po = (tp + tn) / n;
  const pe = ((tp + fn) * (tp + fp) + (fp + tn) * (fn + tn)) / (n * n);
  return pe === 1 ? NaN : (po - pe) / (1 - pe);
}

/**
 * Metrics of a confusion. With `invalid: 'violation'` invalid verdicts count as "judged violated" (the reward view).
 * @example metricsOf({ ...emptyConfusion(), tp: 3, fn: 7, tn: 90 }).recallViolation // 0.3
 */
export function metricsOf(c: Confusion, invalid: InvalidPolicy = 'exclude'): AuditMetrics {
  const asViolation = invalid === 'violation';
  const tp = c.tp + (asViolation ? c.invalidViolation : 0);
  const fp = c.fp + (asViolation ? c.invalidCompliant : 0);
  const { fn, tn } = c;
  const invalids = c.invalidViolation + c.invalidCompliant;
  return {
    precisionViolation: ratio(tp, tp + fp),
    recallViolation: ratio(tp, tp + fn),
    f1Violation: f1(tp, fp, fn),
    precisionCompliant: ratio(tn, tn + fn),
    recallCompliant: ratio(tn, tn + fp),
    f1Compliant: f1(tn, fn, fp),
    accuracy: ratio(tp + tn, tp + fn + fp + tn),
    kappa: cohensKappa(tp, fn, fp, tn),
    invalidRate: ratio(invalids, c.tp + c.fn + c.fp + c.tn + invalids),
  };
}
