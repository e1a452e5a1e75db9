import { passes } from '../verifiers/types';
import type { ScoredPrompt } from './score';

/** A JSON value as Python's json module sees it. */
export type PyJson = null | boolean | number | string | readonly PyJson[] | { readonly [k: string]: PyJson };

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** Python `json.dumps(s)` for a str (ensure_ascii): everything outside ' '..'~' becomes \uXXXX per UTF-16 unit. */
function dumpString(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(run, i);
    const ch = s[i]!;
    out += SHORT_ESCAPES[ch] ?? '\\u' + c.toString(16).padStart(4, '0');
    run = i + 1;
  }
  return out + s.slice(run) + '"';
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

/**
 * Upstream's `eval_results_{strict,loose}.jsonl`: one row per prompt, attributes in `dir()` (alphabetical) order.
 * Unverifiable verdicts are written as true, as upstream counts them. A prompt without a response is written
 * with an empty response and all-false verdicts (upstream would stop with a KeyError instead).
 */
export function officialJsonl(scored: readonly ScoredPrompt[], mode: 'strict' | 'loose'): string {
  let out = '';
  for (const p of scored) {
    const follow = p[mode].map(passes);
    out +=
      pyJsonDumps({
        follow_all_instructions: follow.every(Boolean),
        follow_instruction_list: follow,
        instruction_id_list: [...p.instructionIds],
        prompt: p.prompt,
        response: p.response ?? '',
      }) + '\n';
  }
  return out;
}
