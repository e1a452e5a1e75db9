import { z } from 'zod';
import { JsonlError, readJsonlSync } from './jsonl';

/** One benchmark prompt as IFEval/IFBench/IFTrain files store it (`key` is a number in IFEval, a string in IFBench). */
export interface PromptRow {
  readonly key: number | string;
  readonly prompt: string;
  readonly instruction_id_list: readonly string[];
  /** One kwargs object per instruction; IFBench carries every kwarg name with null when unused, and may hold null. */
  readonly kwargs: ReadonlyArray<Record<string, unknown> | null>;
}

/** One model response, joined to its prompt by prompt text (or by key when the text does not match). */
export interface ResponseRow {
  readonly prompt: string;
  readonly response: string;
  readonly key?: number | string;
  /** Line in the responses file (set by readResponseRows), for reports. */
  readonly line?: number;
}

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

function reason(e: z.ZodError): string {
  const issue = e.issues[0]!;
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

// The casts below are no-ops under strict mode; the notebook kernel compiles without strictNullChecks, where zod
// infers every field as optional.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isKey = (v: unknown): v is number | string => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

// Well-formed rows are checked by hand: zod costs ~0.1 ms a row, more on a cold start (IFBench rows carry every
// kwarg name, ~50 per instruction), and loading is part of every `ifkit eval`. A row the check refuses goes to zod,
// which words the error; the check accepts exactly what the schemas accept, with the same fields.
function promptRowFast(raw: unknown): PromptRow | null {
  if (!isObject(raw)) return null;
  const { key, prompt, instruction_id_list: ids, kwargs } = raw;
  if (!isKey(key) || typeof prompt !== 'string' || !Array.isArray(ids) || !Array.isArray(kwargs) || ids.length !== kwargs.length) return null;
  if (!ids.every((id) => typeof id === 'string') || !kwargs.every((k) => k === null || isObject(k))) return null;
  return { key, prompt, instruction_id_list: ids as string[], kwargs: kwargs as Array<Record<string, unknown> | null> };
}

function responseRowFast(raw: unknown): ResponseRow | null {
  if (!isObject(raw)) return null;
  const { prompt, response, key } = raw;
  if (typeof prompt !== 'string' || typeof response !== 'string') return null;
  if (key === undefined) return { prompt, response };
  return isKey(key) ? { prompt, response, key } : null;
}

/** Validates one prompt row; throws an Error whose message names the field (JsonlError adds file:line). */
export function parsePromptRow(raw: unknown): PromptRow {
  const fast = promptRowFast(raw);
  if (fast) return fast;
  const r = promptRowSchema.safeParse(raw);
  if (!r.success) throw new Error(reason(r.error));
  return r.data as PromptRow;
}

/** Validates one response row (`{prompt, response}`, optional `key`). */
export function parseResponseRow(raw: unknown): ResponseRow {
  const fast = responseRowFast(raw);
  if (fast) return fast;
  const r = responseRowSchema.safeParse(raw);
  if (!r.success) throw new Error(reason(r.error));
  return r.data as ResponseRow;
}

/** Reads a prompts file; a bad row throws `file:line: field: reason`. */
export function readPromptRows(file: string): PromptRow[] {
  return readJsonlSync(file, parsePromptRow).map((r) => r.value);
}

/** Reads a responses file (`{prompt, response}` per line); a file without any row is an error, not "all missing". */
export function readResponseRows(file: string): ResponseRow[] {
  const rows = readJsonlSync(file, parseResponseRow).map((r) => ({ ...r.value, line: r.line }));
  if (rows.length === 0) throw new JsonlError(file, 1, 'no response rows (the file is empty); expected one {"prompt": ..., "response": ...} object per line');
  return rows;
}

/** The category of an instruction id: the part before the colon (`length_constraints:number_words` → `length_constraints`). */
export function categoryOf(id: string): string {
  const i = id.indexOf(':');
  return i < 0 ? id : id.slice(0, i);
}
