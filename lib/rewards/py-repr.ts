/**
 * Python's `repr` for the values reward labels hold (str, int, float, bool, None, list, dict): the inverse of
 * py-literal.ts, so a label ifkit writes reads back with open-instruct's `ast.literal_eval` as upstream wrote it.
 * Strings use the IFEval port's `pyReprStr` (CPython's quoting and escapes).
 */
import { pyReprStr } from '../verifiers/ifeval/pyrepr';

/**
 * Python's repr of a JSON-like value (integers print without a decimal point: JavaScript cannot tell 1 from 1.0).
 * @example pyRepr([{ instruction_id: ['punctuation:no_comma'], kwargs: [null] }]) // "[{'instruction_id': ['punctuation:no_comma'], 'kwargs': [None]}]"
 */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return pyReprStr(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`pyRepr: ${value} has no Python literal (ast.literal_eval rejects nan and inf)`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyReprStr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  throw new Error(`pyRepr: cannot write a ${typeof value} as a Python literal`);
}
