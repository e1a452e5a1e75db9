/**
 * scorePrompts with the reward server's per-check time bound (default 2 s): a check that overruns it is stopped,
 * scored as failed and reported, instead of hanging the run. Bounding each check costs ~0.1 ms (see
 * verifiers/time-bound.ts), so prompts are scored in chunks under one bound, and only a chunk that overruns is
 * scored again prompt by prompt, then check by check: the verdicts are those of scorePrompts whenever nothing
 * overruns, at a few chunk-sized bounds per file.
 */
import { warmUpModels } from '../verifiers/nlp/warm-up';
import { runWithin, type Bounded } from '../verifiers/time-bound';
import { passes, type Verdict } from '../verifiers/types';
import type { PreparedPrompt } from './input';
import { checkLoose, checkStrict, scorePrompts, type ScoredPrompt } from './score';

/** A check stopped at the time bound (scored as failed). */
export interface CheckTimeout {
  readonly key: number | string;
  readonly instructionId: string;
  /** Position in the prompt's instruction list. */
  readonly index: number;
  readonly mode: 'strict' | 'loose';
}

export interface BoundedScoring {
  readonly scored: ScoredPrompt[];
  readonly timeouts: CheckTimeout[];
}

/**
 * One check under the bound. An overrun is retried once with every NLP model loaded first (unbounded), so that a
 * model's first load, slow on a busy machine, never counts as the check's time.
 */
export function checkWithin<T>(ms: number, fn: () => T): Bounded<T> {
  const first = runWithin(ms, fn);
  if (first.done) return first;
  warmUpModels();
  return runWithin(ms, fn);
}

/** One prompt, each strict check and each loose check under its own bound. */
function scoreCheckByCheck(p: PreparedPrompt, response: string, ms: number, timeouts: CheckTimeout[]): ScoredPrompt {
  const strict: Verdict[] = [];
  const loose: Verdict[] = [];
  p.checks.forEach((check, index) => {
    const timedOut = (mode: 'strict' | 'loose'): false => (timeouts.push({ key: p.key, instructionId: p.instructionIds[index]!, index, mode }), false);
    const s = checkWithin(ms, () => checkStrict(check, response));
    // A response that stopped the strict check is not tried again in loose mode: it would only cost another bound.
    if (!s.done) return void (strict.push(timedOut('strict')), loose.push(false));
    strict.push(s.value);
    if (passes(s.value)) return void loose.push(s.value);
    const l = checkWithin(ms, () => checkLoose(check, response, true));
    loose.push(l.done ? l.value : timedOut('loose'));
  });
  return { key: p.key, prompt: p.prompt, response, instructionIds: p.instructionIds, strict, loose };
}

/** The largest chunk: an overrun re-scores its prompts one by one, so a chunk is kept to a fraction of the bound. */
const MAX_CHUNK = 4096;

/**
 * Scores prompts as scorePrompts does, no check running longer than `checkTimeoutMs`. Chunks start at `chunkSize`
 * prompts and double while a chunk takes under an eighth of the bound: each bounded run costs ~0.5 ms (a watchdog
 * thread started and joined), 85 of them on 10 copies of IFEval at a fixed 64; doubling makes it 7.
 * @example scorePromptsWithin(prompts, joined.responses, 2000).timeouts // [] unless a check overran
 */
export function scorePromptsWithin(prompts: readonly PreparedPrompt[], responses: ReadonlyArray<string | null>, checkTimeoutMs: number, chunkSize = 64): BoundedScoring {
  const scored: ScoredPrompt[] = [];
  const timeouts: CheckTimeout[] = [];
  for (let start = 0, size = chunkSize; start < prompts.length; ) {
    const chunk = prompts.slice(start, start + size);
    const chunkResponses = responses.slice(start, start + size);
    const began = performance.now();
    const whole = runWithin(checkTimeoutMs, () => scorePrompts(chunk, chunkResponses));
    const fast = performance.now() - began < checkTimeoutMs / 8;
    if (whole.done) scored.push(...whole.value);
    else {
      chunk.forEach((p, i) => {
        const response = chunkResponses[i] ?? null;
        const one = runWithin(checkTimeoutMs, () => scorePrompts([p], [response])[0]!);
        scored.push(one.done ? one.value : scoreCheckByCheck(p, response!, checkTimeoutMs, timeouts));
      });
    }
    start += chunk.length;
    size = fast ? Math.min(2 * size, MAX_CHUNK) : chunkSize;
  }
  return { scored, timeouts };
}
