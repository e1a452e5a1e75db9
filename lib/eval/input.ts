import { z } from 'zod';
import { JsonlError, readJsonlSync } from '../data/jsonl';
import type { PreparedCheck } from '../verifiers/define';
import { getConstraint } from '../verifiers/registry';
import type { Constraint } from '../verifiers/define';
import type { CheckerVariant } from '../verifiers/types';

/** A prompt row as IFEval (`key` int) and IFBench (`key` string, kwargs with nulls) write them. */
const promptRowSchema = z
  .object({
    key: z.union([z.number(), z.string()], { error: 'key must be a number or a string' }),
    prompt: z.string({ error: 'prompt must be a string' }),
    instruction_id_list: z.array(z.string(), { error: 'instruction_id_list must be a list of strings' }),
    kwargs: z.array(z.union([z.record(z.string(), z.unknown()), z.null()]), { error: 'kwargs must be a list of objects' }),
  })
  .refine((r) => r.kwargs.length === r.instruction_id_list.length, {
    message: 'kwargs and instruction_id_list must have the same length',
  });

const responseRowSchema = z.object({
  prompt: z.string({ error: 'prompt must be a string' }),
  response: z.string({ error: 'response must be a string' }),
  key: z.union([z.number(), z.string()]).optional(),
});

/** One prompt with its instructions bound to their kwargs (validated once, reused for every response variant). */
export interface PreparedPrompt {
  readonly key: number | string;
  readonly prompt: string;
  readonly instructionIds: readonly string[];
  readonly kwargs: ReadonlyArray<Record<string, unknown> | null>;
  readonly checks: readonly PreparedCheck[];
}

/** One model answer, joined to its prompt by text (or by key when the text does not match). */
export interface ResponseRow {
  readonly prompt: string;
  readonly response: string;
  readonly key?: number | string;
}

export type ConstraintLookup = (id: string) => Constraint;

function zodReason(e: z.ZodError): string {
  const issue = e.issues[0]!;
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** Validates one prompt row and prepares its checkers; throws with a reason naming the instruction and kwarg. */
export function preparePrompt(raw: unknown, opts: { lookup?: ConstraintLookup; variant?: CheckerVariant } = {}): PreparedPrompt {
  const parsed = promptRowSchema.safeParse(raw);
  if (!parsed.success) throw new Error(zodReason(parsed.error));
  const row = parsed.data;
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

/** Reads a responses file (`{prompt, response}` per line, optional `key`). */
export function readResponses(file: string): ResponseRow[] {
  return readJsonlSync(file, (value) => {
    const parsed = responseRowSchema.safeParse(value);
    if (!parsed.success) throw new Error(zodReason(parsed.error));
    return parsed.data;
  }).map((r) => r.value);
}
