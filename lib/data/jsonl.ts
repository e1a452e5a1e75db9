import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A bad input line: the message reads `file:line: reason`, so editors and terminals can jump to it. */
export class JsonlError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'JsonlError';
  }
}

// A line of nothing but whitespace (what trim() removes; \s is the same set), tested without copying the line.
const BLANK = /^\s*$/;

/** One parsed row with where it came from. */
export interface JsonlRow<T> {
  readonly value: T;
  readonly line: number;
}

/** Validates a parsed value; throw (any Error) with a reason to reject the line. */
export type RowValidator<T> = (value: unknown, line: number) => T;

/** Text without a leading UTF-8 byte order mark (Windows editors write one; JSON.parse rejects it). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseLine<T>(file: string, text: string, line: number, validate?: RowValidator<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new JsonlError(file, line, `invalid JSON (${(e as Error).message}); each line must hold one JSON value`);
  }
  if (!validate) return value as T;
  try {
    return validate(value, line);
  } catch (e) {
    if (e instanceof JsonlError) throw e;
    throw new JsonlError(file, line, (e as Error).message);
  }
}

/**
 * Streams a JSONL file row by row; blank lines and a leading byte order mark are skipped; a bad line throws
 * `JsonlError` (`file:line: reason`).
 * @example for await (const { value, line } of readJsonl('data/ifeval/input_data.jsonl')) { ... }
 */
export async function* readJsonl<T = unknown>(file: string, validate?: RowValidator<T>): AsyncGenerator<JsonlRow<T>> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? stripBom(raw) : raw;
    if (BLANK.test(text)) continue;
    yield { value: parseLine(file, text, line, validate), line };
  }
}

/** readFileSync, with the file named in the error even when node leaves it out (EISDIR). */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.path === undefined) err.path = file;
    throw err;
  }
}

/** Reads a whole JSONL file synchronously (small files: benchmarks, golden files); a leading BOM is skipped. */
export function readJsonlSync<T = unknown>(file: string, validate?: RowValidator<T>): JsonlRow<T>[] {
  const out: JsonlRow<T>[] = [];
  const lines = stripBom(readText(file)).split('\n');
  lines.forEach((text, i) => {
    if (!BLANK.test(text)) out.push({ value: parseLine(file, text, i + 1, validate), line: i + 1 });
  });
  return out;
}

/** Serialises rows as JSONL text (one JSON value per line, trailing newline). */
export function toJsonl(rows: Iterable<unknown>): string {
  let out = '';
  for (const r of rows) out += JSON.stringify(r) + '\n';
  return out;
}
