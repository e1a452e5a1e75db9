import { studentTQuantile } from './student-t';

/*
 * Claims computed, never written: a claim is a statement with an expected direction, its estimate is the mean of
 * one value per seed (each seed is an independent replicate: its own warm start, training prompts and sampling), its
 * 95% interval is Student's t over those seeds, and its verdict follows from the interval alone:
 * - 'positive' / 'negative': reproduced when the interval lies entirely on the expected side of 0, contradicted
 *   when entirely on the other side, otherwise not reproduced at this scale;
 * - { within: δ } (e.g. "soft constraints learn about as well as hard ones"): reproduced when the interval lies
 *   inside [−δ, δ], contradicted when it lies entirely outside, otherwise not reproduced at this scale.
 * One seed gives no interval (and so no verdict): quick sizes are a tour, full sizes decide.
 */

export type Expectation = 'positive' | 'negative' | { readonly within: number };

export type ClaimVerdict = 'reproduced' | 'contradicted' | 'not reproduced at this scale' | 'no verdict (one seed)';

export interface ClaimSpec {
  /** A short id, e.g. 'hard-beats-mixed'. */
  readonly name: string;
  /** What the paper (or the lab) says, in words. */
  readonly statement: string;
  readonly expect: Expectation;
}

export interface Claim extends ClaimSpec {
  /** One value per seed (e.g. a difference of true pass rates, paired by seed). */
  readonly values: readonly number[];
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
  readonly level: number;
  readonly verdict: ClaimVerdict;
}

/** Mean and Student-t interval of per-seed values (NaN bounds for fewer than two). @example seedInterval([0.1, 0.2, 0.3]) */
export function seedInterval(values: readonly number[], level = 0.95): { estimate: number; lo: number; hi: number } {
  const n = values.length;
  const estimate = n === 0 ? NaN : values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { estimate, lo: NaN, hi: NaN };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - estimate) ** 2, 0) / (n - 1));
  const half = studentTQuantile((1 + level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { estimate, lo: estimate - half, hi: estimate + half };
}

/** The verdict an interval gives a claim. */
export function verdictOf(expect: Expectation, lo: number, hi: number): ClaimVerdict {
  if (Number.isNaN(lo) || Number.isNaN(hi)) return 'no verdict (one seed)';
  if (expect === 'positive') return lo > 0 ? 'reproduced' : hi < 0 ? 'contradicted' : 'not reproduced at this scale';
  if (expect === 'negative') return hi < 0 ? 'reproduced' : lo > 0 ? 'contradicted' : 'not reproduced at this scale';
  const d = expect.within;
  if (lo >= -d && hi <= d) return 'reproduced';
  return hi < -d || lo > d ? 'contradicted' : 'not reproduced at this scale';
}

/**
 * A claim from its spec and one value per seed.
 * @example judgeClaim({ name: 'x', statement: 'A beats B', expect: 'positive' }, [0.08, 0.1, 0.06]).verdict // 'reproduced'
 */
export function judgeClaim(spec: ClaimSpec, values: readonly number[], level = 0.95): Claim {
  const clean = values.filter((v) => Number.isFinite(v));
  const { estimate, lo, hi } = seedInterval(clean, level);
  return { ...spec, values: clean, estimate, lo, hi, level, verdict: verdictOf(spec.expect, lo, hi) };
}

const signed = (x: number): string => (Number.isNaN(x) ? 'n/a' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`);

/** One line: "statement: +0.080 [+0.030, +0.130] over 3 seeds → reproduced". */
export function formatClaim(c: Claim): string {
  return `${c.statement}: ${signed(c.estimate)} [${signed(c.lo)}, ${signed(c.hi)}] over ${c.values.length} seed${c.values.length === 1 ? '' : 's'} → ${c.verdict}`;
}
