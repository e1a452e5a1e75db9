/**
 * VerInstruct `[rule]` functions that ifkit can check without running them: a function whose whole body (after
 * normalising whitespace and dropping the `sys.path` preamble VerIF's if_prompts.py adds) matches a known shape
 * whose semantics equal a registered checker's maps to that id. Anything else stays Python, never executed unless
 * asked (see sandbox.ts). A shape is listed only where the registered checker decides exactly as the Python does;
 * VerInstruct's own function bodies were not available to us, so this table is small on purpose: add a row when
 * real rows show a shape (docs/hppt.md).
 *
 * The `[llm]` functions call `llm_score` / `llm_judge(instruction, response, "<constraint text>")`; that text, when
 * it is a plain string literal, is what ifkit's judge reads (read statically, never run).
 */
import { parsePyLiteral } from '../rewards/py-literal';

/** A Python string literal (single or double quotes, one line, escapes kept for parsePyLiteral). */
const PY_STR = String.raw`(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")`;
const PLAIN_WORDS = /^[A-Za-z0-9 ]+$/;

interface Shape {
  readonly name: string;
  /** Matched against the whole normalised function source. */
  readonly source: RegExp;
  /** The registry id and kwargs, or null when the captured values fall outside the exact-semantics range. */
  readonly map: (groups: Readonly<Record<string, string>>) => { id: string; kwargs: Record<string, unknown> | null } | null;
}

const def = String.raw`def check_following\(instruction, response\): `;
const str = (g: string): string => parsePyLiteral(g) as string;

/** IFEval checks these with `re.search(r"\,", text)` and `re.search(keyword, text, re.I)`: the same as the Python below for plain ASCII words. */
export const VERINSTRUCT_SHAPES: readonly Shape[] = [
  {
    name: 'no comma',
    source: new RegExp(`^${def}return (?<comma>${PY_STR}) not in response$`),
    map: (g) => (str(g.comma!) === ',' ? { id: 'punctuation:no_comma', kwargs: null } : null),
  },
  {
    name: 'keyword present, any case',
    source: new RegExp(`^${def}return (?<kw>${PY_STR})\\.lower\\(\\) in response\\.lower\\(\\)$`),
    map: (g) => {
      const kw = str(g.kw!);
      return PLAIN_WORDS.test(kw) && kw.trim() !== '' ? { id: 'keywords:existence', kwargs: { keywords: [kw] } } : null;
    },
  },
];

/** The source with comments, blank lines, the sys.path preamble and runs of whitespace removed. */
export function normaliseSource(source: string): string {
  return source
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trimEnd())
    .filter((l) => l.trim() !== '' && !/^\s*(import sys|sys\.path\.append\(.*\))\s*$/.test(l) && !/^\s*#/.test(l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The registry check a `[rule]` function equals, if it has a known shape. */
export function mapRuleFunction(source: string): { id: string; kwargs: Record<string, unknown> | null } | null {
  const text = normaliseSource(source);
  for (const shape of VERINSTRUCT_SHAPES) {
    const m = shape.source.exec(text);
    if (m) {
      const mapped = shape.map(m.groups ?? {});
      if (mapped) return mapped;
    }
  }
  return null;
}

const LLM_CALL = new RegExp(String.raw`llm_(?:score|judge)\(\s*instruction\s*,\s*response\s*,\s*(${PY_STR})\s*\)`);

/** The constraint text an `[llm]` function hands its judge, read statically; null if it is not a string literal. */
export function llmConstraintText(source: string): string | null {
  const m = LLM_CALL.exec(source);
  if (!m) return null;
  const text = parsePyLiteral(m[1]!);
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}
