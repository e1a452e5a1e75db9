import { describe, expect, it } from 'vitest';
import type { Verdict } from '../verifiers/types';
import { type AuditRow, cohensKappa, confusionOf, emptyConfusion, metricsOf } from './audit';
import { auditJudge } from './audit-ci';
import type { JudgeVerdict } from './types';

/** n rows of one (truth, verdict) cell, one prompt each. */
const cell = (n: number, truth: Verdict, verdict: JudgeVerdict, id = 'a:x', start = 0): AuditRow[] =>
  Array.from({ length: n }, (_, i) => ({ key: `${id}-${truth}-${verdict}-${start + i}`, constraintId: id, category: id.split(':')[0]!, truth, verdict }));

describe('confusionOf and metricsOf (violation is the positive class)', () => {
  // 10 violations: 3 caught, 7 passed; 90 compliant: 85 passed, 5 failed.
  const rows = [...cell(3, false, false), ...cell(7, false, true), ...cell(85, true, true), ...cell(5, true, false)];

  it('counts the four cells', () => {
    expect(confusionOf(rows)).toEqual({ tp: 3, fn: 7, fp: 5, tn: 85, invalidViolation: 0, invalidCompliant: 0, unverifiable: 0 });
  });

  it('matches the hand-computed metrics', () => {
    const m = metricsOf(confusionOf(rows));
    expect(m.recallViolation).toBeCloseTo(3 / 10, 12);
    expect(m.precisionViolation).toBeCloseTo(3 / 8, 12);
    expect(m.f1Violation).toBeCloseTo(6 / 18, 12);
    expect(m.recallCompliant).toBeCloseTo(85 / 90, 12);
    expect(m.precisionCompliant).toBeCloseTo(85 / 92, 12);
    expect(m.f1Compliant).toBeCloseTo(170 / 182, 12);
    expect(m.accuracy).toBeCloseTo(0.88, 12);
    // po = .88, pe = (10·8 + 90·92)/100² = .836, kappa = .044/.164
    expect(m.kappa).toBeCloseTo(0.044 / 0.164, 12);
    expect(m.invalidRate).toBe(0);
  });

  it('excludes invalid verdicts from the metrics by default, or counts them as violations (the reward view)', () => {
    const withInvalid = [...rows, ...cell(1, false, 'invalid'), ...cell(1, true, 'invalid')];
    const c = confusionOf(withInvalid);
    expect(c).toMatchObject({ invalidViolation: 1, invalidCompliant: 1 });
    expect(metricsOf(c).recallViolation).toBeCloseTo(0.3, 12);
    expect(metricsOf(c).invalidRate).toBeCloseTo(2 / 102, 12);
    expect(metricsOf(c, 'violation').recallViolation).toBeCloseTo(4 / 11, 12);
    expect(metricsOf(c, 'violation').precisionViolation).toBeCloseTo(4 / 10, 12);
  });

  it('leaves unverifiable truths out and counts them', () => {
    const c = confusionOf([...rows, ...cell(4, 'unverifiable', true)]);
    expect(c.unverifiable).toBe(4);
    expect(metricsOf(c).accuracy).toBeCloseTo(0.88, 12);
  });
});

describe('degenerate confusions: NaN where a ratio has no denominator, 0 where it has one', () => {
  it('no violations, judge passes all: violation-class metrics and kappa are NaN', () => {
    const m = metricsOf({ ...emptyConfusion(), tn: 5 });
    expect(m.recallViolation).toBeNaN();
    expect(m.precisionViolation).toBeNaN();
    expect(m.f1Violation).toBeNaN();
    expect(m.kappa).toBeNaN();
    expect([m.recallCompliant, m.precisionCompliant, m.f1Compliant, m.accuracy]).toEqual([1, 1, 1, 1]);
  });

  it('no violations, judge fails one: recall NaN, precision 0 (one false alarm), F1 0, kappa 0', () => {
    const m = metricsOf({ ...emptyConfusion(), tn: 4, fp: 1 });
    expect(m.recallViolation).toBeNaN();
    expect(m.precisionViolation).toBe(0);
    expect(m.f1Violation).toBe(0);
    // po = .8, pe = (0·1 + 5·4)/25 = .8
    expect(m.kappa).toBeCloseTo(0, 12);
  });

  it('always-yes: recall on violations 0, its precision NaN (never says violated), kappa 0', () => {
    const m = metricsOf({ ...emptyConfusion(), fn: 4, tn: 6 });
    expect(m.recallViolation).toBe(0);
    expect(m.precisionViolation).toBeNaN();
    expect(m.f1Violation).toBe(0);
    expect(m.recallCompliant).toBe(1);
    expect(m.precisionCompliant).toBeCloseTo(0.6, 12);
    expect(m.f1Compliant).toBeCloseTo(12 / 16, 12);
    expect(m.accuracy).toBeCloseTo(0.6, 12);
    expect(m.kappa).toBe(0);
  });

  it('all invalid: every metric NaN, invalid rate 1; the reward view makes every violation caught', () => {
    const c = { ...emptyConfusion(), invalidViolation: 2, invalidCompliant: 3 };
    const m = metricsOf(c);
    for (const [name, v] of Object.entries(m)) expect(v, name).toBe(name === 'invalidRate' ? 1 : NaN);
    expect(metricsOf(c, 'violation')).toMatchObject({ recallViolation: 1, precisionViolation: 0.4, recallCompliant: 0 });
  });

  it('nothing at all: everything NaN', () => {
    for (const v of Object.values(metricsOf(emptyConfusion()))) expect(v).toBeNaN();
  });

  it('perfect judge: kappa 1', () => {
    expect(cohensKappa(3, 0, 0, 7)).toBe(1);
  });
});

describe('auditJudge', () => {
  const rows = [
    ...cell(3, false, false, 'a:x'),
    ...cell(7, false, true, 'a:x'),
    ...cell(20, true, true, 'a:x'),
    ...cell(5, false, false, 'b:y'),
    ...cell(10, true, true, 'b:y'),
    ...cell(2, true, 'invalid', 'b:z'),
  ];
  const report = auditJudge(rows, { seed: 0, resamples: 300 });

  it('reports overall, per constraint id and per category, with the estimate inside its interval', () => {
    expect(report.overall.confusion).toMatchObject({ tp: 8, fn: 7, tn: 30, invalidCompliant: 2 });
    expect(report.overall.metrics.recallViolation.estimate).toBeCloseTo(8 / 15, 12);
    const { lo, hi, estimate } = report.overall.metrics.recallViolation;
    expect(lo).toBeLessThanOrEqual(estimate);
    expect(hi).toBeGreaterThanOrEqual(estimate);
    expect(hi - lo).toBeGreaterThan(0.1);
    expect(report.byConstraint.map((g) => g.group)).toEqual(['a:x', 'b:y', 'b:z']);
    expect(report.byCategory.map((g) => [g.group, g.prompts])).toEqual([['a', 30], ['b', 17]]);
    expect(report.byConstraint[0]!.metrics.recallViolation.estimate).toBeCloseTo(0.3, 12);
    expect(report.byConstraint[1]!.metrics.recallViolation).toEqual({ estimate: 1, lo: 1, hi: 1 });
  });

  it('gives NaN estimates and intervals to undefined metrics, written as null in JSON', () => {
    const z = report.byConstraint[2]!;
    expect(z.metrics.recallViolation.estimate).toBeNaN();
    expect(z.metrics.invalidRate).toEqual({ estimate: 1, lo: 1, hi: 1 });
    expect(JSON.parse(JSON.stringify(z.metrics.recallViolation))).toEqual({ estimate: null, lo: null, hi: null });
  });

  it('is reproducible under its seed', () => {
    expect(auditJudge(rows, { seed: 0, resamples: 300 })).toEqual(report);
  });

  it('resamples prompts, not rows: two rows of one prompt stay together', () => {
    const paired = [0, 1, 2, 3].flatMap((i) => [
      { key: `p${i}`, constraintId: 'a:x', category: 'a', truth: false, verdict: i < 2 } as const,
      { key: `p${i}`, constraintId: 'a:y', category: 'a', truth: false, verdict: i < 2 } as const,
    ]);
    const r = auditJudge(paired, { seed: 1, resamples: 200 });
    expect(r.overall.prompts).toBe(4);
    expect(r.overall.metrics.recallViolation.estimate).toBe(0.5);
  });
});
