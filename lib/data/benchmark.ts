import { z } from 'zod';
import { readJsonlSync } from './jsonl';

/** One benchmark prompt as IFEval/IFBench/IFTrain files store it (`key` is a number in IFEval, a string in IFBench). */
export interface PromptRow {
  readonly key: number | string;
  readonly prompt: string;
  readonly instruction_id_list: readonly string[];
  /** One kwargs object per instruction; IFBench carries every kwarg name with null when unused. */
  readonly kwargs: ReadonlyArray<Record<string, unknown>>;
}

/** One model response, joined to its prompt by prompt text. */
export interface ResponseRow {
  readonly prompt: string;
  readonly response: string;
  readonly key?: number | string;
}

const promptSchema = z
  .object({
    key: z.union([z.number(), z.string()]),
    prompt: z.string(),
    instruction_id_list: z.array(z.string()),
    kwargs: z.array(z.record(z.string(), z.unknown())),
  })
  .refine((r) => r.kwargs.length === r.instruction_id_list.length, {
    message: 'kwargs must hold one object per instruction id',
    path: ['kwargs'],
  });

const responseSchema = z.object({
  prompt: z.string(),
  response: z.string(),
  key: z.union([z.number(), z.string()]).optional(),
});

// The casts below are no-ops under strict mode; the notebook kernel compiles without strictNullChecks, where zod
// infers every field as optional.
/** Throws an Error whose message names the first bad field and its value (JsonlError adds file:line). */
function validator<T>(schema: z.ZodType<T>): (v: unknown) => T {
  return (v) => {
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    const field = issue.path.join('.') || '(row)';
    throw new Error(`field "${field}": ${issue.message}`);
  };
}

/** Reads a prompts file; a bad row throws `file:line: field "...": reason`. */
export function readPromptRows(file: string): PromptRow[] {
  return readJsonlSync(file, validator(promptSchema)).map((r) => r.value as PromptRow);
}

/** Reads a responses file (`{prompt, response}` per line). */
export function readResponseRows(file: string): ResponseRow[] {
  return readJsonlSync(file, validator(responseSchema)).map((r) => r.value as ResponseRow);
}

/** The category of an instruction id: the part before the colon (`length_constraints:number_words` → `length_constraints`). */
export function categoryOf(id: string): string {
  const i = id.indexOf(':');
  return i < 0 ? id : id.slice(0, i);
}
