import { quantileSorted, type Interval } from '../stats/bootstrap';
import { createRng } from '../stats/rng';
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
type Grouping = (id: string) => string;

// Per group: how many instructions of each prompt fall in it and how many of those passed. The bootstrap
// resamples prompt indices, so a resample only sums two typed arrays.
interface Counts {
  readonly total: Float64Array;
  readonly followed: Float64Array;
}

function countsBy(scored: readonly ScoredPrompt[], mode: Mode, group: Grouping): Map<string, Counts> {
  const out = new Map<string, Counts>();
  scored.forEach((p, i) => {
    p.instructionIds.forEach((id, j) => {
      const g = group(id);
      let c = out.get(g);
      if (!c) out.set(g, (c = { total: new Float64Array(scored.length), followed: new Float64Array(scored.length) }));
      c.total[i]!++;
      if (passes(p[mode][j]!)) c.followed[i]!++;
    });
  });
  return out;
}

/**
 * Percentile-bootstrap intervals for many ratios at once. The resampled prompt indices are drawn exactly as
 * `bootstrapCI` draws them (same generator, same order), so each interval equals `bootstrapCI` on that ratio alone,
 * but the draws are made once instead of once per ratio (70+ ratios per summary).
 */
function accuracies(counts: readonly Counts[], opts: SummaryOptions): Accuracy[] {
  const n = counts[0]?.total.length ?? 0;
  const resamples = opts.resamples ?? 1000;
  const level = opts.level ?? 0.95;
  // Each ratio only reads the prompts where its group occurs; a resample is summarised by how often each prompt
  // was drawn, so a ratio costs its own support, not n. Supports are packed into typed arrays (index, total,
  // followed), and each ratio's resampled values go to a typed array sorted numerically: ~3x faster than arrays.
  const supports = counts.map((c) => {
    const idx: number[] = [];
    c.total.forEach((t, i) => void (t > 0 && idx.push(i)));
    return { idx: Int32Array.from(idx), total: Float64Array.from(idx, (i) => c.total[i]!), followed: Float64Array.from(idx, (i) => c.followed[i]!) };
  });
  const draws = counts.map(() => new Float64Array(resamples));
  const drawCount = new Int32Array(counts.length);
  if (n > 0 && resamples > 0) {
    const rng = createRng(opts.seed);
    const drawn = new Int32Array(n);
    for (let b = 0; b < resamples; b++) {
      drawn.fill(0);
      for (let i = 0; i < n; i++) drawn[rng.int(0, n - 1)]!++;
      for (let k = 0; k < supports.length; k++) {
        const { idx, total: t, followed: f } = supports[k]!;
        let total = 0;
        let followed = 0;
        for (let j = 0; j < idx.length; j++) {
          const d = drawn[idx[j]!]!;
          total += d * t[j]!;
          followed += d * f[j]!;
        }
        if (total > 0) draws[k]![drawCount[k]!++] = followed / total;
      }
    }
  }
  return counts.map((c, k) => {
    const total = c.total.reduce((a, b) => a + b, 0);
    const followed = c.followed.reduce((a, b) => a + b, 0);
    const estimate = total === 0 ? NaN : followed / total;
    // Typed arrays sort numerically; the values are finite ratios, so the order is that of (a, b) => a - b.
    const sorted = Array.from(draws[k]!.subarray(0, drawCount[k]!).sort());
    const bounds = resamples > 0 && n > 0 ? [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, (1 + level) / 2)] : [NaN, NaN];
    return { followed, total, accuracy: estimate, ci: { estimate, lo: bounds[0]!, hi: bounds[1]! } };
  });
}

function groups(scored: readonly ScoredPrompt[], group: Grouping): Array<[string, Counts, Counts]> {
  const strict = countsBy(scored, 'strict', group);
  const loose = countsBy(scored, 'loose', group);
  return [...strict.keys()].sort().map((name) => [name, strict.get(name)!, loose.get(name)!]);
}

function headline(scored: readonly ScoredPrompt[], mode: Mode): [Counts, Counts] {
  // Prompt level: each prompt is one unit, followed when every instruction passes.
  const prompts: Counts = {
    total: Float64Array.from(scored, () => 1),
    followed: Float64Array.from(scored, (p) => (p[mode].every(passes) ? 1 : 0)),
  };
  const all = countsBy(scored, mode, () => '*').get('*') ?? { total: new Float64Array(scored.length), followed: new Float64Array(scored.length) };
  return [prompts, all];
}

/**
 * The four headline accuracies (instruction level is micro-averaged, as upstream), per id and per category,
 * each with a seeded percentile-bootstrap interval over prompts.
 * @example summarize(scorePrompts(prompts, joined.responses), { seed: 0 }).promptLevelStrict.accuracy // 0.7708
 */
export function summarize(scored: readonly ScoredPrompt[], opts: SummaryOptions, missing: ReadonlyArray<number | string> = []): EvalSummary {
  const ids = groups(scored, (id) => id);
  const categories = groups(scored, (id) => id.split(':')[0]!);
  const all = [...headline(scored, 'strict'), ...headline(scored, 'loose'), ...[...ids, ...categories].flatMap(([, s, l]) => [s, l])];
  const acc = accuracies(all, opts);
  const pairs = (gs: ReadonlyArray<[string, Counts, Counts]>, offset: number): GroupAccuracy[] =>
    gs.map(([name], i) => ({ name, strict: acc[offset + 2 * i]!, loose: acc[offset + 2 * i + 1]! }));
  const count = (mode: Mode): number => scored.reduce((n, p) => n + p[mode].filter((v) => v === 'unverifiable').length, 0);
  return {
    prompts: scored.length,
    instructions: acc[1]!.total,
    promptLevelStrict: acc[0]!,
    instructionLevelStrict: acc[1]!,
    promptLevelLoose: acc[2]!,
    instructionLevelLoose: acc[3]!,
    perId: pairs(ids, 4),
    perCategory: pairs(categories, 4 + 2 * ids.length),
    unverifiable: { strict: count('strict'), loose: count('loose') },
    missingResponses: missing,
  };
}
