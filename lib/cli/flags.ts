/**
 * The command line's flag parsers: commander hands every value over as a string, and each parser turns one into a
 * number (or one of a set of names) or throws an error naming the flag, the value given and what to pass instead.
 * `Number()` alone would take '' and ' ' as 0, '0x10' as 16 and '2.5' where an integer is meant.
 */

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function fail(name: string, value: string, expected: string): never {
  throw new Error(`--${name} must be ${expected}, got ${JSON.stringify(value)}`);
}

function integer(name: string, value: string, expected: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = INTEGER.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) fail(name, value, expected);
  return n;
}

function decimal(name: string, value: string, expected: string, ok: (n: number) => boolean): number {
  const n = DECIMAL.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || !ok(n)) fail(name, value, expected);
  return n;
}

/** An integer >= 1 (a count, a size, a timeout). @example positiveIntFlag('workers', '4') // 4 */
export function positiveIntFlag(name: string, value: string): number {
  return integer(name, value, 'a positive integer (1, 2, 3, …)', 1);
}

/** An integer >= 0 (a seed, a retry count, 0 resamples to skip). @example nonNegativeIntFlag('seed', '0') // 0 */
export function nonNegativeIntFlag(name: string, value: string): number {
  return integer(name, value, 'a non-negative integer (0, 1, 2, …)', 0);
}

/** A TCP port, 0 asking the system for a free one. @example portFlag('port', '8000') // 8000 */
export function portFlag(name: string, value: string): number {
  return integer(name, value, 'a port number from 0 to 65535 (0 picks a free port)', 0, 65535);
}

/** Any finite number. @example finiteFlag('offset', '-0.5') // -0.5 */
export function finiteFlag(name: string, value: string): number {
  return decimal(name, value, 'a finite number (e.g. 0.5)', () => true);
}

/** A finite number >= 0 (a temperature). @example nonNegativeFlag('temperature', '0.7') // 0.7 */
export function nonNegativeFlag(name: string, value: string): number {
  return decimal(name, value, 'a number >= 0 (e.g. 0, 0.7, 1)', (n) => n >= 0);
}

/** A finite number > 0 (a size in megabytes). @example positiveFlag('max-body-mb', '0.5') // 0.5 */
export function positiveFlag(name: string, value: string): number {
  return decimal(name, value, 'a number > 0 (e.g. 0.5, 16)', (n) => n > 0);
}

/** A probability, from 0 to 1. @example probabilityFlag('recall', '0.3') // 0.3 */
export function probabilityFlag(name: string, value: string): number {
  return decimal(name, value, 'a probability from 0 to 1 (e.g. 0.3)', (n) => n >= 0 && n <= 1);
}

/** One of a fixed set of names. @example choiceFlag('mode', 'loose', ['strict', 'loose']) // 'loose' */
export function choiceFlag<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) fail(name, value, `one of ${allowed.join(', ')}`);
  return value as T;
}
