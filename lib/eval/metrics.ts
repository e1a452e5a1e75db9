import type { Interval } from '../stats/bootstrap';
import { pairIntervals, type PairCounts } from './pair-bootstrap';
import { categoryOf } from '../data/benchmark';
import { passes } from '../verifiers/types';
import type { ScoredPrompt } from './score';

/** Followed / total with its bootstrap interval (prompts resampled). */
export interface Accuracy {
  readonly followed: number;
  readonly total: number;
  readonly accuracy: number;
  readonly ci: Interval;
}

/** Counts for one instruction id or category, in both modes. */
export interface GroupAccuracy {
  readonly name: string;
  readonly strict: Accuracy;
  readonly loose: Accuracy;
}

export interface EvalSummary {
  readonly prompts: number;
  readonly instructions: number;
  readonly promptLevelStrict: Accuracy;
  readonly instructionLevelStrict: Accuracy;
  readonly promptLevelLoose: Accuracy;
  readonly instructionLevelLoose: Accuracy;
  readonly perId: readonly GroupAccuracy[];
  readonly perCategory: readonly GroupAccuracy[];
  /** Verdicts counted as passes because the checker could not decide (langdetect found no language). */
  readonly unverifiable: { readonly strict: number; readonly loose: number };
  readonly missingResponses: ReadonlyArray<number | string>;
}

export interface SummaryOptions {
  readonly seed: number;
  /** Bootstrap resamples (default 1000; 0 skips the intervals, leaving NaN bounds). */
  readonly resamples?: number;
  readonly level?: number;
}

type Mode = 'strict' | 'loose';

/** Per instruction id, sorted: how many instructions of each prompt have it, and how many of those passed. */
function perId(scored: readonly ScoredPrompt[]): Array<[string, PairCounts]> {
  const out = new Map<string, PairCounts>();
  scored.forEach((p, i) => {
    p.instructionIds.forEach((id, j) => {
      let c = out.get(id);
      if (!c) out.set(id, (c = { total: new Float64Array(scored.length), strict: new Float64Array(scored.length), loose: new Float64Array(scored.length) }));
      c.total[i]!++;
      if (passes(p.strict[j]!)) c.strict[i]!++;
      if (passes(p.loose[j]!)) c.loose[i]!++;
    });
  });
  return [...out.keys()].sort().map((id) => [id, out.get(id)!]);
}

/** Prompt level: each prompt is one unit, followed when every instruction passes. */
function promptLevel(scored: readonly ScoredPrompt[]): PairCounts {
  const followed = (mode: Mode): Float64Array => Float64Array.from(scored, (p) => (p[mode].every(passes) ? 1 : 0));
  return { total: Float64Array.from(scored, () => 1), strict: followed('strict'), loose: followed('loose') };
}

/**
 * Followed / total of both modes of each base pair, then of each derived pair (the sum of the base pairs it lists),
 * with their percentile-bootstrap intervals over prompts.
 */
function accuracies(base: readonly PairCounts[], derived: ReadonlyArray<readonly number[]>, n: number, opts: SummaryOptions): Array<Record<Mode, Accuracy>> {
  const intervals = pairIntervals(base, derived, n, { seed: opts.seed, resamples: opts.resamples ?? 1000, level: opts.level ?? 0.95 });
  const sum = (a: Float64Array): number => a.reduce((x, y) => x + y, 0);
  const baseSums = base.map((c) => ({ total: sum(c.total), strict: sum(c.strict), loose: sum(c.loose) }));
  const derivedSums = derived.map((parts) => ({
    total: parts.reduce((x, k) => x + baseSums[k]!.total, 0),
    strict: parts.reduce((x, k) => x + baseSums[k]!.strict, 0),
    loose: parts.reduce((x, k) => x + baseSums[k]!.loose, 0),
  }));
  return [...baseSums, ...derivedSums].map((c, k) => {
    const accuracy = (mode: Mode): Accuracy => {
      const estimate = c.total === 0 ? NaN : c[mode] / c.total;
      return { followed: c[mode], total: c.total, accuracy: estimate, ci: { estimate, ...intervals[k]![mode] } };
    };
    return { strict: accuracy('strict'), loose: accuracy('loose') };
  });
}

/**
 * The four headline accuracies (instruction level is micro-averaged, as upstream), per id and per category,
 * each with a seeded percentile-bootstrap interval over prompts.
 * @example summarize(scorePrompts(prompts, joined.responses), { seed: 0 }).promptLevelStrict.accuracy // 0.7708
 */
export function summarize(scored: readonly ScoredPrompt[], opts: SummaryOptions, missing: ReadonlyArray<number | string> = []): EvalSummary {
  // The bootstrap resamples prompt-level and per-id counts; all instructions and each category are sums of ids.
  const ids = perId(scored);
  const categories = [...new Set(ids.map(([id]) => categoryOf(id)))].sort();
  const idsOf = (category: string): number[] => ids.flatMap(([id], i) => (categoryOf(id) === category ? [i + 1] : []));
  const derived = [ids.map((_, i) => i + 1), ...categories.map(idsOf)];
  const acc = accuracies([promptLevel(scored), ...ids.map(([, c]) => c)], derived, scored.length, opts);
  const count = (mode: Mode): number => scored.reduce((n, p) => n + p[mode].filter((v) => v === 'unverifiable').length, 0);
  const instructions = acc[1 + ids.length]!;
  return {
    prompts: scored.length,
    instructions: instructions.strict.total,
    promptLevelStrict: acc[0]!.strict,
    instructionLevelStrict: instructions.strict,
    promptLevelLoose: acc[0]!.loose,
    instructionLevelLoose: instructions.loose,
    perId: ids.map(([name], i) => ({ name, ...acc[1 + i]! })),
    perCategory: categories.map((name, i) => ({ name, ...acc[2 + ids.length + i]! })),
    unverifiable: { strict: count('strict'), loose: count('loose') },
    missingResponses: missing,
  };
}
