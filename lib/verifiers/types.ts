import type { z } from 'zod';
import type { Rng } from '../stats/rng';

/** Which benchmark or training set registers a constraint id. */
export type Suite = 'ifeval' | 'ifbench' | 'iftrain' | 'lab';

/** Hard constraints are checked by rules; soft ones need a judge. */
export type ConstraintKind = 'hard' | 'soft';

/**
 * A checker's answer. `'unverifiable'` marks a check that could not be decided (e.g. langdetect found no
 * letters); the official-compatible scorer counts it as a pass, as upstream does, and reports it separately.
 */
export type Verdict = boolean | 'unverifiable';

/** Upstream semantics (default) or a fix for a documented upstream bug. */
export type CheckerVariant = 'upstream' | 'corrected';

/** One constraint id: data plus pure functions, no hidden state. */
export interface ConstraintSpec<K = Record<string, unknown>> {
  /** The upstream id, e.g. 'length_constraints:number_words'. */
  readonly id: string;
  readonly suites: readonly Suite[];
  /** The id's prefix category, e.g. 'length_constraints'. */
  readonly category: string;
  readonly kind: ConstraintKind;
  /** Validates and types the kwargs (after upstream's cleaning: nulls dropped). */
  readonly kwargs: z.ZodType<K>;
  /** The instruction text for these kwargs (deterministic). */
  readonly describe: (kwargs: K) => string;
  /** Draws kwargs for synthesising prompts (seeded); absent when the id has no sensible generator. */
  readonly sampleKwargs?: (rng: Rng) => K;
  /** Exact to upstream. */
  readonly check: (response: string, kwargs: K) => Verdict;
  /** A fix for a documented upstream bug; see verifiers/known-bugs. */
  readonly checkCorrected?: (response: string, kwargs: K) => Verdict;
  /**
   * Soft constraints only: `check` is an oracle's truth, known because the world is simulated (the laboratory's
   * hidden word attributes). Rewards still ask a judge; audits and evaluations use the oracle as ground truth.
   */
  readonly oracle?: boolean;
}

/** Where a constraint's truth comes from: its rule (hard), an oracle (the lab's soft constraints), or nowhere (a judge only). */
export type TruthSource = 'rule' | 'oracle' | 'none';

/** True unless the verdict is a definite false (upstream counts unverifiable as followed). */
export function passes(v: Verdict): boolean {
  return v !== false;
}
