import * as aq from 'arquero';
import { passes, type Verdict } from '../verifiers/types';
import type { Accuracy, EvalSummary } from './metrics';
import type { ScoredPrompt } from './score';

type Table = ReturnType<typeof aq.from>;

const HEADLINES = [
  ['prompt-level strict', 'promptLevelStrict'],
  ['instruction-level strict', 'instructionLevelStrict'],
  ['prompt-level loose', 'promptLevelLoose'],
  ['instruction-level loose', 'instructionLevelLoose'],
] as const;

const fraction = (a: Accuracy): string => `${a.followed}/${a.total} (${(a.accuracy * 100).toFixed(1)}%)`;

/**
 * The four headline accuracies with the upstream checkers and with the corrected ones, and the change in counts.
 * @example correctionEffectTable(upstream.summary, corrected.summary) // prompt-level strict 76/300 → 77/300, +1
 */
export function correctionEffectTable(upstream: EvalSummary, corrected: EvalSummary): Table {
  return aq.from(
    HEADLINES.map(([label, key]) => ({
      metric: label,
      upstream: fraction(upstream[key]),
      corrected: fraction(corrected[key]),
      change: corrected[key].followed - upstream[key].followed,
    })),
  );
}

/** One instruction whose verdict differs between two scorings of the same prompts. */
export interface ChangedVerdict {
  readonly key: string;
  readonly instructionId: string;
  readonly mode: 'strict' | 'loose';
  readonly upstream: Verdict;
  readonly corrected: Verdict;
  readonly response: string;
}

/** The instructions whose pass/fail differs between two scorings of the same prompts, in prompt order. */
export function changedVerdicts(upstream: readonly ScoredPrompt[], corrected: readonly ScoredPrompt[]): ChangedVerdict[] {
  if (upstream.length !== corrected.length) {
    throw new Error(`changedVerdicts: the scorings cover ${upstream.length} and ${corrected.length} prompts; score the same prompts file twice`);
  }
  return upstream.flatMap((u, i) => {
    const c = corrected[i]!;
    return (['strict', 'loose'] as const).flatMap((mode) =>
      u.instructionIds.flatMap((id, j) =>
        passes(u[mode][j]!) === passes(c[mode][j]!)
          ? []
          : [{ key: String(u.key), instructionId: id, mode, upstream: u[mode][j]!, corrected: c[mode][j]!, response: u.response ?? '' }],
      ),
    );
  });
}

/** `changedVerdicts` as a table, responses cut to `maxChars`. */
export function changedVerdictsTable(upstream: readonly ScoredPrompt[], corrected: readonly ScoredPrompt[], maxChars = 160): Table {
  return aq.from(
    changedVerdicts(upstream, corrected).map((c) => ({
      key: c.key,
      instruction_id: c.instructionId,
      mode: c.mode,
      upstream: c.upstream,
      corrected: c.corrected,
      response: c.response.length > maxChars ? c.response.slice(0, maxChars - 1) + '…' : c.response,
    })),
  );
}
