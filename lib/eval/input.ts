import { parsePromptRow } from '../data/benchmark';
import { JsonlError, readJsonlSync } from '../data/jsonl';
import type { ConstraintLookup, PreparedCheck } from '../verifiers/define';
import { getConstraint } from '../verifiers/registry';
import type { CheckerVariant } from '../verifiers/types';

/** One prompt with its instructions bound to their kwargs (validated once, reused for every response variant). */
export interface PreparedPrompt {
  readonly key: number | string;
  readonly prompt: string;
  readonly instructionIds: readonly string[];
  readonly kwargs: ReadonlyArray<Record<string, unknown> | null>;
  readonly checks: readonly PreparedCheck[];
}

/** Validates one prompt row and prepares its checkers; throws with a reason naming the instruction and kwarg. */
export function preparePrompt(raw: unknown, opts: { lookup?: ConstraintLookup; variant?: CheckerVariant } = {}): PreparedPrompt {
  const row = parsePromptRow(raw);
  const lookup = opts.lookup ?? getConstraint;
  const checks = row.instruction_id_list.map((id, i) => lookup(id).prepare(row.kwargs[i], opts.variant));
  return { key: row.key, prompt: row.prompt, instructionIds: row.instruction_id_list, kwargs: row.kwargs, checks };
}

/** Reads and prepares a prompts file; a bad row throws `JsonlError` (`file:line: reason`). */
export function readPrompts(file: string, opts: { lookup?: ConstraintLookup; variant?: CheckerVariant } = {}): PreparedPrompt[] {
  const rows = readJsonlSync(file, (value) => preparePrompt(value, opts)).map((r) => r.value);
  if (rows.length === 0) throw new JsonlError(file, 1, 'no prompt rows; expected one JSON object per line');
  return rows;
}
