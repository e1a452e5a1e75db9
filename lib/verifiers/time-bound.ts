/**
 * A time bound for one synchronous check, in process. A check cannot be interrupted from inside (a backtracking
 * regex never yields), but V8 can terminate running JavaScript from its watchdog thread: node's `vm` timeout does
 * exactly that, and the code it stops may be any function, not only the script's own. `ifkit eval` and
 * `ifkit judge audit` use it to give every check the server's budget without worker threads.
 *
 * Costs about 0.1 ms per call (a watchdog thread per run), so callers bound a batch first and re-run it check by
 * check only when the batch overruns (see lib/eval/bounded-score.ts). A stopped check leaves no half-built state
 * behind in ifkit's checkers: lazily loaded models are assigned only once built (`x ??= load()`), and global regexes
 * reset `lastIndex` before each use.
 */
import { createContext, Script } from 'node:vm';

/** The reward server's budget for one check, which `ifkit eval` and `ifkit judge audit` share. */
export const DEFAULT_CHECK_TIMEOUT_MS = 2000;

const sandbox: { run?: () => unknown } = {};
createContext(sandbox);
const CALL = new Script('run()');

/** What a bounded run gives: the value, or that the time ran out. */
export type Bounded<T> = { readonly done: true; readonly value: T } | { readonly done: false };

/**
 * Runs `fn`, stopping it after `ms` milliseconds of wall time (whole, at least 1; Infinity runs it unbounded).
 * Errors other than the timeout propagate.
 * @example runWithin(2000, () => /(a+)+$/.test('a'.repeat(40) + 'b')) // { done: false } after 2 s
 */
export function runWithin<T>(ms: number, fn: () => T): Bounded<T> {
  if (ms === Infinity) return { done: true, value: fn() };
  if (!(ms > 0)) throw new RangeError(`a check's time bound must be a positive number of ms, got ${ms}`);
  let value: T | undefined;
  sandbox.run = () => (value = fn());
  try {
    CALL.runInContext(sandbox, { timeout: Math.ceil(ms) });
  } catch (e) {
    if ((e as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { done: false };
    throw e;
  } finally {
    sandbox.run = undefined;
  }
  return { done: true, value: value as T };
}
