/**
 * open-instruct IF reward labels: `ast.literal_eval(label)[0]`, which is a dict or a JSON string of
 * `{"instruction_id": [...], "kwargs": [...]}`. ifkit also accepts JSON text, a bare dict, or already-parsed values.
 */
import { z } from 'zod';
import { parsePyLiteral, PyLiteralError } from './py-literal';

/** The constraints of one prompt: ids and their kwargs (null for none), pairwise. */
export interface IfLabel {
  readonly instructionIds: readonly string[];
  readonly kwargs: ReadonlyArray<Record<string, unknown> | null>;
}

/** Thrown for a label that cannot be read; says what was expected and shows the value. */
export class IfLabelError extends Error {
  constructor(label: unknown, reason: string) {
    const shown = typeof label === 'string' ? label : JSON.stringify(label);
    super(`IF reward label ${JSON.stringify((shown ?? String(label)).slice(0, 120))}: ${reason}`);
    this.name = 'IfLabelError';
  }
}

const LabelSchema = z.object({
  instruction_id: z.array(z.string()),
  kwargs: z.array(z.record(z.string(), z.unknown()).nullable()),
});

function readText(text: string, label: unknown): unknown {
  try {
    return parsePyLiteral(text);
  } catch (pyErr) {
    try {
      // JSON spells None/True as null/true, which literal_eval rejects; accept it as well.
      return JSON.parse(text) as unknown;
    } catch {
      throw new IfLabelError(label, `neither a Python literal nor JSON (${(pyErr as PyLiteralError).message})`);
    }
  }
}

/** Parse and validate a label. @example parseIfLabel("[{'instruction_id': ['punctuation:no_comma'], 'kwargs': [None]}]") */
export function parseIfLabel(label: unknown): IfLabel {
  // Unwrap `[label]` and string-encoded layers (upstream: literal_eval, [0], then json.loads if still a string);
  // datasets such as Dolci nest one more list around the string.
  let value: unknown = label;
  for (let depth = 0; depth < 4 && (typeof value === 'string' || Array.isArray(value)); depth++) {
    if (typeof value === 'string') value = readText(value, label);
    else if (value.length === 0) throw new IfLabelError(label, 'is an empty list; expected [constraints]');
    else value = value[0];
  }
  const parsed = LabelSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IfLabelError(label, `${issue.path.join('.') || '(root)'}: ${issue.message}; expected {"instruction_id": [...], "kwargs": [...]}`);
  }
  const { instruction_id, kwargs } = parsed.data;
  // Upstream zips the two lists and silently drops the surplus; a mismatch is a broken label, so say so.
  if (instruction_id.length !== kwargs.length) {
    throw new IfLabelError(label, `has ${instruction_id.length} instruction ids but ${kwargs.length} kwargs entries`);
  }
  return { instructionIds: instruction_id, kwargs };
}
