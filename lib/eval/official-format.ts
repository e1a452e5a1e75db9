import { passes } from '../verifiers/types';
import type { ScoredPrompt } from './score';

/** A JSON value as Python's json module sees it. */
export type PyJson = null | boolean | number | string | readonly PyJson[] | { readonly [k: string]: PyJson };

const NON_PRINTABLE_ASCII = /[\u007f-\uffff]/g;
const unicodeEscape = (ch: string): string => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');

/**
 * Python `json.dumps(s)` for a str (ensure_ascii): everything outside ' '..'~' becomes \uXXXX per UTF-16 unit.
 * JSON.stringify already writes Python's escapes below U+0080 (\" \\ \b \f \n \r \t, else \u00XX in lower-case
 * hex) and lone surrogates as lower-case \udXXX; what is left is to escape U+007F and up, unit by unit (a
 * regex without the u flag sees the two halves of a surrogate pair). Native, it is ~5x faster than a scan in JS.
 */
function dumpString(s: string): string {
  return JSON.stringify(s).replace(NON_PRINTABLE_ASCII, unicodeEscape);
}

/**
 * Python `json.dumps(value)` with its defaults: `', '` and `': '` separators, ensure_ascii, keys in insertion order.
 * @example pyJsonDumps({ a: [true, 'é'] }) // '{"a": [true, "\\u00e9"]}'
 */
export function pyJsonDumps(value: PyJson): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return String(value);
  }
  if (typeof value === 'string') return dumpString(value);
  if (Array.isArray(value)) return '[' + (value as readonly PyJson[]).map(pyJsonDumps).join(', ') + ']';
  const entries = Object.entries(value as { readonly [k: string]: PyJson });
  return '{' + entries.map(([k, v]) => `${dumpString(k)}: ${pyJsonDumps(v)}`).join(', ') + '}';
}

type Mode = 'strict' | 'loose';

/** The part of a row both files share: `"instruction_id_list": [...], "prompt": ..., "response": ...}`. */
function rowTail(p: ScoredPrompt): string {
  return `"instruction_id_list": ${pyJsonDumps([...p.instructionIds])}, "prompt": ${dumpString(p.prompt)}, "response": ${dumpString(p.response ?? '')}}\n`;
}

function rowHead(p: ScoredPrompt, mode: Mode): string {
  const follow = p[mode].map(passes);
  return `{"follow_all_instructions": ${follow.every(Boolean)}, "follow_instruction_list": ${pyJsonDumps(follow)}, `;
}

/**
 * Upstream's `eval_results_{strict,loose}.jsonl` for each mode: one row per prompt, attributes in `dir()`
 * (alphabetical) order. Unverifiable verdicts are written as true, as upstream counts them. A prompt without a
 * response is written with an empty response and all-false verdicts (upstream would stop with a KeyError instead).
 * The prompt and response, most of every row, are escaped once for both files.
 * @example officialJsonlFiles(scored).strict.split('\n')[0] // '{"follow_all_instructions": true, ...'
 */
export function officialJsonlFiles(scored: readonly ScoredPrompt[]): Record<Mode, string> {
  const strict: string[] = [];
  const loose: string[] = [];
  for (const p of scored) {
    const tail = rowTail(p);
    strict.push(rowHead(p, 'strict') + tail);
    loose.push(rowHead(p, 'loose') + tail);
  }
  return { strict: strict.join(''), loose: loose.join('') };
}

/** `eval_results_<mode>.jsonl` alone (see `officialJsonlFiles`). */
export function officialJsonl(scored: readonly ScoredPrompt[], mode: Mode): string {
  return scored.map((p) => rowHead(p, mode) + rowTail(p)).join('');
}
