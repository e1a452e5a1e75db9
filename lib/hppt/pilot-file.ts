/**
 * The pilot's results file: one JSON line per finished prompt, appended the moment it is done. A run killed
 * mid-write leaves at most a torn last line, cut off before the next append (as the judge cache does).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';

/** One finished prompt. `rewards` and `passed` are what the filter reads; `responses` keep the evidence. */
export interface PilotLine {
  readonly key: string;
  readonly rewards: readonly number[];
  readonly passed: readonly (readonly boolean[])[];
  readonly responses: readonly string[];
  readonly failures?: readonly { readonly type: string; readonly error: string }[];
}

export interface PilotFile {
  /** Keys already finished (resumed runs skip them). */
  readonly done: ReadonlySet<string>;
  readonly tornLastLine: boolean;
  append(line: PilotLine): void;
}

/** Opens (or starts) a pilot results file. */
export function openPilotFile(file: string): PilotFile {
  const done = new Set<string>();
  let torn = false;
  let wholeBytes = 0;
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        done.add(String((JSON.parse(line) as { key: unknown }).key));
      } catch {
        if (i === lines.length - 1 && !text.endsWith('\n')) torn = true;
        else throw new Error(`${file}:${i + 1}: pilot results line is not JSON; delete that line to rerun its prompt`);
      }
    });
    wholeBytes = Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1));
  }
  let cut = torn;
  return {
    done,
    tornLastLine: torn,
    append(line) {
      mkdirSync(dirname(file), { recursive: true });
      if (cut) truncateSync(file, wholeBytes);
      cut = false;
      appendFileSync(file, JSON.stringify(line) + '\n');
      done.add(line.key);
    },
  };
}
