/**
 * Reads a dataset in any of the three input formats into items. A row that cannot be used is skipped and recorded
 * as `file:line: reason` (bad JSON, a missing field, an unknown id with the nearest ones, bad kwargs, a duplicate
 * key); the rest of the file is still read.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ifkitItem } from './ifkit-format';
import { openInstructItem } from './read-open-instruct';
import { verInstructItem } from './read-verinstruct';
import { INPUT_FORMATS, type BadRow, type HpptItem, type InputFormat, type ItemOrigin } from './types';

/** What reading a dataset gave. */
export interface ReadResult {
  readonly format: InputFormat;
  readonly items: HpptItem[];
  readonly bad: BadRow[];
  /** VerInstruct checkers without a `[rule]`/`[llm]` tag, ignored as VerIF's constraint_analyzer does. */
  readonly untaggedCheckers: number;
  readonly rows: number;
}

/** The format a row looks like, or undefined. */
export function detectFormat(row: unknown): InputFormat | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  if ('checkers' in row && 'functions' in row) return 'verinstruct';
  if ('messages' in row && 'ground_truth' in row) return 'open-instruct';
  if ('instruction_id_list' in row || 'soft_constraints' in row) return 'ifkit';
  return undefined;
}

function toItem(format: InputFormat, value: unknown, origin: ItemOrigin): { item: HpptItem; untagged: number } {
  switch (format) {
    case 'open-instruct':
      return { item: openInstructItem(value, origin), untagged: 0 };
    case 'verinstruct':
      return verInstructItem(value, origin);
    case 'ifkit':
      return { item: ifkitItem(value, origin), untagged: 0 };
  }
}

/**
 * Reads `file` (JSONL) as `format`, or the format of its first JSON row with `'auto'`.
 * @example const { items, bad } = await readDataset('train.jsonl', 'auto')
 */
export async function readDataset(file: string, format: InputFormat | 'auto' = 'auto'): Promise<ReadResult> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const items: HpptItem[] = [];
  const bad: BadRow[] = [];
  const firstLine = new Map<string, number>();
  let resolved: InputFormat | undefined = format === 'auto' ? undefined : format;
  let untagged = 0;
  let line = 0;
  let rows = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    rows++;
    const fail = (reason: string): void => void bad.push({ file, line, reason });
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      fail(`invalid JSON (${(e as Error).message}); each line must hold one JSON object`);
      continue;
    }
    resolved ??= detectFormat(value);
    if (resolved === undefined) {
      fail(`cannot tell the format of this row (keys: ${Object.keys(value ?? {}).slice(0, 6).join(', ')}); pass --format ${INPUT_FORMATS.join('|')}`);
      continue;
    }
    try {
      const { item, untagged: u } = toItem(resolved, value, { file, line, format: resolved });
      const seen = firstLine.get(item.key);
      if (seen !== undefined) {
        fail(`duplicate key ${JSON.stringify(item.key)} (first at line ${seen}); keys must be unique so pilot results join their prompt`);
        continue;
      }
      firstLine.set(item.key, line);
      untagged += u;
      items.push(item);
    } catch (e) {
      fail((e as Error).message);
    }
  }
  return { format: resolved ?? (format === 'auto' ? 'ifkit' : format), items, bad, untaggedCheckers: untagged, rows };
}
