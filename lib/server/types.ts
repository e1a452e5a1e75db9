/**
 * The messages between the HTTP thread and the checker workers. Everything here crosses postMessage, so it is
 * plain data (structured-clone safe).
 */
import type { CheckerVariant, Verdict } from '../verifiers/types';

/** IFEval's strict mode (the response as is) or loose mode (the first of 8 variants that passes). */
export type CheckMode = 'strict' | 'loose';

/** What to check: explicit ids and kwargs (/verify) or an open-instruct label (/get_reward). */
export type JobConstraints =
  | { readonly kind: 'ids'; readonly instructionIds: readonly string[]; readonly kwargs: readonly unknown[] }
  | { readonly kind: 'label'; readonly label: unknown };

/** One response to check in a worker. */
export interface CheckJob {
  readonly response: string;
  readonly constraints: JobConstraints;
  readonly mode: CheckMode;
  readonly variant: CheckerVariant;
  /** Apply open-instruct's removeThinkingSection before checking (always on for /get_reward). */
  readonly stripThinking: boolean;
}

/** A soft constraint the worker could not check: the HTTP thread asks the judge. */
export interface SoftConstraint {
  readonly index: number;
  readonly id: string;
  readonly instruction: string;
  readonly kwargs: Readonly<Record<string, unknown>>;
  /**
   * The oracle's verdict, for the soft constraints of a simulated world (the lab's, truth 'oracle'): what a simulated
   * judge (`sim:…`) needs to answer. Real judges never see it.
   */
  readonly truth?: Verdict;
}

/** A worker's answer for one job. */
export type JobOutcome =
  | {
      readonly kind: 'checked';
      /** The text the checkers saw. */
      readonly answer: string;
      readonly instructionIds: readonly string[];
      /** One per constraint; null where a judge must decide (soft constraints). */
      readonly verdicts: ReadonlyArray<Verdict | null>;
      readonly soft: readonly SoftConstraint[];
    }
  /** A bad request: `field` is relative to the job (`kwargs[1].keyword`, `instruction_id_list[0]`, `label`). */
  | { readonly kind: 'invalid'; readonly field: string; readonly message: string }
  /** A checker threw: scored 0 and reported, never a crash. */
  | { readonly kind: 'failed'; readonly message: string }
  /** A check overran its time budget (set by the pool, which killed the worker). */
  | { readonly kind: 'timeout'; readonly message: string };

/** A batch of jobs for one worker. */
export interface WorkerTask {
  readonly taskId: number;
  readonly jobs: readonly CheckJob[];
}

export interface WorkerReply {
  readonly taskId: number;
  readonly outcomes: readonly JobOutcome[];
}

/** The first message a worker sends: the constraints its plugins add (id and kind), so the HTTP thread can validate ids. */
export interface WorkerReady {
  readonly ready: true;
  readonly pluginConstraints: ReadonlyArray<{ readonly id: string; readonly kind: 'hard' | 'soft' }>;
}

/** Shared progress words (Int32Array): a counter bumped at each job and check, the job index, the constraint index (-1 before the first). */
export const PROGRESS_SEQ = 0;
export const PROGRESS_JOB = 1;
export const PROGRESS_CHECK = 2;
export const PROGRESS_WORDS = 3;
