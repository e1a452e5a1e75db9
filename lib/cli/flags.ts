/** Numeric command-line flags, checked with an error that names the flag and shows the value. */

/** @example intFlag('n', '8', 1) // 8; intFlag('n', '0', 1) throws "--n must be an integer >= 1, got "0"" */
export function intFlag(name: string, value: string, min: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got "${value}"`);
  return n;
}

/** @example numberFlag('temperature', '0.7', 0) // 0.7 */
export function numberFlag(name: string, value: string, min: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number >= ${min}, got "${value}"`);
  return n;
}
