/**
 * Times every registered checker on the fuzz families and keeps the slowest check per id. Time is the process's
 * CPU time (user + system) around one call: on a shared machine wall time would also measure the neighbours.
 */
import { createRng } from '../../stats/rng';
import type { Constraint, PreparedCheck } from '../define';
import type { CheckerVariant, Verdict } from '../types';
import { INPUT_FAMILIES, repeatTo, type InputFamily } from './inputs';
import { kwargsFromData, kwargsToFuzz } from './kwargs';

/** The slowest check of one id and how many checks were timed. */
export interface SlowestCheck {
  readonly id: string;
  readonly checks: number;
  readonly cpuMs: number;
  readonly family: string;
  /** Length of the text in UTF-16 units. */
  readonly length: number;
  readonly variant: CheckerVariant;
  readonly kwargs: unknown;
}

export interface FuzzOptions {
  readonly constraints: readonly Constraint[];
  /** Text lengths to try every family at. */
  readonly lengths: readonly number[];
  /** Texts per family and length (seeds 0..n-1); repeated-unit families give the same text for every seed. */
  readonly seeds?: number;
  /** Sampler draws per id (see kwargsToFuzz). */
  readonly kwargDraws?: number;
  readonly families?: readonly InputFamily[];
  /** Called after each text with the number of checks done so far. */
  readonly onProgress?: (checksDone: number) => void;
}

interface Target {
  readonly id: string;
  readonly variant: CheckerVariant;
  readonly kwargs: unknown;
  readonly check: PreparedCheck;
}

const VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>([true, false, 'unverifiable']);

function targetsOf(constraints: readonly Constraint[], draws: number): Target[] {
  const fromData = kwargsFromData();
  return constraints.flatMap((c) =>
    kwargsToFuzz(c, fromData, draws).flatMap((kwargs) =>
      (c.hasCorrected ? (['upstream', 'corrected'] as const) : (['upstream'] as const)).map((variant) => ({ id: c.id, variant, kwargs, check: c.prepare(kwargs, variant) })),
    ),
  );
}

/**
 * Texts built from a target's own kwargs: each string value, and each of its words, repeated. A checker that
 * searches for a kwarg (a keyword, a phrase's first word) is slow, if at all, when the text is full of it.
 */
export function kwargEchoes(kwargs: unknown, n: number): Array<{ readonly name: string; readonly text: string }> {
  const strings = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string' && v !== '') {
      strings.add(v);
      for (const w of v.split(/\s+/)) if (w !== '') strings.add(w);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(kwargs);
  return [...strings].slice(0, 12).flatMap((s) => [
    { name: `kwargs echo ${JSON.stringify(`${s} `)}`, text: repeatTo(`${s} `, n) },
    { name: `kwargs echo ${JSON.stringify(`${s}\n`)}`, text: repeatTo(`${s}\n`, n) },
  ]);
}

/** CPU milliseconds `fn` takes. */
export function cpuMsOf(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Runs every id's checker (each kwargs, both variants) on every family at every length; a checker that throws or
 * returns something other than a verdict throws, naming the id and the input.
 * @example fuzzCheckers({ constraints: listConstraints('iftrain'), lengths: [1000] }).sort((a, b) => b.cpuMs - a.cpuMs)[0]
 */
export function fuzzCheckers(opts: FuzzOptions): SlowestCheck[] {
  const targets = targetsOf(opts.constraints, opts.kwargDraws ?? 2);
  // The first call pays for lazy loading (the POS tagger's model, langdetect's profiles), which is not the check.
  for (const t of targets) t.check('Warm up, please. This is a sentence.\n\nAnd another paragraph!');
  const slowest = new Map<string, SlowestCheck>();
  let done = 0;
  const time = (t: Target, text: string, family: string): void => {
    let verdict: Verdict | undefined;
    const cpuMs = cpuMsOf(() => (verdict = t.check(text)));
    if (!VERDICTS.has(verdict!)) throw new Error(`${t.id} (${t.variant}) returned ${String(verdict)} on ${family} at ${text.length}`);
    done++;
    const prev = slowest.get(t.id);
    const checks = (prev?.checks ?? 0) + 1;
    slowest.set(t.id, !prev || cpuMs > prev.cpuMs ? { id: t.id, checks, cpuMs, family, length: text.length, variant: t.variant, kwargs: t.kwargs } : { ...prev, checks });
  };
  for (const family of opts.families ?? INPUT_FAMILIES) {
    for (const length of opts.lengths) {
      for (let seed = 0; seed < (opts.seeds ?? 1); seed++) {
        const text = family.make(length, createRng(seed));
        for (const t of targets) time(t, text, family.name);
        opts.onProgress?.(done);
      }
    }
  }
  for (const t of targets) for (const length of opts.lengths) for (const echo of kwargEchoes(t.kwargs, length)) time(t, echo.text, echo.name);
  opts.onProgress?.(done);
  return [...slowest.values()];
}
